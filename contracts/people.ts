import { z } from "zod";
import { AccountStatus, Role } from "./accounts.ts";
import { searchText, text } from "./text.ts";

/** Years of experience as a band, when the HR system gives no hire year (also the database's values). */
export const EXPERIENCE_BANDS = ["0-2", "3-5", "6-10", "11-20", "20+"] as const;
export const ExperienceBand = z.enum(EXPERIENCE_BANDS);
export type ExperienceBand = z.infer<typeof ExperienceBand>;

/** A filter on profile completeness: filled in (100 %), started, or no profile yet. */
export const COMPLETENESS_FILTERS = ["complete", "incomplete", "none"] as const;
export const CompletenessFilter = z.enum(COMPLETENESS_FILTERS);
export type CompletenessFilter = z.infer<typeof CompletenessFilter>;

/** A person of the HR directory as the admin and manager screens show them. No date of birth, no age. */
export const Person = z.object({
  id: z.uuid(),
  employeeId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  department: z.string().nullable(),
  site: z.string().nullable(),
  jobTitle: z.string().nullable(),
  managerName: z.string().nullable(),
  hireYear: z.number().int().nullable(),
  isActive: z.boolean(),
  /** Percent of the profile filled in, or null when the person has no profile yet. */
  profileCompleteness: z.number().int().nullable(),
  /** The person's login account, if any. */
  account: z
    .object({
      id: z.uuid(),
      status: AccountStatus,
      roles: z.array(Role),
    })
    .nullable(),
});
export type Person = z.infer<typeof Person>;

export const ListPeopleQuery = z.object({
  q: searchText().trim().max(100).optional(),
  department: searchText().trim().max(100).optional(),
  site: searchText().trim().max(100).optional(),
  /** People who can teach, want to learn or offer this skill. */
  skill: text()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(80)
    .optional(),
  role: Role.optional(),
  completeness: CompletenessFilter.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const PeoplePage = z.object({
  items: z.array(Person),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  departments: z.array(z.string()),
  sites: z.array(z.string()),
});
export type PeoplePage = z.infer<typeof PeoplePage>;

export const ImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deactivated: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** A refused row of an HR file: its line (the header is line 1), the column as named in the file, and why. */
export const ImportRejection = z.object({ line: z.number().int(), column: z.string(), code: z.string(), reason: z.string() });
export type ImportRejection = z.infer<typeof ImportRejection>;

export const ImportSummary = z.object({
  fileName: z.string(),
  isFullSync: z.boolean(),
  totalRows: z.number().int(),
  counts: ImportCounts,
  /** The first refused rows (at most 1,000); `rejectedCount` counts them all. */
  rejected: z.array(ImportRejection),
  rejectedCount: z.number().int(),
  ignoredColumns: z.array(z.string()),
  /** Columns such as a date of birth: never read, never stored. */
  sensitiveColumns: z.array(z.string()),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** A refused row as kept with its import: the values of its message instead of the text, translated when shown. */
export const StoredImportRejection = ImportRejection.omit({ reason: true }).extend({
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type StoredImportRejection = z.infer<typeof StoredImportRejection>;
/** An import's summary as the database keeps it (people_imports.summary). */
export const StoredImportSummary = ImportSummary.extend({ rejected: z.array(StoredImportRejection) });
export type StoredImportSummary = z.infer<typeof StoredImportSummary>;

/** The states of an HR import, its phases while applied, and why a failed one failed (also the database's values). */
export const IMPORT_STATUSES = ["previewed", "applying", "applied", "failed"] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;
export const IMPORT_PHASES = ["queued", "validating", "staging", "merging", "done"] as const;
export const ImportPhase = z.enum(IMPORT_PHASES);
export type ImportPhase = z.infer<typeof ImportPhase>;
export const IMPORT_FAILURES = ["interrupted", "error", "expired"] as const;

/** While applying: the phase and rows done (people_imports.progress). */
export const ImportProgress = z.object({
  phase: ImportPhase,
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
/** Why an import failed: its server stopped while applying it, the database refused it, or its preview waited over a day. */
export const ImportFailure = z.enum(IMPORT_FAILURES);
export type ImportFailure = z.infer<typeof ImportFailure>;
export const PeopleImport = z.object({
  id: z.uuid(),
  status: ImportStatus,
  summary: ImportSummary,
  progress: ImportProgress.nullable(),
  failure: ImportFailure.nullable(),
  /** Its file is kept and it is not applied: it may be applied (again). */
  canApply: z.boolean(),
});
export type PeopleImport = z.infer<typeof PeopleImport>;
/** An import in the history of the import page (no refused rows: open the import for those). */
export const PeopleImportListItem = PeopleImport.omit({ progress: true }).extend({
  summary: ImportSummary.omit({ rejected: true }),
  createdAt: z.iso.datetime(),
  appliedAt: z.iso.datetime().nullable(),
});
export const PeopleImportList = z.object({ items: z.array(PeopleImportListItem) });
export type PeopleImportList = z.infer<typeof PeopleImportList>;

export const CreateImportQuery = z.object({
  fileName: text().trim().min(1).max(255).default("import.csv"),
  fullSync: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
export const ImportIdParams = z.object({ id: z.uuid() });
