/**
 * The programmes feature's reads and writes through the typed API client: one keys object, a
 * `queryOptions` per read, a hook per write. Everything of one programme lives under
 * `programmeKeys.detail(id)`: one invalidation refreshes its whole page (board, runs, pairs…).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { PairState } from "../../../../contracts/pairs.ts";
import type { CompletenessFilter } from "../../../../contracts/people.ts";
import type {
  ConstraintKind,
  ConstraintList,
  CreateProgrammeBody,
  EnrolBody,
  EnrolmentBoard,
  EnrolmentStatus,
  EnrolResult,
  ParticipantRole,
  Programme,
  ProgrammeList,
  ProgrammePhase,
  ProgrammeTemplateList,
  PublishPreview,
  PublishResult,
  RunDetail,
  RunList,
  RunPairSort,
  RunSummary,
  UpdateProgrammeBody,
} from "../../../../contracts/programmes.ts";
import { call, client, type paths } from "../../lib/api-client.ts";
import { notificationKeys } from "../notifications/index.ts";
import { onboardingKeys } from "../onboarding/index.ts";
import { pairKeys } from "../pairs/index.ts";
import { profileKeys } from "../profile/index.ts";

/** A page of the programme's pairs, with counts by state (the API sends only the states that have pairs). */
export type ManagedPairs = paths["/api/programmes/{id}/pairs"]["get"]["responses"][200]["content"]["application/json"];
export type Constraint = z.infer<typeof ConstraintList>["items"][number];

export const BOARD_PAGE_SIZE = 25;
export const RUN_PAGE_SIZE = 25;
export const PAIRS_PAGE_SIZE = 25;

export interface BoardFilters {
  role: ParticipantRole | null;
  status: EnrolmentStatus | null;
  completeness: CompletenessFilter | null;
  q: string;
  page: number;
}

export interface RunQuery {
  q: string;
  sort: RunPairSort;
  page: number;
}

export interface PairsQuery {
  state: PairState | null;
  page: number;
}

/** The programmes' query keys; another feature refreshes a programme through these. */
export const programmeKeys = {
  all: ["programmes"] as const,
  list: () => [...programmeKeys.all, "list"] as const,
  detail: (id: string) => [...programmeKeys.all, id] as const,
  enrolments: (id: string, filters: BoardFilters) => [...programmeKeys.detail(id), "enrolments", filters] as const,
  runs: (id: string) => [...programmeKeys.detail(id), "runs"] as const,
  run: (id: string, runId: string | null, query: RunQuery) => [...programmeKeys.runs(id), runId, query] as const,
  constraints: (id: string) => [...programmeKeys.detail(id), "constraints"] as const,
  publishPreview: (id: string) => [...programmeKeys.detail(id), "publish-preview"] as const,
  pairs: (id: string, query: PairsQuery) => [...programmeKeys.detail(id), "pairs", query] as const,
  templates: () => ["programme-templates"] as const,
};

/** "" and null are left out of the address: the API reads a missing filter as "any". */
function present<T extends object>(query: T): { [K in keyof T]?: Exclude<T[K], null | ""> } {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== null && value !== "")) as {
    [K in keyof T]?: Exclude<T[K], null | "">;
  };
}

/* ---------------------------------------------------------------- reads */

export const programmesQuery = () =>
  queryOptions({
    queryKey: programmeKeys.list(),
    queryFn: (): Promise<z.infer<typeof ProgrammeList>> => call(client.GET("/api/programmes")),
  });

export const programmeQuery = (id: string) =>
  queryOptions({
    queryKey: programmeKeys.detail(id),
    queryFn: (): Promise<Programme> => call(client.GET("/api/programmes/{id}", { params: { path: { id } } })),
  });

