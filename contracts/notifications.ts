import { z } from "zod";

/** What a notification is about; the UI writes the FR/EN sentence from `kind` and `params`. */
export const NOTIFICATION_KINDS = [
  "programme_invited",
  "proposal_received",
  "proposal_accepted",
  "proposal_declined",
  "proposal_withdrawn",
  "proposal_expired",
  "proposal_expiring",
  "match_published",
  "intro_scheduled",
  "intro_answer_needed",
  "pair_active",
  "pair_not_a_fit",
  "pair_ended",
  "pair_completion_requested",
  "pair_completed",
  // To the programme managers:
  "managers_pair_not_a_fit",
  "managers_pair_ended",
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  params: z.record(z.string(), z.string()),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({ unread: z.number().int(), items: z.array(Notification) });
export const MarkReadBody = z.object({ ids: z.array(z.uuid()).max(200).optional() });
