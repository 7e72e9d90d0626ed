import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { EndPairBody, IntroAnswerBody, IntroBody, Pair, PairList } from "../../../../contracts/pairs.ts";
import { api } from "../../lib/api.ts";

/** Every pair query starts with "pairs": a partner's action (seen through a notification) refreshes them all. */
export const pairsQueryKey = ["pairs"] as const;
export const myPairsQueryKey = ["pairs", "mine"] as const;
export const pairQueryKey = (id: string) => ["pairs", id] as const;

export function useMyPairs() {
  return useQuery({ queryKey: myPairsQueryKey, queryFn: () => api.get<z.infer<typeof PairList>>("/api/me/pairs") });
}

export function usePair(id: string) {
  return useQuery({ queryKey: pairQueryKey(id), queryFn: () => api.get<Pair>(`/api/pairs/${id}`) });
}

/** After an action: the answer (when it is the pair) replaces the cached one, and the lists refresh. */
function usePairAction<Body, Result>(id: string, send: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      if (result && typeof result === "object" && "history" in result) queryClient.setQueryData(pairQueryKey(id), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: pairsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ["notifications"] }),
      ]);
    },
  });
}

export function useScheduleIntro(id: string) {
  return usePairAction(id, (body: z.infer<typeof IntroBody>) => api.put<Pair>(`/api/pairs/${id}/intro`, body));
}

export function useAnswerIntro(id: string) {
  return usePairAction(id, (body: z.infer<typeof IntroAnswerBody>) => api.post<Pair>(`/api/pairs/${id}/intro-answer`, body));
}

export function useEndPair(id: string) {
  return usePairAction(id, (body: z.infer<typeof EndPairBody>) => api.post<{ state: string }>(`/api/pairs/${id}/end`, body));
}

export function useCompletePair(id: string) {
  return usePairAction(id, (_: undefined) => api.post<{ state: string }>(`/api/pairs/${id}/complete`, {}));
}

/** The partner of a pair, seen from `pair.myRole`. */
export function partnerOf(pair: Pair) {
  return pair.myRole === "mentor" ? pair.mentee : pair.mentor;
}

export const OPEN_STATES: readonly Pair["state"][] = ["intro", "active"];
