import { and, desc, eq, getTableColumns, gt, inArray, isNotNull, lt, notInArray, sql } from "drizzle-orm";
import type { ImportStatus, StoredImportSummary } from "../../../contracts/people.ts";
import type { Tx } from "../../db/client.ts";
import { people, peopleImportRows, peopleImports } from "../../db/schema.ts";
import { yieldToEventLoop } from "../../platform/threads/yield-to-event-loop.ts";
import type { ImportCounts, PersonRecord } from "./people-import.domain.ts";

export type ImportRow = typeof peopleImports.$inferSelect;

/** Rows read or merged per query: each query stays well under a second on the embedded database. */
export const SLICE_ROWS = 10_000;

/**
 * The whole directory as the import compares it (100,000 people fit easily in memory), read in
 * slices of SLICE_ROWS by employee id so that no single query holds the event loop for long.
 */
export async function loadSnapshot(db: Tx): Promise<PersonRecord[]> {
  const all: PersonRecord[] = [];
  for (let after: string | null = null; ; ) {
    const slice = await db
      .select(snapshotColumns)
      .from(people)
      .where(after === null ? undefined : gt(people.employeeId, after))
      .orderBy(people.employeeId)
      .limit(SLICE_ROWS);
    all.push(...(slice as PersonRecord[]));
    if (slice.length < SLICE_ROWS) return all;
    after = (slice[slice.length - 1] as PersonRecord).employeeId;
    await yieldToEventLoop();
  }
}

const snapshotColumns = {
  employeeId: people.employeeId,
  firstName: people.firstName,
  lastName: people.lastName,
  email: people.email,
  department: people.department,
  site: people.site,
  jobTitle: people.jobTitle,
  managerEmployeeId: people.managerEmployeeId,
  hireYear: people.hireYear,
  experienceBand: people.experienceBand,
  languages: people.languages,
  timeZone: people.timeZone,
  isActive: people.isActive,
};

/**
 * The kept file travels as base64 text both ways: the embedded database's driver converts a bytea
 * parameter or result byte by byte in JavaScript (0.6–0.9 s for a 1.4 MB file, on the event loop),
 * while decode()/encode() run inside the database (under 0.1 s).
 */
const toBytea = (bytes: Uint8Array | null | undefined) =>
  bytes ? sql`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64")}, 'base64')` : null;
const fileAsBase64 = sql<string | null>`encode(${peopleImports.file}, 'base64')`;
const fromBase64 = (base64: string | null) => (base64 === null ? null : new Uint8Array(Buffer.from(base64, "base64")));

/** Creates an import (its file kept, or not); returns its id. */
export async function insertImport(db: Tx, values: typeof peopleImports.$inferInsert): Promise<string> {
  const [row] = await db
    .insert(peopleImports)
    .values({ ...values, file: toBytea(values.file) })
    .returning({ id: peopleImports.id });
  if (!row) throw new Error("insert into people_imports returned nothing");
  return row.id;
}

export async function findImport(db: Tx, id: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(peopleImports), file: fileAsBase64 })
    .from(peopleImports)
    .where(eq(peopleImports.id, id));
  return row && { ...row, file: fromBase64(row.file) };
}

/** An import without its file (the polling of an apply reads it twice a second): whether the file is kept instead. */
export async function findImportHead(db: Tx, id: string) {
  const { file: _file, ...columns } = getTableColumns(peopleImports);
  const [row] = await db
    .select({ ...columns, isKept: sql<boolean>`${peopleImports.file} is not null` })
    .from(peopleImports)
    .where(eq(peopleImports.id, id));
  return row;
}

/** An import whose file is kept can be applied: previewed, or failed (interrupted, refused by the database) and tried again. */
const canApply = and(isNotNull(peopleImports.file), inArray(peopleImports.status, ["previewed", "failed"]));

/** Moves an import that can be applied to "applying"; false when it cannot (already applied, or applying). */
export async function claimImport(db: Tx, id: string, progress: ImportRow["progress"]): Promise<boolean> {
  const rows = await db
    .update(peopleImports)
    .set({ status: "applying", failure: null, progress })
    .where(and(eq(peopleImports.id, id), canApply))
    .returning({ id: peopleImports.id });
  return rows.length === 1;
}

/**
 * Marks an import that is still "applying" as failed. Waits for a merge holding the import's row
 * (lockImportForMerge) to end: a committed merge has made it "applied", and it is left so (false).
 * `isQueuedSpared`: an import still waiting for its job (phase "queued") is left as it is (false).
 */
