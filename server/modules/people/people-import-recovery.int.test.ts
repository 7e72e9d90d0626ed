/**
 * An import whose process died while applying it (SIGKILL, a crash, a power cut) must not stay
 * "applying" for ever: the next start, the next "apply" or its job run again marks it failed with its
 * reason, drops its staged rows, and it can be applied again; an import only queued is left to its
 * job. The process dying is simulated by leaving an import "applying" with rows staged and nobody
 * holding its lock, which is what a dead process leaves (people-import-kill.int.test.ts kills one for real).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueue } from "../../platform/jobs/job-queue.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { applyImportJob } from "./apply-import-job.ts";
import { generateHrRows, toCsv } from "./hr-file-generator.ts";
import { stagingBatches } from "./people-import.check.ts";
import { parseHrFile, validateImport } from "./people-import.domain.ts";
import * as repo from "./people-import.repository.ts";
import { executeApply, recoverInterruptedImports } from "./people-import.service.ts";

let ctx: TestContext;
let hr: TestClient;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.database.db.execute(sql`truncate users, sessions, people, people_imports cascade`);
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"], locale: "en" });
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
});

const deps = () => ({ database: ctx.database, clock: ctx.clock });
const count = async (query: ReturnType<typeof sql>) =>
  Number(((await ctx.database.db.execute(query)) as unknown as { rows: { n: number | string }[] }).rows[0]?.n);
const stagedRows = () => count(sql`select count(*) as n from people_import_rows`);
const peopleCount = () => count(sql`select count(*) as n from people`);

/** A previewed import of `rows` people, then left as a process killed in the middle of staging leaves it. */
async function importKilledWhileStaging(rows: number): Promise<string> {
  const text = toCsv(generateHrRows(rows));
  const preview = await hr.request("POST", "/api/people/imports?fileName=export.csv", Buffer.from(text), {
    headers: { "content-type": "text/csv" },
  });
  expect(preview.statusCode).toBe(201);
  const id = preview.json().id as string;
  const { records } = validateImport(parseHrFile(text), new Map(), { isFullSync: false, currentYear: 2026 });
  const half = Math.floor(records.length / 2);
  expect(await repo.claimImport(ctx.database.db, id, { phase: "staging", done: half, total: records.length })).toBe(true);
  for (const batch of stagingBatches(records.slice(0, half))) await repo.stageRows(ctx.database.db, id, batch);
  return id;
}

async function applyAndWait(id: string) {
  const started = await hr.post(`/api/people/imports/${id}/apply`);
  expect(started.statusCode, started.body).toBe(202);
  await ctx.runJobs();
  return (await hr.get(`/api/people/imports/${id}`)).json();
}

