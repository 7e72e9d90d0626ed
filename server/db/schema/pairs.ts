/**
 * Tables of the pairs context (server/modules/pairs): pairs, every transition of a pair, and the
 * answers after the intro meeting.
 */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { END_REASONS, PAIR_CAUSES, PAIR_ORIGINS } from "../../../contracts/pairs.ts";
import { PAIR_STATES } from "../../../contracts/programmes.ts";
import type { Reason } from "../../modules/matching/index.ts";
import { users } from "./accounts.ts";
import { people } from "./people.ts";
import { programmes } from "./programmes.ts";

/**
 * A mentor–mentee pair of a programme. A mentee has at most one open pair (intro or active) per
 * programme, enforced by a partial unique index; a mentor's capacity by a row lock on their enrolment.
 */
export const pairs = pgTable(
  "pairs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    menteeId: uuid("mentee_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    state: text("state", { enum: PAIR_STATES }).notNull(),
    origin: text("origin", { enum: PAIR_ORIGINS }).notNull(),
    score: jsonb("score").$type<number>(),
    /** FR/EN reasons of the score, as the engine explained them. */
    reasons: jsonb("reasons").$type<Reason[]>().notNull().default(sql`'[]'::jsonb`),
    introAt: timestamp("intro_at", { withTimezone: true }),
    introPlace: text("intro_place"),
    /** When the people who had not answered after the intro were reminded. */
    introReminderAt: timestamp("intro_reminder_at", { withTimezone: true }),
    /** People of the pair who asked to complete it; both → completed. */
    completionAgreedBy: uuid("completion_agreed_by").array().notNull().default(sql`'{}'::uuid[]`),
    endReason: text("end_reason", { enum: END_REASONS }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("pairs_open_mentee_key").on(t.programmeId, t.menteeId).where(sql`state in ('intro', 'active')`),
    index("pairs_mentor_idx").on(t.programmeId, t.mentorId),
    index("pairs_mentee_idx").on(t.menteeId),
  ],
);

/** Every transition of a pair: who, when, from what to what, and the reason given. */
export const pairEvents = pgTable(
  "pair_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    /** Order of the events (several may share a timestamp). */
    seq: integer("seq").notNull().generatedAlwaysAsIdentity(),
    fromState: text("from_state", { enum: PAIR_STATES }),
    toState: text("to_state", { enum: PAIR_STATES }).notNull(),
    /** What caused it (the enum types it in TypeScript only: the column stays text). */
    cause: text("cause", { enum: PAIR_CAUSES }).notNull(),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The end reason given when ended early by a person. */
    reason: text("reason", { enum: END_REASONS }),
    /** Their optional words, for the managers. */
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("pair_events_pair_idx").on(t.pairId, t.seq)],
);

/** Each person's answer after the intro meeting. The reason of a "not a fit" is shown to managers only. */
export const introAnswers = pgTable(
  "intro_answers",
  {
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    isFit: boolean("is_fit").notNull(),
    reason: text("reason"),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pairId, t.personId] })],
);