export async function failApplyingImport(
  db: Tx,
  id: string,
  failure: NonNullable<ImportRow["failure"]>,
  options: { isQueuedSpared?: boolean } = {},
): Promise<boolean> {
  const isNotQueued = sql`(${peopleImports.progress} ->> 'phase') is distinct from 'queued'`;
  const rows = await db
    .update(peopleImports)
    .set({ status: "failed", failure, progress: null })
    .where(and(eq(peopleImports.id, id), eq(peopleImports.status, "applying"), options.isQueuedSpared ? isNotQueued : undefined))
    .returning({ id: peopleImports.id });
  return rows.length === 1;
}

/**
 * First step of the merge transaction: locks the import's row (so no recovery can fail it while it
 * merges) and checks that it is still "applying" with all its rows staged; throws otherwise, which
 * rolls the merge back. A full sync must never run on a partial staging: it would deactivate the rest.
 */
export async function lockImportForMerge(tx: Tx, id: string, total: number): Promise<void> {
  const [row] = await tx.select({ status: peopleImports.status }).from(peopleImports).where(eq(peopleImports.id, id)).for("update");
  if (row?.status !== "applying") throw new Error(`import ${id} is ${row?.status ?? "gone"}, not applying: merge abandoned`);
  const [staged] = await tx.select({ n: sql<number>`count(*)::int` }).from(peopleImportRows).where(eq(peopleImportRows.importId, id));
  if (staged?.n !== total) throw new Error(`import ${id} has ${staged?.n ?? 0} of its ${total} rows staged: merge abandoned`);
}

export async function setProgress(db: Tx, id: string, progress: NonNullable<ImportRow["progress"]>): Promise<void> {
  await db.update(peopleImports).set({ progress }).where(eq(peopleImports.id, id));
}

/** The most recent imports, newest first (their files are not read). */
export async function listImports(db: Tx, limit: number) {
  return db
    .select({
      id: peopleImports.id,
      status: peopleImports.status,
      summary: peopleImports.summary,
      progress: peopleImports.progress,
      failure: peopleImports.failure,
      createdAt: peopleImports.createdAt,
      appliedAt: peopleImports.appliedAt,
      isKept: sql<boolean>`${peopleImports.file} is not null`,
    })
    .from(peopleImports)
    .orderBy(desc(peopleImports.createdAt))
    .limit(limit);
}

/** Imports left "applying" (their process may have died: the caller checks with the import's lock). */
export async function findApplyingImportIds(db: Tx): Promise<string[]> {
  const rows = await db.select({ id: peopleImports.id }).from(peopleImports).where(eq(peopleImports.status, "applying"));
  return rows.map((r) => r.id);
}

/** Staged rows whose import is not being applied: what a process that died while staging left behind. */
export async function deleteOrphanStagedRows(db: Tx): Promise<void> {
  const applying = db.select({ id: peopleImports.id }).from(peopleImports).where(eq(peopleImports.status, "applying"));
  await db.delete(peopleImportRows).where(notInArray(peopleImportRows.importId, applying));
}

export async function finishImport(
  db: Tx,
  id: string,
  values: { status: Exclude<ImportStatus, "applying">; summary?: StoredImportSummary; appliedAt?: Date; failure?: ImportRow["failure"] },
) {
  await db
    .update(peopleImports)
    .set({ progress: null, ...values, ...(values.status === "applied" ? { file: null } : {}) })
    .where(eq(peopleImports.id, id));
}

/**
 * Stages one batch in a single statement: the rows travel as one JSON parameter (no parameter-count
 * limit), as `stagingBatches` (people-import.check.ts) writes them.
 */
export async function stageRows(db: Tx, importId: string, batch: Uint8Array): Promise<void> {
  const batchJson = new TextDecoder().decode(batch);
  await db.execute(sql`
    insert into ${peopleImportRows} (import_id, seq, employee_id, first_name, last_name, email, department, site, job_title,
      manager_employee_id, hire_year, experience_band, languages, time_zone, is_active)
    select ${importId}::uuid, x.seq, x."employeeId", x."firstName", x."lastName", x.email, x.department, x.site, x."jobTitle",
      x."managerEmployeeId", x."hireYear", x."experienceBand", string_to_array(x.languages, ','), x."timeZone", x."isActive"
    from json_to_recordset(${batchJson}::json) as x(seq integer, "employeeId" text, "firstName" text, "lastName" text, email text, department text,
      site text, "jobTitle" text, "managerEmployeeId" text, "hireYear" integer, "experienceBand" text, languages text, "timeZone" text,
      "isActive" boolean)`);
}

