/** Invitations by email, one by one or in bulk (server/modules/accounts), and "forgot password". */
import { z } from "zod";
import { NewPassword, Role } from "./accounts.ts";
import { ListPeopleQuery } from "./people.ts";
import { text } from "./text.ts";

/** The directory's filters, as the directory page sends them (without paging). */
export const DirectoryFilters = ListPeopleQuery.omit({ page: true, pageSize: true });
export type DirectoryFilters = z.infer<typeof DirectoryFilters>;

/** Whom a bulk invitation is for: the people the directory's filters show, or a programme's enrolled people. */
export const InvitationBatchSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("directory"), filters: DirectoryFilters }),
  z.object({ kind: z.literal("programme"), programmeId: z.uuid() }),
]);
export type InvitationBatchSource = z.infer<typeof InvitationBatchSource>;

export const INVITATION_BATCH_STATUSES = ["queued", "running", "done", "failed"] as const;
export const InvitationBatchStatus = z.enum(INVITATION_BATCH_STATUSES);
export type InvitationBatchStatus = z.infer<typeof InvitationBatchStatus>;

export const CreateInvitationBatchBody = z.object({ source: InvitationBatchSource, role: Role.default("participant") });
export type CreateInvitationBatchBody = z.infer<typeof CreateInvitationBatchBody>;
export const PreviewInvitationBatchBody = z.object({ source: InvitationBatchSource });
export const InvitationBatchIdParams = z.object({ id: z.uuid() });

/** Who a bulk invitation would reach, before it is sent. */
export const InvitationBatchPreview = z.object({
  /** People without an account (and, from a programme, accounts never activated whose invitation expired): each receives an invitation. */
  toInvite: z.number().int(),
  /** People who already have an account (active or invited): skipped. */
  withAccount: z.number().int(),
});
export type InvitationBatchPreview = z.infer<typeof InvitationBatchPreview>;

/**
 * A bulk invitation and how far its job has gone: `total` people to invite (counted when it was asked for;
 * raised at the end if the directory gained some meanwhile), `done` invited so far, `skipped` (at the end)
 * those who got an account or left the directory meanwhile. Finished when `status` is "done".
 */
export const InvitationBatch = z.object({
  id: z.uuid(),
  status: InvitationBatchStatus,
  total: z.number().int(),
  done: z.number().int(),
  skipped: z.number().int(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type InvitationBatch = z.infer<typeof InvitationBatch>;

export const ForgotPasswordBody = z.object({ email: text().trim().toLowerCase().min(1, { error: "fields.required" }).max(254) });
export const ResetPasswordBody = z.object({ token: text().min(1).max(200), password: NewPassword });