/** The templates ship with the server: they do not change while the page is open. */
export const templatesQuery = () =>
  queryOptions({
    queryKey: programmeKeys.templates(),
    queryFn: (): Promise<z.infer<typeof ProgrammeTemplateList>> => call(client.GET("/api/programme-templates")),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const enrolmentBoardQuery = (id: string, filters: BoardFilters) =>
  queryOptions({
    queryKey: programmeKeys.enrolments(id, filters),
    queryFn: (): Promise<EnrolmentBoard> =>
      call(
        client.GET("/api/programmes/{id}/enrolments", {
          params: { path: { id }, query: { ...present(filters), pageSize: BOARD_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const runsQuery = (id: string) =>
  queryOptions({
    queryKey: programmeKeys.runs(id),
    queryFn: (): Promise<z.infer<typeof RunList>> => call(client.GET("/api/programmes/{id}/matching-runs", { params: { path: { id } } })),
  });

export const runQuery = (id: string, runId: string | null, query: RunQuery) =>
  queryOptions({
    queryKey: programmeKeys.run(id, runId, query),
    queryFn: (): Promise<RunDetail> =>
      call(
        client.GET("/api/programmes/{id}/matching-runs/{runId}", {
          params: { path: { id, runId: runId as string }, query: { ...present(query), pageSize: RUN_PAGE_SIZE } },
        }),
      ),
    enabled: runId !== null,
    placeholderData: keepPreviousData,
  });

export const constraintsQuery = (id: string) =>
  queryOptions({
    queryKey: programmeKeys.constraints(id),
    queryFn: (): Promise<z.infer<typeof ConstraintList>> =>
      call(client.GET("/api/programmes/{id}/constraints", { params: { path: { id } } })),
  });

/** Before publishing: who has no account (invited by email) or has not answered (notified). */
export const publishPreviewQuery = (id: string) =>
  queryOptions({
    queryKey: programmeKeys.publishPreview(id),
    queryFn: (): Promise<PublishPreview> => call(client.GET("/api/programmes/{id}/publish-preview", { params: { path: { id } } })),
  });

export const managedPairsQuery = (id: string, query: PairsQuery) =>
  queryOptions({
    queryKey: programmeKeys.pairs(id, query),
    queryFn: (): Promise<ManagedPairs> =>
      call(
        client.GET("/api/programmes/{id}/pairs", {
          params: { path: { id }, query: { ...present(query), pageSize: PAIRS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useProgrammes() {
  return useQuery(programmesQuery());
}

export function useProgramme(id: string) {
  return useQuery(programmeQuery(id));
}

export function useTemplates() {
  return useQuery(templatesQuery());
}

export function useEnrolmentBoard(id: string, filters: BoardFilters) {
  return useQuery(enrolmentBoardQuery(id, filters));
}

export function useRuns(id: string) {
  return useQuery(runsQuery(id));
}

export function useRun(id: string, runId: string | null, query: RunQuery) {
  return useQuery(runQuery(id, runId, query));
}

export function useConstraints(id: string) {
  return useQuery(constraintsQuery(id));
}

export function useManagedPairs(id: string, query: PairsQuery) {
  return useQuery(managedPairsQuery(id, query));
}

/* ---------------------------------------------------------------- writes */

/**
 * Refreshes the list and, given an id, everything of that programme (its preparation table too, which the
 * onboarding feature keeps); and `also`, other features' data the action changed (e.g. my profile's
 * questions when my roles change).
 */
function useRefresh(id?: string, also: readonly (readonly unknown[])[] = []) {
  const queryClient = useQueryClient();
  return async () => {
    const programme = id ? [programmeKeys.detail(id), onboardingKeys.programme(id)] : [programmeKeys.all];
    await Promise.all([...programme, programmeKeys.list(), ...also].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}

export function useCreateProgramme() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateProgrammeBody): Promise<Programme> => call(client.POST("/api/programmes", { body })),
    onSuccess: refresh,
  });
}

export function useUpdateProgramme(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: UpdateProgrammeBody): Promise<Programme> =>
      call(client.PATCH("/api/programmes/{id}", { params: { path: { id } }, body })),
    onSuccess: async (programme) => {
      queryClient.setQueryData(programmeKeys.detail(id), programme);
      await refresh();
    },
  });
}

export function useChangePhase(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (phase: ProgrammePhase): Promise<Programme> =>
      call(client.POST("/api/programmes/{id}/phase", { params: { path: { id } }, body: { phase } })),
    onSuccess: refresh,
  });
}

/** A participant enrols themselves, as mentor or mentee. */
export function useApply(id: string) {
  const refresh = useRefresh(id, [profileKeys.all, onboardingKeys.myProgramme(id)]);
  return useMutation({
    mutationFn: (role: ParticipantRole): Promise<Programme> =>
      call(client.POST("/api/programmes/{id}/apply", { params: { path: { id } }, body: { role } })),
    onSuccess: refresh,
  });
}

/** A participant enrolled by a manager joins or declines. */
export function useRespond(id: string) {
  const refresh = useRefresh(id, [profileKeys.all, onboardingKeys.myProgramme(id)]);
  return useMutation({
    mutationFn: (accept: boolean): Promise<Programme> =>
      call(client.POST("/api/programmes/{id}/respond", { params: { path: { id } }, body: { accept } })),
    onSuccess: refresh,
  });
}

export function useEnrol(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: EnrolBody): Promise<z.infer<typeof EnrolResult>> =>
      call(client.POST("/api/programmes/{id}/enrolments", { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useUpdateEnrolment(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ personId, ...body }: { personId: string; isSetAside?: boolean; capacity?: number | null }) =>
      call(client.PATCH("/api/programmes/{id}/enrolments/{personId}", { params: { path: { id, personId } }, body })),
    onSuccess: refresh,
  });
}

export function useRemoveEnrolment(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (personId: string) =>
      call(client.DELETE("/api/programmes/{id}/enrolments/{personId}", { params: { path: { id, personId } } })),
    onSuccess: refresh,
  });
}

export function useRunMatching(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (): Promise<RunSummary> => call(client.POST("/api/programmes/{id}/matching-runs", { params: { path: { id } }, body: {} })),
    onSuccess: refresh,
  });
}

export interface SwapVariables {
  runId: string;
  menteeA: string;
  menteeB: string;
  /** The manager saw which pairs fall under the programme's minimum score, and swaps all the same. */
  confirmBelowMinimum?: boolean;
}

/** Swaps two mentees' mentors; refused with SWAP_BELOW_MIN_SCORE (its details name the pairs) until confirmed. */
export function useSwap(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ runId, ...body }: SwapVariables): Promise<RunSummary> =>
      call(client.POST("/api/programmes/{id}/matching-runs/{runId}/swap", { params: { path: { id, runId } }, body })),
    onSuccess: refresh,
  });
}

/**
 * Publishes a run: its pairs are created and their people told (a manager who takes part may be one of them);
 * those enrolled without an account are invited by email.
 */
export function usePublish(id: string) {
  const refresh = useRefresh(id, [pairKeys.all, notificationKeys.all]);
  return useMutation({
    mutationFn: (runId: string): Promise<z.infer<typeof PublishResult>> =>
      call(client.POST("/api/programmes/{id}/matching-runs/{runId}/publish", { params: { path: { id, runId } }, body: {} })),
    onSuccess: refresh,
  });
}

/** Lock or forbid a pair, or (kind null) remove what was set on it. */
export function useSetConstraint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      mentorId,
      menteeId,
      kind,
    }: {
      mentorId: string;
      menteeId: string;
      kind: ConstraintKind | null;
    }): Promise<z.infer<typeof ConstraintList>> =>
      kind
        ? call(client.PUT("/api/programmes/{id}/constraints", { params: { path: { id } }, body: { mentorId, menteeId, kind } }))
        : call(client.DELETE("/api/programmes/{id}/constraints/{mentorId}/{menteeId}", { params: { path: { id, mentorId, menteeId } } })),
    onSuccess: (list) => queryClient.setQueryData(programmeKeys.constraints(id), list),
  });
}