/**
 * Merges the staged rows into the directory (new people inserted, changed ones updated, identical
 * ones untouched) one slice of SLICE_ROWS ranks per statement, letting the event loop run between
 * two, then with full sync deactivates the people absent from the file. Returns what actually
 * changed. Run inside the caller's transaction: the directory changes all at once or not at all.
 */
export async function mergeStagedRows(
  tx: Tx,
  importId: string,
  now: Date,
  options: { isFullSync: boolean; total: number; onSlice?: (done: number) => Promise<void> | void },
): Promise<Omit<ImportCounts, "unchanged">> {
  // People whose email changes first get a placeholder: the file may move an address from one person
  // to another, or swap two, which row-by-row uniqueness checks would otherwise refuse mid-merge.
  await tx.execute(sql`
    update ${people} set email = '~moving~' || people.id::text
    from ${peopleImportRows} r
    where r.import_id = ${importId}::uuid and r.employee_id = people.employee_id and r.email <> people.email`);
  let created = 0;
  let updated = 0;
  for (let from = 0; from < options.total; from += SLICE_ROWS) {
    const slice = await mergeSlice(tx, importId, now, from, from + SLICE_ROWS);
    created += slice.created;
    updated += slice.updated;
    await options.onSlice?.(Math.min(from + SLICE_ROWS, options.total));
    await yieldToEventLoop();
  }
  let deactivated = 0;
  if (options.isFullSync) {
    const result = await tx.execute(sql`
      update ${people} set is_active = false, updated_at = ${now.toISOString()}::timestamptz
      where is_active and not exists (select 1 from ${peopleImportRows} r where r.import_id = ${importId}::uuid and r.employee_id = people.employee_id)
      returning employee_id`);
    deactivated = (result as unknown as { rows: unknown[] }).rows.length;
  }
  return { created, updated, deactivated };
}

async function mergeSlice(tx: Tx, importId: string, now: Date, fromSeq: number, toSeq: number) {
  const merged = await tx.execute(sql`
    insert into ${people} (employee_id, first_name, last_name, email, department, site, job_title, manager_employee_id,
      hire_year, experience_band, languages, time_zone, is_active, created_at, updated_at)
    select employee_id, first_name, last_name, email, department, site, job_title, manager_employee_id,
      hire_year, experience_band, languages, time_zone, is_active, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from ${peopleImportRows} where import_id = ${importId}::uuid and seq >= ${fromSeq} and seq < ${toSeq}
    on conflict (employee_id) do update set
      first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email, department = excluded.department,
      site = excluded.site, job_title = excluded.job_title, manager_employee_id = excluded.manager_employee_id,
      hire_year = excluded.hire_year, experience_band = excluded.experience_band, languages = excluded.languages,
      time_zone = excluded.time_zone, is_active = excluded.is_active, updated_at = excluded.updated_at
    where (people.first_name, people.last_name, people.email, people.department, people.site, people.job_title,
        people.manager_employee_id, people.hire_year, people.experience_band, people.languages, people.time_zone, people.is_active)
      is distinct from (excluded.first_name, excluded.last_name, excluded.email, excluded.department, excluded.site, excluded.job_title,
        excluded.manager_employee_id, excluded.hire_year, excluded.experience_band, excluded.languages, excluded.time_zone, excluded.is_active)
    returning (xmax = 0) as inserted`);
  const rows = (merged as unknown as { rows: { inserted: boolean }[] }).rows;
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created };
}

export async function deleteStagedRows(db: Tx, importId: string): Promise<void> {
  await db.delete(peopleImportRows).where(eq(peopleImportRows.importId, importId));
}

/**
 * Imports not applied keep a copy of their file for a day (to apply, or apply again after a
 * failure); then the copy is dropped (the record stays) and a preview still waiting expires.
 */
export async function forgetStalePreviews(db: Tx, olderThan: Date): Promise<void> {
  const isStale = and(isNotNull(peopleImports.file), lt(peopleImports.createdAt, olderThan));
  await db
    .update(peopleImports)
    .set({ file: null, status: "failed", failure: "expired" })
    .where(and(isStale, eq(peopleImports.status, "previewed")));
  await db
    .update(peopleImports)
    .set({ file: null })
    .where(and(isStale, eq(peopleImports.status, "failed")));
}
