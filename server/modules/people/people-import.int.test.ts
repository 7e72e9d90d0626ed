import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ImportProgress } from "../../../contracts/people.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { applyImportJob } from "./apply-import-job.ts";
import { generateHrRows, toCsv } from "./hr-file-generator.ts";
import { previewImport, requestApply } from "./people-import.service.ts";

let ctx: TestContext;
let hr: TestClient;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.database.db.execute(sql`truncate users, sessions, people, people_imports cascade`);
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"] });
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
});

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const upload = (client: TestClient, bytes: Buffer, query = "fileName=export.csv") =>
  client.request("POST", `/api/people/imports?${query}`, bytes, { headers: { "content-type": "text/csv" } });
const directory = async () =>
  (await ctx.database.db.execute(
    sql`select employee_id, first_name, last_name, email, job_title, is_active from people order by employee_id`,
  )) as unknown as {
    rows: Record<string, unknown>[];
  };

/** "Apply" over HTTP (answered at once, the import queued), then its job, as a worker would run it. */
async function applyAndWait(id: string) {
  const started = await hr.post(`/api/people/imports/${id}/apply`);
  expect(started.statusCode).toBe(202);
  expect(started.json()).toMatchObject({ status: "applying", progress: { phase: "queued", done: 0 }, canApply: false });
  expect(await ctx.runJobs()).toBeGreaterThanOrEqual(1);
  return (await hr.get(`/api/people/imports/${id}`)).json();
}

/** The use cases without HTTP: claim, then the job's work in this process (with its progress). */
async function applyImport(
  id: string,
  deps: { database: TestContext["database"]; clock: TestContext["clock"] },
  onProgress?: (p: ImportProgress) => void,
) {
  await requestApply(id, deps);
  await applyImportJob(id, deps, onProgress);
  return (await hr.get(`/api/people/imports/${id}`)).json();
}

