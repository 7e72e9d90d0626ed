import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { MentorSearchPage, Proposal, ProposalBody, ProposalList } from "../../../../contracts/pairs.ts";
import type { Programme } from "../../../../contracts/programmes.ts";
import { api, withQuery } from "../../lib/api.ts";
import { pairsQueryKey } from "../pairs/queries.ts";

export const proposalsQueryKey = ["proposals"] as const;
export const myProposalsQueryKey = ["proposals", "mine"] as const;
export const MENTORS_PAGE_SIZE = 10;

export type MentorFilters = {
  q: string | null;
  skill: string | null;
  format: string | null;
  language: string | null;
  slot: string | null;
  page: number;
};

export function useProgramme(id: string) {
  return useQuery({ queryKey: ["programmes", id], queryFn: () => api.get<Programme>(`/api/programmes/${id}`) });
}

export function useMentors(programmeId: string, filters: MentorFilters) {
  return useQuery({
    queryKey: ["programmes", programmeId, "mentors", filters],
    queryFn: () =>
      api.get<z.infer<typeof MentorSearchPage>>(
        withQuery(`/api/programmes/${programmeId}/mentors`, { ...filters, pageSize: MENTORS_PAGE_SIZE }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSendProposal(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof ProposalBody>) => api.post<Proposal>(`/api/programmes/${programmeId}/proposals`, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["programmes", programmeId, "mentors"] }),
        queryClient.invalidateQueries({ queryKey: proposalsQueryKey }),
      ]);
    },
  });
}

export function useMyProposals() {
  return useQuery({ queryKey: myProposalsQueryKey, queryFn: () => api.get<z.infer<typeof ProposalList>>("/api/me/proposals") });
}

type ProposalAction = { id: string; action: "accept" | "decline" | "withdraw"; reason?: string | null };

/** Accept, decline (with an optional reason) or withdraw: the lists, my pairs and the mentors' places change. */
export function useProposalAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: ProposalAction) =>
      api.post<Proposal>(`/api/proposals/${id}/${action}`, action === "decline" ? { reason: reason ?? null } : {}),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: proposalsQueryKey }),
        queryClient.invalidateQueries({ queryKey: pairsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ["programmes"] }),
        queryClient.invalidateQueries({ queryKey: ["notifications"] }),
      ]);
    },
  });
}
