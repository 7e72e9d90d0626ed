/** Invitations to Passerelle: inviting someone (admins and managers), and the invited person's side of the link. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { InviteBody } from "../../../../contracts/accounts.ts";
import type { InvitationBatch, InvitationBatchSource } from "../../../../contracts/invitations.ts";
import { call, client } from "../../lib/api-client.ts";
import { meQueryKey } from "../../lib/current-user.ts";
import { adminKeys } from "../admin/index.ts";

export const invitationKeys = {
  preview: (token: string) => ["invitation", token],
  /** Every bulk invitation's preview: they change once people are invited. */
  batchPreviews: ["invitation-batches", "preview"],
  batchPreview: (source: InvitationBatchSource) => ["invitation-batches", "preview", source],
  batch: (id: string) => ["invitation-batches", id],
} as const;

/** How often a bulk invitation's progress is read while its job runs. */
const BATCH_POLL_MS = 1000;

export const isBatchFinished = (batch: InvitationBatch | undefined) => batch?.status === "done" || batch?.status === "failed";

/** Who an invitation link is for (its email, the name the inviter typed, the language chosen). */
export function invitationPreviewQuery(token: string) {
  return queryOptions({
    queryKey: invitationKeys.preview(token),
    queryFn: () => call(client.GET("/api/invitations/{token}", { params: { path: { token } } })),
  });
}

/** How many people of the source a bulk invitation would invite, and how many already have an account. */
export function invitationBatchPreviewQuery(source: InvitationBatchSource) {
  return queryOptions({
    queryKey: invitationKeys.batchPreview(source),
    // A POST that writes nothing: the directory's filters travel in the body, as when the batch is created.
    queryFn: () => call(client.POST("/api/invitation-batches/preview", { body: { source } })),
  });
}

/** A bulk invitation's progress, read again every second until it is finished. */
export function invitationBatchQuery(id: string) {
  return queryOptions({
    queryKey: invitationKeys.batch(id),
    queryFn: () => call(client.GET("/api/invitation-batches/{id}", { params: { path: { id } } })),
    refetchInterval: (query) => (isBatchFinished(query.state.data) ? false : BATCH_POLL_MS),
  });
}

/** Starts a bulk invitation (participants); the answer is the batch, queued. */
export function useCreateInvitationBatch() {
  return useMutation({
    mutationFn: (source: InvitationBatchSource) => call(client.POST("/api/invitation-batches", { body: { source, role: "participant" } })),
  });
}

/** Invites a person; the answer holds the one-time link (only without an SMTP server). The accounts, the directory and the home figures change. */
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
