/**
 * Email as Passerelle sends it (server/platform/mail): what kind of message, where it stands, and
 * what an administrator reads of it in the outbox.
 */
import { z } from "zod";
import { Locale } from "./accounts.ts";

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

/** A message as it is (or would be) sent: its headers, HTML and plain text. */
export const MailMessage = MailMessageSummary.extend({
  from: z.string(),
  headers: z.record(z.string(), z.string()),
  html: z.string(),
  text: z.string(),
});
export type MailMessage = z.infer<typeof MailMessage>;
