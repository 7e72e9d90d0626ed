import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { EndPairBody, IntroAnswerBody, IntroBody, IntroSlots, Pair } from "../../../../contracts/pairs.ts";
import { call, client } from "../../lib/api-client.ts";
import { notificationKeys } from "../notifications/index.ts";

/** The pairs' query keys. Every one starts with `all`: a partner's action (seen through a notification) refreshes them all. */
export const pairKeys = {
  all: ["pairs"] as const,
  mine: () => [...pairKeys.all, "mine"] as const,
  detail: (id: string) => [...pairKeys.all, "detail", id] as const,
  introSlots: (id: string) => [...pairKeys.all, "intro-slots", id] as const,
};

/** My pairs, in every programme. */
export const myPairsQuery = () =>
  queryOptions({ queryKey: pairKeys.mine(), queryFn: (): Promise<{ items: Pair[] }> => call(client.GET("/api/me/pairs")) });

/** One of my pairs, as I see it. */
export const pairQuery = (id: string) =>
  queryOptions({
    queryKey: pairKeys.detail(id),
    queryFn: (): Promise<Pair> => call(client.GET("/api/pairs/{id}", { params: { path: { id } } })),
  });

/** Three times proposed for the intro coffee (the pair must be in intro). */
export const introSlotsQuery = (id: string) =>
  queryOptions({
    queryKey: pairKeys.introSlots(id),
    queryFn: (): Promise<IntroSlots> => call(client.GET("/api/pairs/{id}/intro-slots", { params: { path: { id } } })),
  });

export function useIntroSlots(id: string, enabled: boolean) {
  return useQuery({ ...introSlotsQuery(id), enabled });
}

export function useMyPairs() {
  return useQuery(myPairsQuery());
}

export function usePair(id: string) {
  return useQuery(pairQuery(id));
}

/**
 * After an action: the answer, when it is the pair (`answersPair`), replaces the cached one; the lists and
 * the bell refresh (the partner was notified, and my own notifications may have changed).
 */
function usePairAction<Body, Result>(id: string, send: (body: Body) => Promise<Result>, answersPair = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      if (answersPair) queryClient.setQueryData(pairKeys.detail(id), result as Pair);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: pairKeys.all }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      ]);
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export function useScheduleIntro(id: string) {
  return usePairAction(
    id,
    (body: z.input<typeof IntroBody>): Promise<Pair> => call(client.PUT("/api/pairs/{id}/intro", { ...path(id), body })),
    true,
  );
}

export function useAnswerIntro(id: string) {
  return usePairAction(
    id,
    (body: z.input<typeof IntroAnswerBody>): Promise<Pair> => call(client.POST("/api/pairs/{id}/intro-answer", { ...path(id), body })),
    true,
  );
}

export function useEndPair(id: string) {
  return usePairAction(id, (body: z.input<typeof EndPairBody>) => call(client.POST("/api/pairs/{id}/end", { ...path(id), body })));
}

export function useCompletePair(id: string) {
  return usePairAction(id, (_: undefined) => call(client.POST("/api/pairs/{id}/complete", { ...path(id), body: {} })));
}
