/** The glossary as the API serves it: lists (searched, filtered), the approved terms for linking, and the managers' reviews. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  GlossaryTerm,
  GlossaryTermList,
  GlossaryTermStatus,
  ProposeGlossaryTermBody,
  UpdateGlossaryTermBody,
} from "../../../../contracts/glossary.ts";
import { call, client } from "../../lib/api-client.ts";

export type GlossaryFilters = { q?: string; skill?: string; status?: GlossaryTermStatus };

export const glossaryKeys = {
  /** Every list and the index: what a proposal or a review refreshes. */
  all: ["glossary"] as const,
  list: (filters: GlossaryFilters) => [...glossaryKeys.all, "list", filters] as const,
  approved: () => [...glossaryKeys.all, "approved"] as const,
};

/** Empty filters stay out of the request (and of the query key). */
function cleanFilters(filters: GlossaryFilters): GlossaryFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => Boolean(value))) as GlossaryFilters;
}

/** The terms of a status (approved by default) matching a search and a skill; the previous answer stays while typing. */
export function glossaryListQuery(filters: GlossaryFilters) {
  const query = cleanFilters(filters);
  return queryOptions({
    queryKey: glossaryKeys.list(query),
    queryFn: (): Promise<GlossaryTermList> => call(client.GET("/api/glossary", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useGlossary(filters: GlossaryFilters, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...glossaryListQuery(filters), enabled });
}

/**
 * Every approved term, fetched once and kept: what `GlossaryText` links in agendas and notes, with the
 * definitions its popovers show. The glossary changes rarely; a review refreshes it.
 */
export function approvedTermsQuery() {
  return queryOptions({
    queryKey: glossaryKeys.approved(),
    queryFn: (): Promise<GlossaryTermList> => call(client.GET("/api/glossary")),
    staleTime: 30 * 60_000,
    gcTime: 60 * 60_000,
  });
}

export function useApprovedTerms() {
  return useQuery(approvedTermsQuery());
}

function useGlossaryMutation<Variables>(send: (variables: Variables) => Promise<GlossaryTerm>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: glossaryKeys.all }),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export function useProposeTerm() {
  return useGlossaryMutation((body: z.input<typeof ProposeGlossaryTermBody>) => call(client.POST("/api/glossary", { body })));
}

export function useUpdateTerm() {
  return useGlossaryMutation(({ id, ...body }: z.input<typeof UpdateGlossaryTermBody> & { id: string }) =>
    call(client.PATCH("/api/glossary/{id}", { ...path(id), body })),
  );
}

export function useApproveTerm() {
  return useGlossaryMutation((id: string) => call(client.POST("/api/glossary/{id}/approve", { ...path(id), body: {} })));
}

export function useRejectTerm() {
  return useGlossaryMutation((id: string) => call(client.POST("/api/glossary/{id}/reject", { ...path(id), body: {} })));
}
