/**
 * Tables of the goals context (server/modules/goals): a pair's goals both ways and their progress
 * updates. They belong to the pair: managers only ever see counts.
 */
import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { GOAL_STATUSES } from "../../../contracts/goals.ts";
import { PARTICIPANT_ROLES } from "../../../contracts/programmes.ts";
import { pairs } from "./pairs.ts";
import { people } from "./people.ts";

/**
 * One goal of a pair. `learnerRole` says who learns: "mentee" for the senior's digital goals,
 * "mentor" for the junior's own. Achieved goals wait for the partner's sign-off ("I saw it").
 */
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    learnerRole: text("learner_role", { enum: PARTICIPANT_ROLES }).notNull(),
    /** Catalogue skills (skills.id) the goal works on. */
    skillIds: text("skill_ids").array().notNull().default(sql`'{}'::text[]`),
    /** The template it started from (catalogue/goal-templates.yaml), if any. */
    templateId: text("template_id"),
    /** The SMART statement. */
    statement: text("statement").notNull(),
    /** What will show it is reached ("3 processes automated with Zapier"). */
    target: text("target").notNull(),
    dueOn: text("due_on"),
    status: text("status", { enum: GOAL_STATUSES }).notNull().default("not_started"),
    createdByPersonId: uuid("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    /** The partner agreed to the goal as written. */
    agreedAt: timestamp("agreed_at", { withTimezone: true }),
    agreedByPersonId: uuid("agreed_by_person_id").references(() => people.id, { onDelete: "set null" }),
    achievedAt: timestamp("achieved_at", { withTimezone: true }),
    /** The partner saw it achieved. */
    signedOffAt: timestamp("signed_off_at", { withTimezone: true }),
    signedOffByPersonId: uuid("signed_off_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("goals_pair_idx").on(t.pairId)],
);

/** A progress update on a goal, with optional evidence (a link or words). */
export const goalUpdates = pgTable(
  "goal_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    authorPersonId: uuid("author_person_id").references(() => people.id, { onDelete: "set null" }),
    /** The status the update set (null when it only adds words). */
    status: text("status", { enum: GOAL_STATUSES }),
    note: text("note").notNull().default(""),
    evidenceUrl: text("evidence_url"),
    evidenceText: text("evidence_text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("goal_updates_goal_idx").on(t.goalId, t.createdAt)],
);
