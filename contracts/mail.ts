/**
 * Email as Passerelle sends it (server/platform/mail): what kind of message, where it stands, and
 * what an administrator reads of it in the outbox.
 */
import { z } from "zod";
import { Locale } from "./accounts.ts";
import { text } from "./text.ts";

/**
 * Why an email is sent. Security messages (password reset, password changed) are sent whatever the
 * person's preferences and carry no List-Unsubscribe; the others can be switched off.
 */
export const MAIL_CATEGORIES = ["notification", "digest", "invitation", "security"] as const;
export const MailCategory = z.enum(MAIL_CATEGORIES);
export type MailCategory = z.infer<typeof MailCategory>;

/**
 * queued → sending → sent (the SMTP server took it) or failed (its last answer kept); "outbox" when no
 * SMTP server is configured: kept for an administrator to read, never sent.
 */
export const MAIL_STATUSES = ["queued", "sending", "sent", "failed", "outbox"] as const;
export const MailStatus = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof MailStatus>;

/** A calendar invitation carried by an email: a session's .ics as an invitation (REQUEST) or its cancellation (CANCEL). */
export const MAIL_CALENDAR_METHODS = ["REQUEST", "CANCEL"] as const;
export const MailCalendar = z.object({ method: z.enum(MAIL_CALENDAR_METHODS), content: z.string() });
export type MailCalendar = z.infer<typeof MailCalendar>;

export const MailMessageSummary = z.object({
  id: z.uuid(),
  category: MailCategory,
  template: z.string(),
  to: z.string(),
  locale: Locale,
  subject: z.string().nullable(),
  status: MailStatus,
  attempts: z.number().int(),
  /** The SMTP server's last answer (accepted or refused), or the error met while sending. */
  lastResponse: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type MailMessageSummary = z.infer<typeof MailMessageSummary>;

/** A message as it is (or would be) sent: its headers, HTML and plain text, and the calendar invitation it carries (or null). */
export const MailMessage = MailMessageSummary.extend({
  from: z.string(),
  headers: z.record(z.string(), z.string()),
  html: z.string(),
  text: z.string(),
  calendar: MailCalendar.nullable(),
});
export type MailMessage = z.infer<typeof MailMessage>;

/**
 * The outbox's list (GET /api/admin/mail): newest first, by pages of `limit` before the sequence
 * number `before` (the previous page's `nextBefore`); `to` is one exact address.
 */
export const ListMailQuery = z.object({
  status: MailStatus.optional(),
  to: text().trim().toLowerCase().max(254).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListMailQuery = z.infer<typeof ListMailQuery>;

export const MailPage = z.object({
  items: z.array(MailMessageSummary),
  /** What to send as `before` for the next page; null on the last one. */
  nextBefore: z.number().int().nullable(),
});
export type MailPage = z.infer<typeof MailPage>;

export const MailIdParams = z.object({ id: z.uuid() });

/** How emails leave: through the SMTP server of SMTP_URL, or kept in the outbox. The server's address and password are never shown. */
export const MAIL_MODES = ["smtp", "outbox"] as const;
export const MailMode = z.enum(MAIL_MODES);
export type MailMode = z.infer<typeof MailMode>;
export const MailSettingsView = z.object({ mode: MailMode, from: z.string() });
export type MailSettingsView = z.infer<typeof MailSettingsView>;

/** A background job that failed every retry: which queue, and the error of its last try (its payload stays private). */
export const FailedJob = z.object({
  id: z.string(),
  queue: z.string(),
  error: z.string().nullable(),
  retryCount: z.number().int(),
  failedAt: z.iso.datetime().nullable(),
});
export type FailedJob = z.infer<typeof FailedJob>;
export const FailedJobList = z.object({ items: z.array(FailedJob) });
