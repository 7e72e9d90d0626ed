/** Tables of the notifications context (server/modules/notifications): the bell. */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "../../../contracts/notifications.ts";
import { users } from "./accounts.ts";
import { people } from "./people.ts";

/**
 * In-app notifications (the bell), to a person of the directory (read once they have an account) or
 * to an account (managers, who may have no directory entry). `params` fill the FR/EN text at display.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    /** The values of the notification's FR/EN text. */
    params: jsonb("params").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    link: text("link"),
    /** Newest first, even for notifications created in the same transaction. */
    seq: integer("seq").notNull().generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Waiting for its recipient's daily digest email (their preference for this kind is "digest"). */
    isDigestPending: boolean("is_digest_pending").notNull().default(false),
  },
  (t) => [
    index("notifications_person_idx").on(t.personId, t.seq),
    index("notifications_user_idx").on(t.userId, t.seq),
    index("notifications_digest_idx").on(t.isDigestPending),
  ],
);

/** A person's choice of channel for one kind of notification; no row = the default (contracts/notifications.ts). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
