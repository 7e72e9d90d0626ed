import { z } from "zod";
import { searchText, text } from "./text.ts";

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
      status: z.enum(["invited", "active", "disabled"]),
      roles: z.array(z.enum(["admin", "manager", "participant"])),
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
  role: z.enum(["admin", "manager", "participant"]).optional(),
  completeness: z.enum(["complete", "incomplete", "none"]).optional(),
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

/** A refused row of an HR file: its line (the header is line 1), the column as named in the file, and why. */
export const ImportRejection = z.object({ line: z.number().int(), column: z.string(), code: z.string(), reason: z.string() });
export type ImportRejection = z.infer<typeof ImportRejection>;

export const ImportSummary = z.object({
  fileName: z.string(),
  isFullSync: z.boolean(),
  totalRows: z.number().int(),
  counts: ImportCounts,
  rejected: z.array(ImportRejection),
  rejectedCount: z.number().int(),
  ignoredColumns: z.array(z.string()),
  sensitiveColumns: z.array(z.string()),
});
/** The states of an HR import, its phases while applied, and why a failed one failed (also the database's values). */
export const IMPORT_STATUSES = ["previewed", "applying", "applied", "failed"] as const;
export const IMPORT_PHASES = ["validating", "staging", "merging", "done"] as const;
export const IMPORT_FAILURES = ["interrupted", "error", "expired"] as const;

export const ImportProgress = z.object({
  phase: z.enum(IMPORT_PHASES),
  done: z.number().int(),
  total: z.number().int(),
});
/** Why an import failed: its server stopped while applying it, the database refused it, or its preview waited over a day. */
export const ImportFailure = z.enum(IMPORT_FAILURES);
export const PeopleImport = z.object({
  id: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
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
