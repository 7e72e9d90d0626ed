import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { CreateGoalBody, Goal, GoalList, GoalProgressBody, GoalTemplate, UpdateGoalBody } from "../../../../contracts/goals.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import { call, client } from "../../lib/api-client.ts";
import { notificationKeys } from "../notifications/index.ts";

/** The goals' query keys. Every one starts with `all`. */
export const goalKeys = {
  all: ["goals"] as const,
  ofPair: (pairId: string) => [...goalKeys.all, "pair", pairId] as const,
  templates: (skillId: string, learnerRole: ParticipantRole) => [...goalKeys.all, "templates", skillId, learnerRole] as const,
};

/** A pair's goals both ways, and whether the app asks the pair to agree them. */
export const pairGoalsQuery = (pairId: string) =>
  queryOptions({
    queryKey: goalKeys.ofPair(pairId),
    queryFn: (): Promise<GoalList> => call(client.GET("/api/pairs/{id}/goals", { params: { path: { id: pairId } } })),
  });

export function usePairGoals(pairId: string) {
  return useQuery(pairGoalsQuery(pairId));
}

/** The templates of a skill for this direction (nothing is asked until a skill is chosen). */
export function useGoalTemplates(skillId: string | null, learnerRole: ParticipantRole) {
  return useQuery({
    queryKey: goalKeys.templates(skillId ?? "", learnerRole),
    queryFn: (): Promise<{ items: GoalTemplate[] }> =>
      call(client.GET("/api/goal-templates", { params: { query: { skillId: skillId ?? undefined, learnerRole } } })),
    enabled: Boolean(skillId),
    staleTime: 30 * 60_000,
  });
}

/** After a change: the pair's goals refresh, and the bell (the partner was told; my own notices may change). */
function useGoalAction<Input>(pairId: string, send: (input: Input) => Promise<Goal>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: goalKeys.ofPair(pairId) }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      ]),
  });
}

const goalPath = (id: string) => ({ params: { path: { id } } });

export function useCreateGoal(pairId: string) {
  return useGoalAction(pairId, (body: z.input<typeof CreateGoalBody>) =>
    call(client.POST("/api/pairs/{id}/goals", { ...goalPath(pairId), body })),
  );
}

export function useEditGoal(pairId: string) {
  return useGoalAction(pairId, ({ id, ...body }: { id: string } & z.input<typeof UpdateGoalBody>) =>
    call(client.PATCH("/api/goals/{id}", { ...goalPath(id), body })),
  );
}

export function useAgreeToGoal(pairId: string) {
  return useGoalAction(pairId, (id: string) => call(client.POST("/api/goals/{id}/agree", { ...goalPath(id), body: {} })));
}

export function useAddGoalUpdate(pairId: string) {
  return useGoalAction(pairId, ({ id, ...body }: { id: string } & z.input<typeof GoalProgressBody>) =>
    call(client.POST("/api/goals/{id}/updates", { ...goalPath(id), body })),
  );
}

export function useSignOffGoal(pairId: string) {
  return useGoalAction(pairId, (id: string) => call(client.POST("/api/goals/{id}/sign-off", { ...goalPath(id), body: {} })));
}
