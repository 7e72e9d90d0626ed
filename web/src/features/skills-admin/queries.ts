/** An admin's changes to the skills catalogue; each refreshes the catalogue and the searches (features/skills). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { CreateSkillBody, UpdateSkillBody } from "../../../../contracts/skills.ts";
import { call, client } from "../../lib/api-client.ts";
import { skillKeys } from "../skills/index.ts";

function useRefreshCatalogue() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: skillKeys.all });
}

/** Adds an organisation skill. */
export function useCreateSkill() {
  const refresh = useRefreshCatalogue();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateSkillBody>) => call(client.POST("/api/admin/skills", { body })),
    onSuccess: refresh,
  });
}

/** Renames a skill, replaces the organisation's synonyms, archives or restores it. */
export function useUpdateSkill() {
  const refresh = useRefreshCatalogue();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateSkillBody> & { id: string }) =>
      call(client.PATCH("/api/admin/skills/{id}", { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

/** Deletes an organisation skill nobody uses; the API refuses (409) a skill in use, which can be archived instead. */
export function useDeleteSkill() {
  const refresh = useRefreshCatalogue();
  return useMutation({
    mutationFn: (id: string) => call(client.DELETE("/api/admin/skills/{id}", { params: { path: { id } } })),
    onSuccess: refresh,
  });
}
