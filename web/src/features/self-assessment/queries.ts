/** The self-assessment as the API serves it: the 0–4 scale, my dated snapshots, and taking a new one. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SelfAssessment, SelfAssessmentBody } from "../../../../contracts/profiles.ts";
import { call, client } from "../../lib/api-client.ts";
import { profileKeys } from "../profile/index.ts";

export const selfAssessmentKeys = {
  all: ["self-assessment"] as const,
  scale: () => [...selfAssessmentKeys.all, "scale"] as const,
  mine: () => [...selfAssessmentKeys.all, "mine"] as const,
};

/** The 0–4 scale as catalogue/self-assessment.yaml describes it; it only changes with a new version of the app. */
export const scaleQuery = () =>
  queryOptions({
    queryKey: selfAssessmentKeys.scale(),
    queryFn: () => call(client.GET("/api/self-assessment/scale")),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** My self-assessment snapshots, newest first. */
export const mySelfAssessmentsQuery = () =>
  queryOptions({
    queryKey: selfAssessmentKeys.mine(),
    queryFn: (): Promise<{ items: SelfAssessment[] }> => call(client.GET("/api/me/self-assessments")),
  });

export function useSelfAssessmentScale() {
  return useQuery(scaleQuery());
}

export function useMySelfAssessments() {
  return useQuery(mySelfAssessmentsQuery());
}

/** Saves a new snapshot; my list refreshes, and my profile's completeness (a self-assessment is one of its items). */
export function useTakeSelfAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: SelfAssessmentBody["answers"]): Promise<SelfAssessment> =>
      call(client.POST("/api/me/self-assessments", { body: { answers } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: selfAssessmentKeys.mine() });
      void queryClient.invalidateQueries({ queryKey: profileKeys.all });
    },
  });
}
