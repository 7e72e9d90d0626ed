/** Invitations to Passerelle: inviting someone (admins and managers), and the invited person's side of the link. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { InviteBody } from "../../../../contracts/accounts.ts";
import { call, client } from "../../lib/api-client.ts";
import { meQueryKey } from "../../lib/current-user.ts";
import { adminKeys } from "../admin/index.ts";

export const invitationKeys = {
  preview: (token: string) => ["invitation", token],
} as const;

/** Who an invitation link is for (its email, the name the inviter typed, the language chosen). */
export function invitationPreviewQuery(token: string) {
  return queryOptions({
    queryKey: invitationKeys.preview(token),
    queryFn: () => call(client.GET("/api/invitations/{token}", { params: { path: { token } } })),
  });
}

/** Invites a person; the answer holds the one-time link. The accounts, the directory and the home figures change. */
export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => call(client.POST("/api/admin/invitations", { body })),
    onSuccess: () => {
      for (const queryKey of [adminKeys.accounts, adminKeys.people, adminKeys.overview]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

/** Accepts an invitation: the password is set, the account activated, and its owner logged in. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string; displayName?: string }) =>
      call(client.POST("/api/invitations/{token}/accept", { params: { path: { token } }, body })),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
