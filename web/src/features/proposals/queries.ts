import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { MentorOption, Proposal, ProposalBody } from "../../../../contracts/pairs.ts";
import type { Format } from "../../../../contracts/profiles.ts";
import { call, client } from "../../lib/api-client.ts";
import { notificationKeys } from "../notifications/index.ts";
import { pairKeys } from "../pairs/index.ts";
import { programmeKeys } from "../programmes/index.ts";

export const MENTORS_PAGE_SIZE = 10;

/** What a mentee filters the mentors by (null: no filter). */
export interface MentorFilters {
  q: string;
  skill: string | null;
  format: Format | null;
  language: string | null;
  slot: string | null;
  page: number;
}

/** The proposals' query keys; the mentors a mentee browses are under `all` too (their places and my open proposals change with proposals). */
export const proposalKeys = {
  all: ["proposals"] as const,
  mine: () => [...proposalKeys.all, "mine"] as const,
  mentors: (programmeId: string) => [...proposalKeys.all, "mentors", programmeId] as const,
  mentorsPage: (programmeId: string, filters: MentorFilters) => [...proposalKeys.mentors(programmeId), filters] as const,
};

/** A programme's mentors for me, ranked by the engine, filtered and paginated. */
export const mentorsQuery = (programmeId: string, filters: MentorFilters) =>
  queryOptions({
    queryKey: proposalKeys.mentorsPage(programmeId, filters),
    queryFn: (): Promise<{ items: MentorOption[]; total: number; myOpenProposals: number }> =>
      call(
        client.GET("/api/programmes/{id}/mentors", {
          params: {
            path: { id: programmeId },
            query: {
              q: filters.q || undefined,
              skill: filters.skill ?? undefined,
              format: filters.format ?? undefined,
              language: filters.language ?? undefined,
              slot: filters.slot ?? undefined,
              page: filters.page,
              pageSize: MENTORS_PAGE_SIZE,
            },
          },
        }),
      ),
    // The current page stays on screen (dimmed) while the next one loads.
    placeholderData: keepPreviousData,
  });

/** The proposals I sent (as a mentee) and received (as a mentor), in every programme. */
export const myProposalsQuery = () =>
  queryOptions({ queryKey: proposalKeys.mine(), queryFn: (): Promise<{ items: Proposal[] }> => call(client.GET("/api/me/proposals")) });

export function useMentors(programmeId: string, filters: MentorFilters) {
  return useQuery(mentorsQuery(programmeId, filters));
}

export function useMyProposals() {
  return useQuery(myProposalsQuery());
}

export function useSendProposal(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ProposalBody>): Promise<Proposal> =>
      call(client.POST("/api/programmes/{id}/proposals", { params: { path: { id: programmeId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}

/**
 * After accepting, declining or withdrawing: the lists, my pairs (an accepted proposal forms one), the
 * programmes (their open pairs) and the bell (other proposals may have been withdrawn) change.
 */
function useProposalAction<Input>(send: (input: Input) => Promise<Proposal>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
        queryClient.invalidateQueries({ queryKey: pairKeys.all }),
        queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      ]);
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

/** The mentor accepts: the pair is formed. */
export function useAcceptProposal() {
  return useProposalAction((id: string) => call(client.POST("/api/proposals/{id}/accept", { ...path(id), body: {} })));
}

/** The mentor declines, with an optional message the mentee reads. */
export function useDeclineProposal() {
  return useProposalAction(({ id, reason }: { id: string; reason: string | null }) =>
    call(client.POST("/api/proposals/{id}/decline", { ...path(id), body: { reason } })),
  );
}

/** The mentee withdraws a proposal still waiting for an answer. */
export function useWithdrawProposal() {
  return useProposalAction((id: string) => call(client.POST("/api/proposals/{id}/withdraw", { ...path(id), body: {} })));
}
