/**
 * The managers' view of one pair: its detail (history, and its workspace as counts and dates), who a person
 * of it may be paired with next, and the manager's actions — complete, end with a reason, pair by hand.
 * Everything lives under the programme's keys: an action refreshes the programme's page too (its counts,
 * the pairs tab), and the pairs feature's and the bell's data, since the pair's people are told.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { EndPairBody, ManagedPairDetail, NewPairBody, RematchOptions } from "../../../../contracts/pairs.ts";
import { call, client } from "../../lib/api-client.ts";
import { notificationKeys } from "../notifications/index.ts";
import { pairKeys } from "../pairs/index.ts";
import { programmeKeys } from "./queries.ts";

export const pairDetailKeys = {
  detail: (programmeId: string, pairId: string) => [...programmeKeys.detail(programmeId), "pair", pairId] as const,
  rematch: (programmeId: string, pairId: string, personId: string) =>
    [...pairDetailKeys.detail(programmeId, pairId), "rematch", personId] as const,
};

export const managedPairQuery = (programmeId: string, pairId: string) =>
  queryOptions({
    queryKey: pairDetailKeys.detail(programmeId, pairId),
    queryFn: (): Promise<ManagedPairDetail> =>
      call(client.GET("/api/programmes/{id}/pairs/{pairId}", { params: { path: { id: programmeId, pairId } } })),
  });

/** Who `personId` may be paired with now; asked only while the rematch dialog is open (`personId` not null). */
export const rematchOptionsQuery = (programmeId: string, pairId: string, personId: string | null) =>
  queryOptions({
    queryKey: pairDetailKeys.rematch(programmeId, pairId, personId ?? ""),
    queryFn: (): Promise<RematchOptions> =>
      call(
        client.GET("/api/programmes/{id}/pairs/{pairId}/rematch-options", {
          params: { path: { id: programmeId, pairId }, query: { person: personId as string } },
        }),
      ),
    enabled: personId !== null,
  });

export function useManagedPair(programmeId: string, pairId: string) {
  return useQuery(managedPairQuery(programmeId, pairId));
}

export function useRematchOptions(programmeId: string, pairId: string, personId: string | null) {
  return useQuery(rematchOptionsQuery(programmeId, pairId, personId));
}

/** Refreshes the programme (this pair, its list and counts), the pairs feature (a manager may be one of the pair) and the bell. */
function useRefresh(programmeId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(
      [programmeKeys.detail(programmeId), programmeKeys.list(), pairKeys.all, notificationKeys.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  };
}

/** A manager completes a running pair; both people are told. */
export function useManagerCompletePair(programmeId: string, pairId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: () => call(client.POST("/api/pairs/{id}/complete", { params: { path: { id: pairId } }, body: {} })),
    onSuccess: refresh,
  });
}

/** A manager ends a pair early with a reason (and a note the managers read in its history); both people are told. */
export function useManagerEndPair(programmeId: string, pairId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: z.input<typeof EndPairBody>) => call(client.POST("/api/pairs/{id}/end", { params: { path: { id: pairId } }, body })),
    onSuccess: refresh,
  });
}

/** A manager pairs a mentor and a mentee by hand; both are told. Answers the new pair. */
export function useFormPair(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: z.input<typeof NewPairBody>): Promise<ManagedPairDetail> =>
      call(client.POST("/api/programmes/{id}/pairs", { params: { path: { id: programmeId } }, body })),
    onSuccess: refresh,
  });
}
