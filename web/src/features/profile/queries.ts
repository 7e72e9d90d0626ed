/** My profile as the API serves it: the query, its keys, and saving it. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Profile, ProfileBody } from "../../../../contracts/profiles.ts";
import { call, client, type paths } from "../../lib/api-client.ts";
import { adminKeys } from "../admin/index.ts";

type SaveProfileBody = paths["/api/me/profile"]["put"]["requestBody"]["content"]["application/json"];

/**
 * The profile's query keys. What changes my programme roles (joining, declining, applying) changes the
 * questions my profile asks and its completeness: such actions refresh `all`.
 */
export const profileKeys = {
  all: ["profile"] as const,
  mine: () => [...profileKeys.all, "mine"] as const,
};

/** My profile, with the roles it is filled for and what it still lacks. */
export const myProfileQuery = () =>
  queryOptions({ queryKey: profileKeys.mine(), queryFn: (): Promise<Profile> => call(client.GET("/api/me/profile")) });

export function useMyProfile() {
  return useQuery(myProfileQuery());
}

/** Saves my profile; the answer (with its new completeness) replaces the cached one, and HR's directory refreshes. */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    // zod infers the availability slots as strings, the OpenAPI document lists them; the form checked them with the same schema.
    mutationFn: (body: ProfileBody): Promise<Profile> => call(client.PUT("/api/me/profile", { body: body as SaveProfileBody })),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKeys.mine(), saved);
      // A manager who takes part sees their own completeness in the directory.
      void queryClient.invalidateQueries({ queryKey: adminKeys.people });
    },
  });
}
