/** Tables of the people context (server/modules/people): the HR directory and its imports. */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  EXPERIENCE_BANDS,
  IMPORT_FAILURES,
  IMPORT_STATUSES,
  type ImportProgress,
  type StoredImportSummary,
} from "../../../contracts/people.ts";
import { bytea, createdAt } from "../columns.ts";
import { users } from "./accounts.ts";

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
    /** Years of experience as a band when the HR system gives no hire year. */
    experienceBand: text("experience_band", { enum: EXPERIENCE_BANDS }),
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
  summary: jsonb("summary").$type<StoredImportSummary>().notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }),
  /** While applying: the phase and rows done, written as it goes so that any instance can show it. */
  progress: jsonb("progress").$type<ImportProgress>(),
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