async function preview(rows: number): Promise<string> {
  const response = await hr.request("POST", "/api/people/imports?fileName=export.csv", Buffer.from(toCsv(generateHrRows(rows))), {
    headers: { "content-type": "text/csv" },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

describe("an import interrupted by its process dying", () => {
  it("is marked failed at the next start, its staged rows dropped, and applies whole when asked again", async () => {
    const id = await importKilledWhileStaging(300);
    expect(await stagedRows()).toBe(150);
    // Before recovery it shows as applying, and nothing reached the directory.
    expect((await hr.get(`/api/people/imports/${id}`)).json()).toMatchObject({ status: "applying", progress: { phase: "staging" } });

    expect(await recoverInterruptedImports(deps())).toEqual([id]);
    expect(await stagedRows()).toBe(0);
    expect(await peopleCount()).toBe(0);
    const failed = (await hr.get(`/api/people/imports/${id}`)).json();
    expect(failed).toMatchObject({ status: "failed", failure: "interrupted", canApply: true, progress: null });
    const history = (await hr.get("/api/people/imports")).json().items;
    expect(history[0]).toMatchObject({ id, status: "failed", failure: "interrupted", canApply: true });

    const applied = await applyAndWait(id);
    expect(applied).toMatchObject({ status: "applied", failure: null, canApply: false });
    expect(applied.summary.counts.created).toBe(300);
    expect(await peopleCount()).toBe(300);
    expect(await stagedRows()).toBe(0);
  });

  it("is recovered by the next apply when no restart happened (another instance died)", async () => {
    const id = await importKilledWhileStaging(40);
    const applied = await applyAndWait(id);
    expect(applied.status).toBe("applied");
    expect(await peopleCount()).toBe(40);
    expect(await stagedRows()).toBe(0);
  });

  it("leaves alone an import whose apply is alive (its lock is held)", async () => {
    const id = await importKilledWhileStaging(40);
    const lock = await ctx.database.tryLock(`people-import:${id}`);
    expect(lock).toBeDefined();
    try {
      expect(await recoverInterruptedImports(deps())).toEqual([]);
      expect(await stagedRows()).toBe(20);
      const again = await hr.post(`/api/people/imports/${id}/apply`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("IMPORT_NOT_PENDING");
    } finally {
      await lock?.release();
    }
  });

  it("drops staged rows that belong to no import being applied", async () => {
    const id = await importKilledWhileStaging(40);
    await repo.finishImport(ctx.database.db, id, { status: "previewed" });
    expect(await stagedRows()).toBe(20);
    await recoverInterruptedImports(deps());
    expect(await stagedRows()).toBe(0);
  });

  it("says in the history why an import failed, in the reader's language", async () => {
    const id = await importKilledWhileStaging(10);
    await recoverInterruptedImports(deps());
    const item = (await hr.get("/api/people/imports")).json().items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ failure: "interrupted", summary: { fileName: "export.csv", totalRows: 10 } });
    expect(item.summary.rejected).toBeUndefined();
  });

  it("never merges a partial staging: the directory stays as it was and the import fails", async () => {
    // A full sync merged over half its rows would deactivate the other half of the company.
    const id = await importKilledWhileStaging(40);
    const lock = await ctx.database.tryLock(`people-import:${id}`);
    if (!lock) throw new Error("lock taken");
    const summary = (await hr.get(`/api/people/imports/${id}`)).json().summary;
    await expect(executeApply({ id, isFullSync: true, batches: [], total: 40, summary, lock }, deps())).rejects.toThrow(
      /20 of its 40 rows staged/,
    );
    expect(await peopleCount()).toBe(0);
    expect((await hr.get(`/api/people/imports/${id}`)).json()).toMatchObject({ status: "failed", failure: "error" });
    expect(await stagedRows()).toBe(0);
  });

  it("leaves an import only queued to its job at a restart, and the job applies it", async () => {
    const id = await preview(60);
    expect((await hr.post(`/api/people/imports/${id}/apply`)).statusCode).toBe(202);
    expect(await recoverInterruptedImports(deps())).toEqual([]);
    expect((await hr.get(`/api/people/imports/${id}`)).json()).toMatchObject({ status: "applying", progress: { phase: "queued" } });
    expect(await ctx.runJobs()).toBe(1);
    expect((await hr.get(`/api/people/imports/${id}`)).json().status).toBe("applied");
    expect(await peopleCount()).toBe(60);
  });

  it("does nothing when its job runs again for an import already applied, or failed", async () => {
    const applied = await preview(20);
    await applyAndWait(applied);
    const interrupted = await importKilledWhileStaging(40);
    await recoverInterruptedImports(deps());
    const before = (await hr.get("/api/people/imports")).json().items;
    // pg-boss runs a job again after a failure, or once the expiry of a job whose process died is past.
    await ctx.database.db.transaction(async (tx) => {
      for (const importId of [applied, interrupted]) await enqueue(tx, "people-import-apply", { importId });
    });
    expect(await ctx.runJobs()).toBeGreaterThanOrEqual(2);
    expect((await hr.get("/api/people/imports")).json().items).toEqual(before);
    expect(await peopleCount()).toBe(20);
    expect(await stagedRows()).toBe(0);
  });

  it("fails as interrupted, when its job runs again, an import whose earlier run died with no restart since", async () => {
    const id = await importKilledWhileStaging(40);
    await applyImportJob(id, deps());
    expect((await hr.get(`/api/people/imports/${id}`)).json()).toMatchObject({ status: "failed", failure: "interrupted", canApply: true });
    expect(await stagedRows()).toBe(0);
    expect(await peopleCount()).toBe(0);
  });

  it("is failed as an error, its lock released, when its job cannot apply it", async () => {
    const id = await preview(30);
    expect((await hr.post(`/api/people/imports/${id}/apply`)).statusCode).toBe(202);
    // The kept file damaged after the preview: gzip's magic bytes, then nothing gunzip can read.
    await ctx.database.db.execute(sql`update people_imports set file = decode('1f8b0000', 'hex') where id = ${id}::uuid`);
    await expect(applyImportJob(id, deps())).rejects.toThrow();
    expect((await hr.get(`/api/people/imports/${id}`)).json()).toMatchObject({ status: "failed", failure: "error", progress: null });
    expect(await peopleCount()).toBe(0);
    expect(await stagedRows()).toBe(0);
    const lock = await ctx.database.tryLock(`people-import:${id}`);
    expect(lock).toBeDefined();
    await lock?.release();
  });
});
