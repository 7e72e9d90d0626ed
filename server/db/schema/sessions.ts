/**
 * Tables of the sessions context (server/modules/sessions): a pair's sessions with their agenda,
 * each person's notes and journal, action items, the pair's resources, and what the reminders sent.
 * Notes belong to their author (shared with the partner on request); managers only see that they exist.
 */
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { AGENDA_ITEM_KINDS, SESSION_MODES, SESSION_STATUSES } from "../../../contracts/sessions.ts";
import { goals } from "./goals.ts";
import { pairs } from "./pairs.ts";
import { people } from "./people.ts";
import { programmes } from "./programmes.ts";

/**
 * A session of a pair (`pairSessions`: `sessions` are the login sessions of schema/auth.ts), stored as instants. `sequence` is the calendar file's SEQUENCE: raised on every
 * change people's calendars must follow (time, place, cancellation); the id is the stable UID.
 */
export const pairSessions = pgTable(
  "pair_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    mode: text("mode", { enum: SESSION_MODES }).notNull(),
    /** The video link (online) or the place (in person). */
    location: text("location").notNull().default(""),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("scheduled"),
    sequence: integer("sequence").notNull().default(0),
    /** When the agenda is due (startsAt minus the programme's deadline), for the reminder's query. */
    agendaDueAt: timestamp("agenda_due_at", { withTimezone: true }).notNull(),
    cancelReason: text("cancel_reason"),
    createdByPersonId: uuid("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    /** Who last changed its status (cancelled, held, missed). */
    statusByPersonId: uuid("status_by_person_id").references(() => people.id, { onDelete: "set null" }),
    statusAt: timestamp("status_at", { withTimezone: true }),
    /** When the "session tomorrow" reminder went out for the current time (cleared on reschedule). */
    tomorrowReminderAt: timestamp("tomorrow_reminder_at", { withTimezone: true }),
    /** When the "agenda still empty" reminder went out (cleared on reschedule). */
    agendaReminderAt: timestamp("agenda_reminder_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("pair_sessions_pair_idx").on(t.pairId, t.startsAt),
    index("pair_sessions_due_idx").on(t.status, t.startsAt),
    index("pair_sessions_agenda_due_idx").on(t.status, t.agendaDueAt),
  ],
);

/** One line of a session's agenda: the mentee prepares it, the mentor may add to it. */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => pairSessions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: AGENDA_ITEM_KINDS }).notNull(),
    text: text("text").notNull(),
    goalId: uuid("goal_id").references(() => goals.id, { onDelete: "set null" }),
    /** The open action item of an earlier session it carries over. */
    fromActionItemId: uuid("from_action_item_id"),
    authorPersonId: uuid("author_person_id").references(() => people.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("agenda_items_session_idx").on(t.sessionId, t.position)],
);

/**
 * One person's notes and learning-journal entry after a session. The notes are private to their
 * author unless shared with the partner; the journal is the author's alone.
 */
export const sessionNotes = pgTable(
  "session_notes",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => pairSessions.id, { onDelete: "cascade" }),
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    notes: text("notes").notNull().default(""),
    journal: text("journal").notNull().default(""),
    isShared: boolean("is_shared").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.authorPersonId] })],
);

/** Something one of the pair will do after a session, by a date. */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => pairSessions.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    ownerPersonId: uuid("owner_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    dueOn: text("due_on"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdByPersonId: uuid("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    /** When the "action item due" reminder went out. */
    reminderAt: timestamp("reminder_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("action_items_pair_idx").on(t.pairId), index("action_items_due_idx").on(t.dueOn).where(sql`done_at is null`)],
);

/** The pair's list of resources: titled links. */
export const pairResources = pgTable(
  "pair_resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    url: text("url").notNull(),
    addedByPersonId: uuid("added_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("pair_resources_pair_idx").on(t.pairId)],
);

/** When a pair with no session scheduled was last told so: one reminder per three quiet weeks. */
export const pairQuietReminders = pgTable("pair_quiet_reminders", {
  pairId: uuid("pair_id")
    .primaryKey()
    .references(() => pairs.id, { onDelete: "cascade" }),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
});

/** The managers' weekly digest of a programme, once per ISO week ("2026-W49"). */
export const sessionDigests = pgTable(
  "session_digests",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    week: text("week").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("session_digests_key").on(t.programmeId, t.week)],
);
