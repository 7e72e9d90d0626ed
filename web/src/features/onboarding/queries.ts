/** The preparation (onboarding) as the API serves it: the modules' texts, my progress per programme and module, and managers' view. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MyModuleProgress, MyOnboarding, OnboardingModuleList, ProgrammeOnboarding } from "../../../../contracts/onboarding.ts";
import { call, client } from "../../lib/api-client.ts";
import { pairKeys } from "../pairs/index.ts";

/**
 * The onboarding's query keys. My progress counts in every programme I am in (a module read once is read
 * everywhere): `myProgrammes` covers each of them.
 */
export const onboardingKeys = {
  all: ["onboarding"] as const,
  modules: () => [...onboardingKeys.all, "modules"] as const,
  mine: () => [...onboardingKeys.all, "mine"] as const,
  /** My onboarding in every programme. */
  myProgrammes: () => [...onboardingKeys.mine(), "programme"] as const,
  myProgramme: (programmeId: string) => [...onboardingKeys.myProgrammes(), programmeId] as const,
  myModule: (moduleId: string) => [...onboardingKeys.mine(), "module", moduleId] as const,
  programme: (programmeId: string) => [...onboardingKeys.all, "programme", programmeId] as const,
};

/** The modules' texts ship with the server: they do not change while the page is open. */
export const onboardingModulesQuery = () =>
  queryOptions({
    queryKey: onboardingKeys.modules(),
    queryFn: (): Promise<OnboardingModuleList> => call(client.GET("/api/onboarding/modules")),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** My onboarding in a programme: my role's modules, the charter, where I stand. */
export const myOnboardingQuery = (programmeId: string) =>
  queryOptions({
    queryKey: onboardingKeys.myProgramme(programmeId),
    queryFn: (): Promise<MyOnboarding> => call(client.GET("/api/me/programmes/{id}/onboarding", { params: { path: { id: programmeId } } })),
  });

/** My reading of one module and my private reflections. */
export const myModuleProgressQuery = (moduleId: string) =>
  queryOptions({
    queryKey: onboardingKeys.myModule(moduleId),
    queryFn: (): Promise<MyModuleProgress> => call(client.GET("/api/me/onboarding/modules/{moduleId}", { params: { path: { moduleId } } })),
  });

/** Completion per enrolled person, for the programme's managers. */
export const programmeOnboardingQuery = (programmeId: string) =>
  queryOptions({
    queryKey: onboardingKeys.programme(programmeId),
    queryFn: (): Promise<ProgrammeOnboarding> =>
      call(client.GET("/api/programmes/{id}/onboarding", { params: { path: { id: programmeId } } })),
  });

export function useOnboardingModules() {
  return useQuery(onboardingModulesQuery());
}

export function useMyOnboarding(programmeId: string) {
  return useQuery(myOnboardingQuery(programmeId));
}

export function useMyModuleProgress(moduleId: string) {
  return useQuery(myModuleProgressQuery(moduleId));
}

export function useProgrammeOnboarding(programmeId: string) {
  return useQuery(programmeOnboardingQuery(programmeId));
}

/**
 * Marks a module read with my private reflections. Progress counts in every programme, so my onboarding
 * in each refreshes, and my pairs, which show both partners' preparation.
 */
export function useCompleteModule(moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reflections: string[]): Promise<MyModuleProgress> =>
      call(client.POST("/api/me/onboarding/modules/{moduleId}", { params: { path: { moduleId } }, body: { reflections } })),
    onSuccess: async (progress) => {
      queryClient.setQueryData(onboardingKeys.myModule(moduleId), progress);
      void queryClient.invalidateQueries({ queryKey: pairKeys.all });
      await queryClient.invalidateQueries({ queryKey: onboardingKeys.myProgrammes() });
    },
  });
}

/** Accepts a programme's charter: the answer is my onboarding there; my pairs show it too. */
export function useAcceptCharter(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<MyOnboarding> =>
      call(client.POST("/api/me/programmes/{id}/charter", { params: { path: { id: programmeId } } })),
    onSuccess: (onboarding) => {
      queryClient.setQueryData(onboardingKeys.myProgramme(programmeId), onboarding);
      void queryClient.invalidateQueries({ queryKey: pairKeys.all });
    },
  });
}
