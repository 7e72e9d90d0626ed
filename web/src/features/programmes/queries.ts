import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ManagedPairPage, PairState } from "../../../../contracts/pairs.ts";
import type {
  ConstraintList,
  CreateProgrammeBody,
  ENROLMENT_STATUSES,
  EnrolBody,
  EnrolmentBoard,
  EnrolResult,
  ParticipantRole,
  Programme,
  ProgrammeList,
  ProgrammePhase,
  ProgrammeTemplateList,
  PublishResult,
  RunDetail,
  RunList,
  RunSummary,
  UpdateProgrammeBody,
} from "../../../../contracts/programmes.ts";
import { api, withQuery } from "../../lib/api.ts";

/** Everything of one programme lives under ["programmes", id]: one invalidation refreshes the page. */
export const programmesQueryKey = ["programmes"] as const;
export const programmeQueryKey = (id: string) => ["programmes", id] as const;

export const BOARD_PAGE_SIZE = 25;
export const RUN_PAGE_SIZE = 25;
export const PAIRS_PAGE_SIZE = 25;

export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export type Completeness = "complete" | "incomplete" | "none";
export type Constraint = z.infer<typeof ConstraintList>["items"][number];

export function useProgrammes() {
  return useQuery({
    queryKey: [...programmesQueryKey, "list"],
    queryFn: () => api.get<z.infer<typeof ProgrammeList>>("/api/programmes"),
  });
}

export function useProgramme(id: string) {
  return useQuery({ queryKey: programmeQueryKey(id), queryFn: () => api.get<Programme>(`/api/programmes/${id}`) });
}

/** The templates ship with the server: they do not change while the page is open. */
export function useTemplates() {
  return useQuery({
    queryKey: ["programme-templates"],
    queryFn: () => api.get<z.infer<typeof ProgrammeTemplateList>>("/api/programme-templates"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Refreshes the list and everything of one programme (its board, runs, pairs…). */
function useRefresh(id?: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: id ? programmeQueryKey(id) : programmesQueryKey });
    if (id) await queryClient.invalidateQueries({ queryKey: [...programmesQueryKey, "list"] });
  };
}

export function useCreateProgramme() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateProgrammeBody) => api.post<Programme>("/api/programmes", body),
    onSuccess: refresh,
  });
}

export function useUpdateProgramme(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: UpdateProgrammeBody) => api.patch<Programme>(`/api/programmes/${id}`, body),
    onSuccess: async (programme) => {
      queryClient.setQueryData(programmeQueryKey(id), programme);
      await refresh();
    },
  });
}

export function useChangePhase(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (phase: ProgrammePhase) => api.post<Programme>(`/api/programmes/${id}/phase`, { phase }),
    onSuccess: refresh,
  });
}

/** A participant applies (as mentor or mentee) or answers an invitation. */
export function useApply(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (role: ParticipantRole) => api.post<Programme>(`/api/programmes/${id}/apply`, { role }),
    onSuccess: refresh,
  });
}

export function useRespond(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (accept: boolean) => api.post<Programme>(`/api/programmes/${id}/respond`, { accept }),
    onSuccess: refresh,
  });
}

/* ---------------------------------------------------------------- enrolment */

export interface BoardFilters {
  role: ParticipantRole | null;
  status: EnrolmentStatus | null;
  completeness: Completeness | null;
  q: string;
  page: number;
}

export function useEnrolmentBoard(id: string, filters: BoardFilters) {
  return useQuery({
    queryKey: [...programmeQueryKey(id), "enrolments", filters],
    queryFn: () => api.get<EnrolmentBoard>(withQuery(`/api/programmes/${id}/enrolments`, { ...filters, pageSize: BOARD_PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
}

export function useEnrol(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: EnrolBody) => api.post<z.infer<typeof EnrolResult>>(`/api/programmes/${id}/enrolments`, body),
    onSuccess: refresh,
  });
}

export function useUpdateEnrolment(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ personId, ...body }: { personId: string; isSetAside?: boolean; capacity?: number | null }) =>
      api.patch<null>(`/api/programmes/${id}/enrolments/${personId}`, body),
    onSuccess: refresh,
  });
}

export function useRemoveEnrolment(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (personId: string) => api.delete<null>(`/api/programmes/${id}/enrolments/${personId}`),
    onSuccess: refresh,
  });
}

/* ---------------------------------------------------------------- matching */

export function useRuns(id: string) {
  return useQuery({
    queryKey: [...programmeQueryKey(id), "runs"],
    queryFn: () => api.get<z.infer<typeof RunList>>(`/api/programmes/${id}/matching-runs`),
  });
}

export function useRun(id: string, runId: string | null, query: { q: string; page: number }) {
  return useQuery({
    queryKey: [...programmeQueryKey(id), "runs", runId, query],
    queryFn: () => api.get<RunDetail>(withQuery(`/api/programmes/${id}/matching-runs/${runId}`, { ...query, pageSize: RUN_PAGE_SIZE })),
    enabled: runId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRunMatching(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: () => api.post<RunSummary>(`/api/programmes/${id}/matching-runs`, {}),
    onSuccess: refresh,
  });
}

export function useSwap(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ runId, menteeA, menteeB }: { runId: string; menteeA: string; menteeB: string }) =>
      api.post<RunSummary>(`/api/programmes/${id}/matching-runs/${runId}/swap`, { menteeA, menteeB }),
    onSuccess: refresh,
  });
}

export function usePublish(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (runId: string) => api.post<z.infer<typeof PublishResult>>(`/api/programmes/${id}/matching-runs/${runId}/publish`, {}),
    onSuccess: refresh,
  });
}

export function useConstraints(id: string) {
  return useQuery({
    queryKey: [...programmeQueryKey(id), "constraints"],
    queryFn: () => api.get<z.infer<typeof ConstraintList>>(`/api/programmes/${id}/constraints`),
  });
}

/** Lock or forbid a pair, or (kind null) remove what was set on it. */
export function useSetConstraint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mentorId, menteeId, kind }: { mentorId: string; menteeId: string; kind: "lock" | "forbid" | null }) =>
      kind
        ? api.put<z.infer<typeof ConstraintList>>(`/api/programmes/${id}/constraints`, { mentorId, menteeId, kind })
        : api.delete<z.infer<typeof ConstraintList>>(`/api/programmes/${id}/constraints/${mentorId}/${menteeId}`),
    onSuccess: (list) => queryClient.setQueryData([...programmeQueryKey(id), "constraints"], list),
  });
}

/* ---------------------------------------------------------------- pairs */

export function useManagedPairs(id: string, query: { state: PairState | null; page: number }) {
  return useQuery({
    queryKey: [...programmeQueryKey(id), "pairs", query],
    queryFn: () => api.get<ManagedPairPage>(withQuery(`/api/programmes/${id}/pairs`, { ...query, pageSize: PAIRS_PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
}