describe("importing people from the HR system", () => {
  it("previews a 1,000-row file with ';', a BOM and accented names, and the same file in Windows-1252 identically", async () => {
    const text = toCsv(generateHrRows(1000));
    expect(text).toMatch(/Lœuillet/);
    expect(text).toMatch(/François/);
    const utf8 = await upload(hr, Buffer.concat([BOM, Buffer.from(text, "utf8")]));
    expect(utf8.statusCode).toBe(201);
    const summary = utf8.json().summary;
    expect(summary).toMatchObject({
      totalRows: 1000,
      counts: { created: 1000, updated: 0, unchanged: 0, deactivated: 0 },
      rejectedCount: 0,
      rejected: [],
    });

    const cp1252 = await upload(hr, iconv.encode(text, "win1252"), "fileName=export-windows.csv");
    expect({ ...cp1252.json().summary, fileName: "" }).toEqual({ ...summary, fileName: "" });
    expect((await directory()).rows).toHaveLength(0);

    const applied = await applyAndWait(utf8.json().id);
    expect(applied).toMatchObject({ status: "applied", summary: { counts: { created: 1000, updated: 0, unchanged: 0 } } });
    const rows = (await directory()).rows;
    expect(rows).toHaveLength(1000);
    expect(rows.some((r) => r.last_name === "Lœuillet" && r.first_name === "François")).toBe(true);
  });

  it("refuses a file with three bad rows as a whole, naming them; applies it once fixed; the second import changes nothing", async () => {
    const rows = generateHrRows(50);
    const bad = rows.map((r) => [...r]);
    (bad[9] as string[])[3] = "jean.dupont@@exemple";
    (bad[19] as string[])[7] = "M999999";
    bad.splice(30, 0, [...(bad[4] as string[])]);
    (bad[30] as string[])[3] = "autre.adresse@exemple.fr";

    const refused = await upload(hr, Buffer.from(toCsv(bad)));
    expect(refused.json().summary.rejected).toEqual([
      { line: 11, column: "Email", code: "invalidEmail", reason: "Adresse e-mail invalide : « jean.dupont@@exemple »." },
      {
        line: 21,
        column: "Matricule manager",
        code: "unknownManager",
        reason: "Responsable hiérarchique inconnu : aucun matricule M999999 dans le fichier ni dans l’annuaire.",
      },
      { line: 32, column: "Matricule", code: "duplicateId", reason: "Matricule en double : M000005 figure déjà ligne 6." },
    ]);
    const apply = await hr.post(`/api/people/imports/${refused.json().id}/apply`);
    expect(apply.statusCode).toBe(409);
    expect(apply.json().error.code).toBe("IMPORT_REJECTED");
    expect((await directory()).rows).toHaveLength(0);

    const fixed = await upload(hr, Buffer.from(toCsv(rows)));
    expect(fixed.json().summary.rejectedCount).toBe(0);
    expect((await applyAndWait(fixed.json().id)).summary.counts).toEqual({ created: 50, updated: 0, unchanged: 0, deactivated: 0 });

    const again = await upload(hr, Buffer.from(toCsv(rows)));
    expect(again.json().summary.counts).toEqual({ created: 0, updated: 0, unchanged: 50, deactivated: 0 });
    const before = (await directory()).rows;
    expect((await applyAndWait(again.json().id)).summary.counts).toEqual({ created: 0, updated: 0, unchanged: 50, deactivated: 0 });
    expect((await directory()).rows).toEqual(before);
  });

  it("updates changed people and, with full sync, deactivates those missing from the file", async () => {
    const deps = { database: ctx.database, clock: ctx.clock };
    const first = await previewImport({ fileName: "a.csv", bytes: Buffer.from(toCsv(generateHrRows(20))), isFullSync: false }, null, deps);
    await applyImport(first.id, deps);
    const nextMonth = generateHrRows(20, 1).slice(0, 18);
    const second = await previewImport({ fileName: "b.csv", bytes: Buffer.from(toCsv(nextMonth)), isFullSync: true }, null, deps);
    expect(second.summary.counts).toEqual({ created: 0, updated: 18, unchanged: 0, deactivated: 2 });
    const progress: string[] = [];
    const applied = await applyImport(second.id, deps, (p) => progress.push(p.phase));
    expect(applied.summary.counts).toEqual({ created: 0, updated: 18, unchanged: 0, deactivated: 2 });
    expect([...new Set(progress)]).toEqual(["staging", "merging", "done"]);
    expect((await hr.get(`/api/people/imports/${second.id}`)).json()).toMatchObject({ status: "applied", progress: null });
    const rows = (await directory()).rows;
    expect(rows.filter((r) => !r.is_active).map((r) => r.employee_id)).toEqual(["M000019", "M000020"]);
  });

  it("forgets a preview left a day without being applied", async () => {
    const stale = await upload(hr, Buffer.from(toCsv(generateHrRows(5))));
    ctx.clock.advance(25 * 3_600_000);
    hr = new TestClient(ctx.app);
    await hr.login("rh@exemple.fr");
    await upload(hr, Buffer.from(toCsv(generateHrRows(5))));
    const apply = await hr.post(`/api/people/imports/${stale.json().id}/apply`);
    expect(apply.statusCode).toBe(409);
    expect(apply.json().error.code).toBe("IMPORT_NOT_PENDING");
  });

  it("answers the apply at once with the import queued, changes the directory only when its job runs, and shows the progress from the row", async () => {
    const view = await upload(hr, Buffer.from(toCsv(generateHrRows(30))));
    const id = view.json().id as string;
    const started = await hr.post(`/api/people/imports/${id}/apply`);
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ id, status: "applying", progress: { phase: "queued", done: 0, total: 30 } });
    expect((await directory()).rows).toHaveLength(0);
    // Queued: a second "apply" is refused, and the history shows it applying.
    const again = await hr.post(`/api/people/imports/${id}/apply`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, "IMPORT_NOT_PENDING"]);
    expect((await hr.get(`/api/people/imports/${id}`)).json()).toMatchObject({ status: "applying", progress: { phase: "queued" } });
    await ctx.runJobs();
    expect((await hr.get(`/api/people/imports/${id}`)).json()).toMatchObject({ status: "applied", progress: null, canApply: false });
    expect((await directory()).rows).toHaveLength(30);
  });

  it("refuses at once to apply an unknown import (404)", async () => {
    const response = await hr.post("/api/people/imports/00000000-0000-4000-8000-000000000000/apply");
    expect([response.statusCode, response.json().error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("sends the import back to its preview, with the rows refused now, when the directory changed since the preview", async () => {
    const deps = { database: ctx.database, clock: ctx.clock };
    // The second file's two people report to M000001, who is only in the directory, and leaves it before the job runs.
    const rows = generateHrRows(3);
    const first = await previewImport({ fileName: "a.csv", bytes: Buffer.from(toCsv(rows.slice(0, 1))), isFullSync: false }, null, deps);
    await applyImport(first.id, deps);
    const second = await upload(hr, Buffer.from(toCsv(rows.slice(1))));
    expect(second.json().summary.rejectedCount).toBe(0);
    expect((await hr.post(`/api/people/imports/${second.json().id}/apply`)).statusCode).toBe(202);
    await ctx.database.db.execute(sql`delete from people`);
    await ctx.runJobs();
    const back = (await hr.get(`/api/people/imports/${second.json().id}`)).json();
    expect(back).toMatchObject({ status: "previewed", progress: null, canApply: true, summary: { rejectedCount: 2 } });
    expect((await directory()).rows).toHaveLength(0);
  });

  it("applies an import only once", async () => {
    const view = await upload(hr, Buffer.from(toCsv(generateHrRows(5))));
    await applyAndWait(view.json().id);
    const again = await hr.post(`/api/people/imports/${view.json().id}/apply`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("IMPORT_NOT_PENDING");
  });

  it("explains an unusable file in the reader's language and never stores a date of birth", async () => {
    const missing = await upload(new TestClient(ctx.app, "en"), Buffer.from("Matricule;Nom\nE1;Dupont\n"));
    expect(missing.statusCode).toBe(401);
    await createUser(ctx, { email: "hr@example.com", roles: ["manager"], locale: "en" });
    const english = new TestClient(ctx.app);
    await english.login("hr@example.com");
    const response = await upload(english, Buffer.from("Matricule;Nom\nE1;Dupont\n"));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe("Required column missing: prenom / first_name.");

    const withBirth = await upload(
      hr,
      Buffer.from("Matricule;Nom;Prénom;Email;Date de naissance\nE1;Dupont;Léa;lea@exemple.fr;02/03/1970\n"),
    );
    expect(withBirth.json().summary.sensitiveColumns).toEqual(["Date de naissance"]);
    await applyAndWait(withBirth.json().id);
    const stored = JSON.stringify((await ctx.database.db.execute(sql`select * from people`)) as unknown);
    expect(stored).not.toContain("1970");
  });

  it("is for HR managers and admins only", async () => {
    await createUser(ctx, { email: "p@exemple.fr", roles: ["participant"] });
    const participant = new TestClient(ctx.app);
    await participant.login("p@exemple.fr");
    expect((await upload(participant, Buffer.from(toCsv(generateHrRows(3))))).statusCode).toBe(403);
    const view = await upload(hr, Buffer.from(toCsv(generateHrRows(3))));
    expect((await participant.get(`/api/people/imports/${view.json().id}`)).statusCode).toBe(403);
    expect((await participant.post(`/api/people/imports/${view.json().id}/apply`)).statusCode).toBe(403);
  });

  it("applies a file that swaps two people's emails and moves a third one's", async () => {
    const deps = { database: ctx.database, clock: ctx.clock };
    const rows = generateHrRows(5);
    const first = await previewImport({ fileName: "a.csv", bytes: Buffer.from(toCsv(rows)), isFullSync: false }, null, deps);
    await applyImport(first.id, deps);
    const emailOf = (row: string[] | undefined) => (row as string[])[3] as string;
    const [a, b, c] = [rows[0], rows[1], rows[2]].map(emailOf) as [string, string, string];
    const moved = rows.map((row) => [...row]);
    (moved[0] as string[])[3] = b; // a and b swap
    (moved[1] as string[])[3] = a;
    (moved[2] as string[])[3] = `nouvelle.${c}`; // c leaves its address…
    (moved[3] as string[])[3] = c; // …which the fourth person takes
    const second = await previewImport({ fileName: "b.csv", bytes: Buffer.from(toCsv(moved)), isFullSync: false }, null, deps);
    expect(second.summary.rejectedCount).toBe(0);
    const applied = await applyImport(second.id, deps);
    expect(applied.summary.counts).toMatchObject({ created: 0, updated: 4, unchanged: 1 });
    const emails = (await directory()).rows.map((r) => r.email);
    expect(emails.slice(0, 4)).toEqual([b, a, `nouvelle.${c}`, c]);
  });
});
