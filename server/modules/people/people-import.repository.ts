import { and, eq, lt, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { people, peopleImportRows, peopleImports } from "../../db/schema.ts";
import type { ImportCounts, PersonRecord, Snapshot } from "./people-import.domain.ts";

export type ImportRow = typeof peopleImports.$inferSelect;

/** The whole directory as the import compares it (100,000 people fit easily in memory). */
export async function loadSnapshot(db: Tx): Promise<Snapshot> {
  const rows = await db
    .select({
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
    })
    .from(people);
  return new Map(rows.map((row) => [row.employeeId, row]));
}

export async function insertImport(db: Tx, values: typeof peopleImports.$inferInsert): Promise<ImportRow> {
  const [row] = await db.insert(peopleImports).values(values).returning();
  if (!row) throw new Error("insert into people_imports returned nothing");
  return row;
}

export async function findImport(db: Tx, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(peopleImports).where(eq(peopleImports.id, id));
  return row;
}

/** Moves a previewed import to "applying"; false when it was not previewed (already applied, or applying elsewhere). */
export async function claimImport(db: Tx, id: string): Promise<boolean> {
  const rows = await db
    .update(peopleImports)
    .set({ status: "applying" })
    .where(and(eq(peopleImports.id, id), eq(peopleImports.status, "previewed")))
    .returning({ id: peopleImports.id });
  return rows.length === 1;
}

export async function finishImport(
  db: Tx,
  id: string,
  values: { status: "applied" | "failed" | "previewed"; summary?: unknown; appliedAt?: Date },
) {
  await db
    .update(peopleImports)
    .set({ ...values, ...(values.status === "applied" ? { content: null } : {}) })
    .where(eq(peopleImports.id, id));
}

/** Stages one batch in a single statement: the rows travel as one JSON parameter (no parameter-count limit). */
export async function stageRows(db: Tx, importId: string, records: PersonRecord[]): Promise<void> {
  const json = JSON.stringify(records.map((r) => ({ ...r, languages: r.languages.join(",") })));
  await db.execute(sql`
    insert into ${peopleImportRows} (import_id, employee_id, first_name, last_name, email, department, site, job_title,
      manager_employee_id, hire_year, experience_band, languages, time_zone, is_active)
    select ${importId}::uuid, x."employeeId", x."firstName", x."lastName", x.email, x.department, x.site, x."jobTitle",
      x."managerEmployeeId", x."hireYear", x."experienceBand", string_to_array(x.languages, ','), x."timeZone", x."isActive"
    from json_to_recordset(${json}::json) as x("employeeId" text, "firstName" text, "lastName" text, email text, department text,
      site text, "jobTitle" text, "managerEmployeeId" text, "hireYear" integer, "experienceBand" text, languages text, "timeZone" text,
      "isActive" boolean)`);
}

/**
 * Merges the staged rows into the directory in one statement (new people inserted, changed ones
 * updated, identical ones untouched), then with full sync deactivates the people absent from the
 * file. Returns what actually changed. Run inside the caller's transaction.
 */
export async function mergeStagedRows(tx: Tx, importId: string, now: Date, isFullSync: boolean): Promise<Omit<ImportCounts, "unchanged">> {
  const merged = await tx.execute(sql`
    insert into ${people} (employee_id, first_name, last_name, email, department, site, job_title, manager_employee_id,
      hire_year, experience_band, languages, time_zone, is_active, created_at, updated_at)
    select employee_id, first_name, last_name, email, department, site, job_title, manager_employee_id,
      hire_year, experience_band, languages, time_zone, is_active, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from ${peopleImportRows} where import_id = ${importId}::uuid
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
  let deactivated = 0;
  if (isFullSync) {
    const result = await tx.execute(sql`
      update ${people} set is_active = false, updated_at = ${now.toISOString()}::timestamptz
      where is_active and not exists (select 1 from ${peopleImportRows} r where r.import_id = ${importId}::uuid and r.employee_id = people.employee_id)
      returning employee_id`);
    deactivated = (result as unknown as { rows: unknown[] }).rows.length;
  }
  return { created, updated: rows.length - created, deactivated };
}

export async function deleteStagedRows(db: Tx, importId: string): Promise<void> {
  await db.delete(peopleImportRows).where(eq(peopleImportRows.importId, importId));
}

/** Previews never applied keep a copy of their file: drop those copies after a day (the record stays). */
export async function forgetStalePreviews(db: Tx, olderThan: Date): Promise<void> {
  await db
    .update(peopleImports)
    .set({ content: null, status: "failed" })
    .where(and(eq(peopleImports.status, "previewed"), lt(peopleImports.createdAt, olderThan)));
}
