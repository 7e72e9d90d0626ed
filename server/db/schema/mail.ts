/** Tables of the mail platform (server/platform/mail): every email, queued, sent, failed or kept in the outbox. */
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { LOCALES } from "../../../contracts/accounts.ts";
import { MAIL_CATEGORIES, MAIL_STATUSES, type MailCalendar } from "../../../contracts/mail.ts";
import { users } from "./accounts.ts";

/**
 * One email. Written in the transaction of the change it tells about (with its delivery job), so an
 * email exists exactly when that change was committed; rendered (subject, HTML, text) when delivered
 * or kept, in the recipient's language. Without an SMTP server, messages stay here as the outbox.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Newest first, even for messages of one transaction. */
    seq: integer("seq").notNull().generatedAlwaysAsIdentity(),
    category: text("category", { enum: MAIL_CATEGORIES }).notNull(),
    /** The template (server/platform/mail/templates) and the values that fill it. */
    template: text("template").notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    toAddress: text("to_address").notNull(),
    toUserId: uuid("to_user_id").references(() => users.id, { onDelete: "set null" }),
    locale: text("locale", { enum: LOCALES }).notNull(),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("queued"),
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    /** A calendar invitation sent with the email (a session's .ics, METHOD:REQUEST or CANCEL). */
    calendar: jsonb("calendar").$type<MailCalendar>(),
    attempts: integer("attempts").notNull().default(0),
    lastResponse: text("last_response"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("mail_messages_seq_idx").on(t.seq), index("mail_messages_to_user_idx").on(t.toUserId)],
);
