/**
 * Tables of the programmes context (server/modules/programmes): programmes, enrolment, matching
 * runs and constraints. Pairs are in ./pairs.ts, proposals in ./proposals.ts.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { FORMATS } from "../../../contracts/profiles.ts";
import {
  CONSTRAINT_KINDS,
  ENROLMENT_SOURCES,
  ENROLMENT_STATUSES,
  PARTICIPANT_ROLES,
  PROGRAMME_PHASES,
  type ProgrammeMatchingSettings,
} from "../../../contracts/programmes.ts";
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
  /** How many hours before a session its agenda is due (the reminder goes out then if it is empty). */
  agendaDeadlineHours: smallint("agenda_deadline_hours").notNull().default(48),
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
