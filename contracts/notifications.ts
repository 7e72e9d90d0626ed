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
  "session_scheduled",
  "session_rescheduled",
  "session_cancelled",
  "session_tomorrow",
  "agenda_due",
  "action_item_due",
  "pair_no_session",
  "goal_proposed",
  "goal_achieved",
  "goal_signed_off",
  // To the programme managers:
  "managers_pair_not_a_fit",
  "managers_pair_ended",
  "managers_pair_formed",
  "managers_enrolment_declined",
  "managers_glossary_term_proposed",
  "managers_weekly_digest",
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

/** How a person wants to hear of one kind of notification: in the app only, also by email at once, or in a daily email digest. */
export const NOTIFICATION_CHANNELS = ["app", "email", "digest"] as const;
export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannel>;
/** Until a person chooses: every notification also comes by email (it asks for an action, or tells of a decision). */
export const DEFAULT_NOTIFICATION_CHANNEL: NotificationChannel = "email";

export const NotificationPreference = z.object({ kind: NotificationKind, channel: NotificationChannel });
export type NotificationPreference = z.infer<typeof NotificationPreference>;
/** Every kind that concerns me (by my roles), with my choice or the default. */
export const NotificationPreferences = z.object({ items: z.array(NotificationPreference) });
export const UpdateNotificationPreferencesBody = z.object({ items: z.array(NotificationPreference).min(1).max(NOTIFICATION_KINDS.length) });
