/** Tables of the accounts context (server/modules/accounts): accounts, their roles, invitations, the first administrator's setup link. */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ACCOUNT_STATUSES, LOCALES, ROLES } from "../../../contracts/accounts.ts";
import { INVITATION_BATCH_STATUSES, type InvitationBatchSource } from "../../../contracts/invitations.ts";
import { createdAt } from "../columns.ts";
import { people } from "./people.ts";

/** A login account. Roles are a set: one person may be admin, manager and participant at once. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: LOCALES }).notNull().default("fr"),
    status: text("status", { enum: ACCOUNT_STATUSES }).notNull().default("invited"),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), uniqueIndex("users_person_id_key").on(t.personId)],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/**
 * One-time invitation links (hash of the token only), valid 7 days. A reminder (round 1 after 3 days,
 * round 2 after 6) is a new link of the same invitation, valid until the first one expires.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** 0: the invitation; 1 and 2: its reminders. */
    round: integer("round").notNull().default(0),
    /** The bulk invitation that sent it, if any. */
    batchId: uuid("batch_id").references(() => invitationBatches.id, { onDelete: "set null" }),
    /** The person unsubscribed from its emails (List-Unsubscribe): no reminder follows. */
    remindersStoppedAt: timestamp("reminders_stopped_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("invitations_token_hash_key").on(t.tokenHash), index("invitations_user_idx").on(t.userId)],
);

/** A bulk invitation (from the directory's filters or a programme's enrolment board), sent by a job with its progress here. */
export const invitationBatches = pgTable("invitation_batches", {
  id: uuid("id").primaryKey().defaultRandom(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  /** What was asked: the directory's filters or a programme's enrolled people without an account. */
  source: jsonb("source").$type<InvitationBatchSource>().notNull(),
  status: text("status", { enum: INVITATION_BATCH_STATUSES }).notNull(),
  total: integer("total").notNull(),
  done: integer("done").notNull().default(0),
  /** People skipped: an account already, or no email address. */
  skipped: integer("skipped").notNull().default(0),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

/** One-time "forgot password" links (hash of the token only), valid one hour. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("password_resets_token_hash_key").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);

/** The one-time link that creates the first administrator when none exists. */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
