/**
 * The one drizzle schema of Passerelle. `npm run db:generate` turns changes here into a new SQL
 * migration in ./migrations, applied at start on PGlite and on PostgreSQL alike.
 * Privacy: no date of birth or age is ever stored (see ../../docs/ARCHITECTURE.md).
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { IMPORT_FAILURES, type IMPORT_PHASES, IMPORT_STATUSES } from "../../contracts/people.ts";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** The organisation this deployment serves: one row (id = 1). */

/** Bytes (drizzle has no bytea column of its own). Big values travel as base64 text: see people-import.repository.ts. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const organisation = pgTable("organisation", {
  id: integer("id").primaryKey().default(1),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

/** The people directory, fed from the HR system (issue 3 adds the import). */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employeeId: text("employee_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    department: text("department"),
    site: text("site"),
    jobTitle: text("job_title"),
    managerEmployeeId: text("manager_employee_id"),
    hireYear: integer("hire_year"),
    /** Years of experience as a band ("0-2", "3-5", "6-10", "11-20", "20+") when the HR system gives no hire year. */
    experienceBand: text("experience_band", { enum: ["0-2", "3-5", "6-10", "11-20", "20+"] }),
    languages: text("languages").array().notNull().default(sql`'{fr}'::text[]`),
    timeZone: text("time_zone").notNull().default("Europe/Paris"),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("people_employee_id_key").on(t.employeeId),
    uniqueIndex("people_email_key").on(t.email),
    index("people_manager_idx").on(t.managerEmployeeId),
  ],
);

/** A login account. Roles are a set: one person may be admin, manager and participant at once. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: ["fr", "en"] })
      .notNull()
      .default("fr"),
    status: text("status", { enum: ["invited", "active", "disabled"] })
      .notNull()
      .default("invited"),
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
    role: text("role", { enum: ["admin", "manager", "participant"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Server-side sessions. The id is the SHA-256 of the cookie's token: a database leak reveals no usable cookie. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time invitation links (hash of the token only), valid 7 days. */
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
  },
  (t) => [uniqueIndex("invitations_token_hash_key").on(t.tokenHash), index("invitations_user_idx").on(t.userId)],
);

/** The one-time link that creates the first administrator when none exists. */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Failed login counters per account and per IP, kept in the database so that several app instances share them. */
export const loginFailures = pgTable("login_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});

/**
 * An HR file uploaded for import: kept between the preview and "apply" (re-validated then), and
 * afterwards as the record of who imported what. The file's text is dropped once applied.
 */
export const peopleImports = pgTable("people_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  fileName: text("file_name").notNull(),
  /** The uploaded file, decoded to UTF-8 and gzipped, kept for "apply" until applied or a day old; null once dropped. */
  file: bytea("file"),
  isFullSync: boolean("is_full_sync").notNull(),
  status: text("status", { enum: IMPORT_STATUSES }).notNull(),
  /** Counts of the preview, then of the applied import. */
  summary: jsonb("summary").notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }),
  /** While applying: the phase and rows done, written as it goes so that any instance can show it. */
  progress: jsonb("progress").$type<{ phase: (typeof IMPORT_PHASES)[number]; done: number; total: number }>(),
  /**
   * Why a failed import failed: the process applying it stopped ("interrupted"), the database
   * refused the merge ("error"), or its preview waited more than a day ("expired").
   */
  failure: text("failure", { enum: IMPORT_FAILURES }),
});

/** Rows of an import being applied, staged in batches (with progress) before one atomic merge into people. */
export const peopleImportRows = pgTable(
  "people_import_rows",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => peopleImports.id, { onDelete: "cascade" }),
    /** The row's rank in the file: the merge reads the staged rows in slices of consecutive ranks. */
    seq: integer("seq").notNull(),
    employeeId: text("employee_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    department: text("department"),
    site: text("site"),
    jobTitle: text("job_title"),
    managerEmployeeId: text("manager_employee_id"),
    hireYear: integer("hire_year"),
    experienceBand: text("experience_band"),
    languages: text("languages").array().notNull(),
    timeZone: text("time_zone").notNull(),
    isActive: boolean("is_active").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.employeeId] }), uniqueIndex("people_import_rows_seq_key").on(t.importId, t.seq)],
);

/** Skill categories: the catalogue's (catalogue/skills.yaml, synced at start) and the organisation's own. */
export const skillCategories = pgTable("skill_categories", {
  id: text("id").primaryKey(),
  family: text("family", { enum: ["digital", "reverse"] }).notNull(),
  labelFr: text("label_fr").notNull(),
  labelEn: text("label_en").notNull(),
  position: integer("position").notNull(),
  isCustom: boolean("is_custom").notNull().default(false),
});

/**
 * Skills. Catalogue columns are rewritten at each start from catalogue/skills.yaml; the admin's
 * renames and extra synonyms live in their own columns so that they survive. A skill is archived,
 * never deleted, once anything refers to it (foreign keys use "restrict").
 */
