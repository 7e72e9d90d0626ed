import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MyModuleProgress, MyOnboarding, OnboardingModuleList, ProgrammeOnboarding } from "../../../../contracts/onboarding.ts";
import { api } from "../../lib/api.ts";

export const onboardingModulesQueryKey = ["onboarding-modules"] as const;
export const myOnboardingQueryKey = (programmeId: string) => ["my-onboarding", programmeId] as const;
export const myModuleProgressQueryKey = (moduleId: string) => ["my-onboarding-module", moduleId] as const;
export const programmeOnboardingQueryKey = (programmeId: string) => ["programmes", programmeId, "onboarding"] as const;

/** The modules' texts ship with the server: they do not change while the page is open. */
export function useOnboardingModules() {
  return useQuery({
    queryKey: onboardingModulesQueryKey,
    queryFn: () => api.get<OnboardingModuleList>("/api/onboarding/modules"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMyOnboarding(programmeId: string) {
  return useQuery({
    queryKey: myOnboardingQueryKey(programmeId),
    queryFn: () => api.get<MyOnboarding>(`/api/me/programmes/${programmeId}/onboarding`),
  });
}

export function useMyModuleProgress(moduleId: string) {
  return useQuery({
    queryKey: myModuleProgressQueryKey(moduleId),
    queryFn: () => api.get<MyModuleProgress>(`/api/me/onboarding/modules/${moduleId}`),
  });
}

/** Marks a module read with my private reflections; progress counts in every programme, so all of mine are refreshed. */
export function useCompleteModule(moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reflections: string[]) => api.post<MyModuleProgress>(`/api/me/onboarding/modules/${moduleId}`, { reflections }),
    onSuccess: async (progress) => {
      queryClient.setQueryData(myModuleProgressQueryKey(moduleId), progress);
      await queryClient.invalidateQueries({ queryKey: ["my-onboarding"] });
    },
  });
}

export function useAcceptCharter(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MyOnboarding>(`/api/me/programmes/${programmeId}/charter`),
    onSuccess: (onboarding) => queryClient.setQueryData(myOnboardingQueryKey(programmeId), onboarding),
  });
}

/** Completion per enrolled person, for the programme's managers. */
export function useProgrammeOnboarding(programmeId: string) {
  return useQuery({
    queryKey: programmeOnboardingQueryKey(programmeId),
    queryFn: () => api.get<ProgrammeOnboarding>(`/api/programmes/${programmeId}/onboarding`),
  });
}
