/** Tables of the profiles context (server/modules/profiles): participants' profiles, their skills, self-assessments. */
import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { FORMATS, PROFILE_SKILL_KINDS } from "../../../contracts/profiles.ts";
import { people } from "./people.ts";
import { skills } from "./skills.ts";

/** A participant's profile (one per person). Languages default to the directory's. */
export const profiles = pgTable("profiles", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  format: text("format", { enum: FORMATS }),
  /** "mon:morning", "thu:lunch"… weekday × time slot. */
  availability: text("availability").array().notNull().default(sql`'{}'::text[]`),
  interests: text("interests").array().notNull().default(sql`'{}'::text[]`),
  languages: text("languages").array(),
  mentorCapacity: smallint("mentor_capacity").notNull().default(1),
  hopes: text("hopes"),
  /** Percent of profiles.domain.ts's completeness items done, kept on save so that the directory can filter on it. */
  completeness: smallint("completeness").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** Skills of a profile: what I can teach (level 0–4), want to learn (priority 1–3), offer in return. */
export const profileSkills = pgTable(
  "profile_skills",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => profiles.personId, { onDelete: "cascade" }),
    kind: text("kind", { enum: PROFILE_SKILL_KINDS }).notNull(),
    skillId: text("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "restrict" }),
    level: smallint("level"),
    priority: smallint("priority"),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind, t.skillId] }), index("profile_skills_skill_idx").on(t.skillId)],
);

/** Dated self-assessment snapshots: compared before/after by a later issue. */
export const selfAssessments = pgTable(
  "self_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("self_assessments_person_idx").on(t.personId, t.takenAt)],
);

export const selfAssessmentAnswers = pgTable(
  "self_assessment_answers",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => selfAssessments.id, { onDelete: "cascade" }),
    skillId: text("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "restrict" }),
    level: smallint("level").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.skillId] })],
);