export const skills = pgTable(
  "skills",
  {
    id: text("id").primaryKey(),
    categoryId: text("category_id")
      .notNull()
      .references(() => skillCategories.id, { onDelete: "restrict" }),
    labelFr: text("label_fr").notNull(),
    labelEn: text("label_en").notNull(),
    descriptionFr: text("description_fr").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    synonymsFr: text("synonyms_fr").array().notNull().default(sql`'{}'::text[]`),
    synonymsEn: text("synonyms_en").array().notNull().default(sql`'{}'::text[]`),
    customLabelFr: text("custom_label_fr"),
    customLabelEn: text("custom_label_en"),
    customSynonyms: text("custom_synonyms").array().notNull().default(sql`'{}'::text[]`),
    digcomp: text("digcomp").array().notNull().default(sql`'{}'::text[]`),
    entrecomp: text("entrecomp").array().notNull().default(sql`'{}'::text[]`),
    position: integer("position").notNull(),
    isCustom: boolean("is_custom").notNull().default(false),
    isArchived: boolean("is_archived").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("skills_category_idx").on(t.categoryId)],
);

/** A participant's profile (one per person). Languages default to the directory's. */
export const profiles = pgTable("profiles", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  format: text("format", { enum: ["in_person", "online", "both"] }),
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
    kind: text("kind", { enum: ["teach", "learn", "offer"] }).notNull(),
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

/* ------------------------------------------------------------------ programmes (issue 5) */

export const PROGRAMME_PHASES = ["draft", "enrolment", "matching", "running", "closed"] as const;
export const PAIR_STATES = ["intro", "active", "completed", "ended_early", "not_a_fit"] as const;

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
  format: text("format", { enum: ["in_person", "online", "both"] }).notNull(),
  isPilot: boolean("is_pilot").notNull().default(false),
  targetPairs: integer("target_pairs"),
  charterFr: text("charter_fr").notNull(),
  charterEn: text("charter_en").notNull(),
  /** { weights, minScore, defaultCapacity, forbidSameTeam, managementChainDepth } */
  matchingSettings: jsonb("matching_settings").notNull(),
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
    role: text("role", { enum: ["mentor", "mentee"] }).notNull(),
    status: text("status", { enum: ["invited", "joined", "declined"] }).notNull(),
    source: text("source", { enum: ["manager", "application"] }).notNull(),
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
    kind: text("kind", { enum: ["lock", "forbid"] }).notNull(),
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
    /** { total, matchedRatio, worstScore, medianScore, pairs, mentees, mentors, locks, forbids, setAside, ms } */
    summary: jsonb("summary").notNull(),
    /** { pairs: [{ mentorId, menteeId, score, locked, reasons, alternatives }], unmatched: [{ personId, role, why }] } */
    result: jsonb("result").notNull(),
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
    origin: text("origin", { enum: ["matching", "proposal"] }).notNull(),
    score: jsonb("score"),
    /** FR/EN reasons of the score, as the engine explained them. */
    reasons: jsonb("reasons").notNull().default(sql`'[]'::jsonb`),
    introAt: timestamp("intro_at", { withTimezone: true }),
    introPlace: text("intro_place"),
    /** When the people who had not answered after the intro were reminded. */
    introReminderAt: timestamp("intro_reminder_at", { withTimezone: true }),
    /** People of the pair who asked to complete it; both → completed. */
    completionAgreedBy: uuid("completion_agreed_by").array().notNull().default(sql`'{}'::uuid[]`),
    endReason: text("end_reason", { enum: ["no_time", "not_a_fit", "left_company", "other"] }),
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
    /** What caused it: matching, proposal, intro_confirmed, intro_not_a_fit, ended_early, completed_by_both… */
    cause: text("cause").notNull(),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The end reason given (no_time, not_a_fit, left_company, other) when ended early by a person. */
    reason: text("reason"),
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
    status: text("status", { enum: ["open", "accepted", "declined", "withdrawn", "expired"] }).notNull(),
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

/** Onboarding modules read (catalogue/onboarding.yaml ids). Reflection answers stay the person's own. */
export const onboardingProgress = pgTable(
  "onboarding_progress",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    reflections: jsonb("reflections").notNull().default(sql`'[]'::jsonb`),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moduleId] })],
);

/** A person's acceptance of a programme's charter (the version they read is its text at that time). */
export const charterAcceptances = pgTable(
  "charter_acceptances",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.personId] })],
);

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
    kind: text("kind").notNull(),
    params: jsonb("params").notNull().default(sql`'{}'::jsonb`),
    link: text("link"),
    /** Newest first, even for notifications created in the same transaction. */
    seq: integer("seq").notNull().generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_person_idx").on(t.personId, t.seq), index("notifications_user_idx").on(t.userId, t.seq)],
);
