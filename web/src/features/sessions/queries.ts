import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AgendaItem,
  AgendaItemBody,
  AgendaItemChangeBody,
  CancelSessionBody,
  PairSession,
  PairSessionList,
  RescheduleSessionBody,
  ScheduleSessionBody,
  SessionDetail,
  SessionOutcomeBody,
  SessionProposals,
} from "../../../../contracts/sessions.ts";
import { call, client } from "../../lib/api-client.ts";
import { DEFAULT_TIME_ZONE } from "../../lib/zoned-time.ts";
import { notificationKeys } from "../notifications/index.ts";

/** The sessions' query keys: every change refreshes them all (the list's numbers and counts follow any session). */
export const sessionKeys = {
  all: ["sessions"] as const,
  ofPair: (pairId: string) => [...sessionKeys.all, "pair", pairId] as const,
  proposals: (pairId: string) => [...sessionKeys.all, "proposals", pairId] as const,
  detail: (id: string) => [...sessionKeys.all, "detail", id] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const pairSessionsQuery = (pairId: string) =>
  queryOptions({
    queryKey: sessionKeys.ofPair(pairId),
    queryFn: (): Promise<PairSessionList> => call(client.GET("/api/pairs/{id}/sessions", path(pairId))),
  });

export function usePairSessions(pairId: string, enabled = true) {
  return useQuery({ ...pairSessionsQuery(pairId), enabled });
}

/**
 * My time zone, in which a pair's times are shown to me: the sessions list names it (the same cached query
 * as the pair page's sessions); Europe/Paris, the directory's default, until it is known.
 */
export function usePairTimeZone(pairId: string): string {
  const zone = useQuery({ ...pairSessionsQuery(pairId), select: (list) => list.myTimeZone });
  return zone.data ?? DEFAULT_TIME_ZONE;
}

/** Three proposed times for the next session (asked when the schedule form opens). */
export function useSessionProposals(pairId: string, enabled: boolean) {
  return useQuery({
    queryKey: sessionKeys.proposals(pairId),
    queryFn: (): Promise<SessionProposals> => call(client.GET("/api/pairs/{id}/session-proposals", path(pairId))),
    enabled,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: sessionKeys.detail(id),
    queryFn: (): Promise<SessionDetail> => call(client.GET("/api/sessions/{id}", path(id))),
  });
}

/** After a change: the sessions and the bell refresh (a partner's action shows there too). */
function useSessionsMutation<Body, Result>(send: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      ]);
    },
  });
}

export function useScheduleSession(pairId: string) {
  return useSessionsMutation(
    (body: z.input<typeof ScheduleSessionBody>): Promise<PairSession> =>
      call(client.POST("/api/pairs/{id}/sessions", { ...path(pairId), body })),
  );
}

export function useRescheduleSession(id: string) {
  return useSessionsMutation(
    (body: z.input<typeof RescheduleSessionBody>): Promise<PairSession> => call(client.PATCH("/api/sessions/{id}", { ...path(id), body })),
  );
}

export function useCancelSession(id: string) {
  return useSessionsMutation(
    (body: z.input<typeof CancelSessionBody>): Promise<PairSession> =>
      call(client.POST("/api/sessions/{id}/cancel", { ...path(id), body })),
  );
}

export function useRecordOutcome(id: string) {
  return useSessionsMutation(
    (body: z.input<typeof SessionOutcomeBody>): Promise<PairSession> =>
      call(client.POST("/api/sessions/{id}/outcome", { ...path(id), body })),
  );
}

export function useAddAgendaItem(sessionId: string) {
  return useSessionsMutation(
    (body: z.input<typeof AgendaItemBody>): Promise<AgendaItem> =>
      call(client.POST("/api/sessions/{id}/agenda-items", { ...path(sessionId), body })),
  );
}

export function useChangeAgendaItem() {
  return useSessionsMutation(
    ({ id, ...body }: z.input<typeof AgendaItemChangeBody> & { id: string }): Promise<AgendaItem> =>
      call(client.PATCH("/api/agenda-items/{id}", { ...path(id), body })),
  );
}

export function useRemoveAgendaItem() {
  return useSessionsMutation((id: string) => call(client.DELETE("/api/agenda-items/{id}", path(id))));
}
