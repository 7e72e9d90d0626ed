import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Profile, SelfAssessmentList } from "../../../../contracts/profiles.ts";
import { api } from "../../lib/api.ts";

export const profileQueryKey = ["profile"] as const;
export const selfAssessmentsQueryKey = ["self-assessments"] as const;

export function useMyProfile() {
  return useQuery({ queryKey: profileQueryKey, queryFn: () => api.get<Profile>("/api/me/profile") });
}

export function useMySelfAssessments() {
  return useQuery({
    queryKey: selfAssessmentsQueryKey,
    queryFn: () => api.get<z.infer<typeof SelfAssessmentList>>("/api/me/self-assessments"),
  });
}
