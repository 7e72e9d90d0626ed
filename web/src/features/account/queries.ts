/** "My account": my name and my password (the language is the shared `LanguageSwitch`). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, client } from "../../lib/api-client.ts";
import { meQueryKey } from "../../lib/current-user.ts";

/** Changes my display name; the answer becomes the logged-in user. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { displayName?: string }) => call(client.PATCH("/api/me", { body })),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}

/** Changes my password; the server closes my other sessions. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => call(client.POST("/api/me/password", { body })),
  });
}
