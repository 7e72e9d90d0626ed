/**
 * The one drizzle schema of Passerelle. `npm run db:generate` turns changes here into a new SQL
 * migration in ./migrations, applied at start on PGlite and on PostgreSQL alike.
 * Privacy: no date of birth or age is ever stored (see ../../docs/ARCHITECTURE.md).
 */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** The organisation this deployment serves: one row (id = 1). */
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
  content: text("content"),
  isFullSync: boolean("is_full_sync").notNull(),
  status: text("status", { enum: ["previewed", "applying", "applied", "failed"] }).notNull(),
  /** Counts of the preview, then of the applied import. */
  summary: jsonb("summary").notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }),
});

/** Rows of an import being applied, staged in batches (with progress) before one atomic merge into people. */
export const peopleImportRows = pgTable(
  "people_import_rows",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => peopleImports.id, { onDelete: "cascade" }),
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
  (t) => [primaryKey({ columns: [t.importId, t.employeeId] })],
);
