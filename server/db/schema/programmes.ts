/**
 * Tables of the programmes context (server/modules/programmes): programmes, enrolment, matching
 * runs and constraints, pairs with their events and intro answers, and proposals.
 */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { END_REASONS, PAIR_CAUSES, PAIR_ORIGINS, PROPOSAL_STATUSES } from "../../../contracts/pairs.ts";
import { FORMATS } from "../../../contracts/profiles.ts";
import {
  CONSTRAINT_KINDS,
  ENROLMENT_SOURCES,
  ENROLMENT_STATUSES,
  PAIR_STATES,
  PARTICIPANT_ROLES,
  PROGRAMME_PHASES,
  type ProgrammeMatchingSettings,
} from "../../../contracts/programmes.ts";
import type { Reason } from "../../modules/matching/index.ts";
import type { StoredRun, StoredRunSummary } from "../../modules/programmes/index.ts";
import { users } from "./accounts.ts";
import { people } from "./people.ts";

/**
 * A reverse-mentoring programme, created from a template (catalogue/programme-templates.yaml) whose
 * fields were copied in and may be edited. Matching settings are the engine's (docs/matching.md).
 */
export const programmes = pgTable("programmes", {
  id: uuid("id").primaryKey().defaultRandom(),
  templateId: text("template_id"),
  name: text("name").notNull(),
  objectives: text("objectives").notNull().default(""),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  cadenceWeeks: smallint("cadence_weeks").notNull(),
  sessionMinutes: smallint("session_minutes").notNull(),
  format: text("format", { enum: FORMATS }).notNull(),
  isPilot: boolean("is_pilot").notNull().default(false),
  targetPairs: integer("target_pairs"),
  charterFr: text("charter_fr").notNull(),
  charterEn: text("charter_en").notNull(),
  matchingSettings: jsonb("matching_settings").$type<ProgrammeMatchingSettings>().notNull(),
  allowsProposals: boolean("allows_proposals").notNull().default(true),
  proposalExpiryDays: smallint("proposal_expiry_days").notNull().default(14),
  requiresOnboarding: boolean("requires_onboarding").notNull().default(true),
  phase: text("phase", { enum: PROGRAMME_PHASES }).notNull().default("draft"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/**
 * A person's place in a programme: one role per programme. "invited" until they answer (joined or
 * declined); an application is an answer. "Set aside" keeps them out of the next matching runs.
 */
export const enrolments = pgTable(
  "enrolments",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text("role", { enum: PARTICIPANT_ROLES }).notNull(),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull(),
    source: text("source", { enum: ENROLMENT_SOURCES }).notNull(),
    /** Mentees this mentor takes in this programme; null = their profile's capacity, else the programme default. */
    capacity: smallint("capacity"),
    isSetAside: boolean("is_set_aside").notNull().default(false),
    enrolledBy: uuid("enrolled_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.personId] }), index("enrolments_person_idx").on(t.personId)],
);

/** The manager's decisions kept across matching runs: pairs locked in, pairs forbidden. */
export const matchingConstraints = pgTable(
  "matching_constraints",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    menteeId: uuid("mentee_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CONSTRAINT_KINDS }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.mentorId, t.menteeId] })],
);

/** One run of the engine on a programme's cohort: its inputs' summary and the whole proposal, for review and comparison. */
export const matchingRuns = pgTable(
  "matching_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    summary: jsonb("summary").$type<StoredRunSummary>().notNull(),
    /** The whole proposal: every pair with its reasons and alternatives, everyone unmatched and why. */
    result: jsonb("result").$type<StoredRun>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("matching_runs_number_key").on(t.programmeId, t.number)],
);

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

/** A mentee's self-service proposal to a mentor of the same programme. */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    menteeId: uuid("mentee_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    goals: text("goals").notNull(),
    offer: text("offer").notNull(),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull(),
    declineReason: text("decline_reason"),
    pairId: uuid("pair_id").references(() => pairs.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the mentor was told the proposal expires soon. */
    expiryNoticeAt: timestamp("expiry_notice_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("proposals_open_key").on(t.programmeId, t.menteeId, t.mentorId).where(sql`status = 'open'`),
    index("proposals_mentor_idx").on(t.mentorId, t.status),
    index("proposals_mentee_idx").on(t.menteeId, t.status),
  ],
);
