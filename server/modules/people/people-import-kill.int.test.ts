/**
 * SIGKILL during an import apply: after restart the import finishes or shows as failed, and nothing
 * is half-written. The real server runs as a child process (scripts/crash-writes.ts starts it) on a
 * fresh embedded data directory, or on a fresh PostgreSQL database when TEST_DATABASE_URL is set; an
 * administrator applies a big HR file over HTTP, the server is killed while the job stages or merges
 * it, started again on the same data, and the directory is then exactly as before or exactly the file.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { PeopleImport } from "../../../contracts/people.ts";
import {
  ADMIN,
  freePort,
  prepareTarget,
  type ServerProcess,
  serverEnv,
  spawnServer,
  stopServer,
  waitReady,
} from "../../../scripts/crash-writes.ts";
import { openDatabase } from "../../db/client.ts";
import { HttpSession } from "../../test/http-session.ts";
import { isPostgresRun } from "../../test/test-database.ts";
import { generateHrRows, toCsv } from "./hr-file-generator.ts";

/** People in the directory before; people in the big file (those first ones included). */
const BEFORE = 1_000;
const FILE = 20_000;
/** Generous bounds for a loaded machine: each wait ends as soon as what it waits for is seen. */
const WAIT_MS = 45_000;
const POLL_MS = 50;

async function upload(session: HttpSession, rows: number): Promise<PeopleImport> {
  const bytes = Buffer.from(toCsv(generateHrRows(rows)), "utf8");
  const response = await session.send("POST", `/api/people/imports?fileName=rh-${rows}.csv`, bytes, "text/csv");
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return (await response.json()) as PeopleImport;
}

async function apply(session: HttpSession, id: string): Promise<PeopleImport> {
  const response = await session.send("POST", `/api/people/imports/${id}/apply`);
  if (response.status !== 202) throw new Error(`apply: ${response.status} ${await response.text()}`);
  return (await response.json()) as PeopleImport;
}

/** Polls the import until `isSeen` holds; throws with the last view after WAIT_MS. */
async function until(session: HttpSession, id: string, isSeen: (view: PeopleImport) => boolean, what: string): Promise<PeopleImport> {
  const deadline = Date.now() + WAIT_MS;
  let view: PeopleImport | undefined;
  while (Date.now() < deadline) {
    const response = await session.send("GET", `/api/people/imports/${id}`);
    if (response.status !== 200) throw new Error(`GET import: ${response.status} ${await response.text()}`);
    view = (await response.json()) as PeopleImport;
    if (isSeen(view)) return view;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`${what}: not seen after ${WAIT_MS / 1000} s; last seen ${JSON.stringify({ ...view, summary: undefined })}`);
}

/** Rows staged already (the restart must drop them), or the merge begun (it must be rolled back whole). */
const isWorking = ({ progress }: PeopleImport) => (progress?.phase === "staging" && progress.done > 0) || progress?.phase === "merging";

describe("an HR import whose server is killed while applying it", () => {
  it(`finishes or shows as failed after a restart, the directory holding exactly its ${BEFORE} people of before or the file's ${FILE}, no staged rows left (${isPostgresRun() ? "PostgreSQL" : "embedded database"})`, async () => {
    const target = await prepareTarget(isPostgresRun() ? { db: "postgres", postgresUrl: process.env.TEST_DATABASE_URL } : { db: "pglite" });
    let server: ServerProcess | undefined;
    try {
      const { env, baseUrl } = serverEnv(target, await freePort());
      server = spawnServer(env);
      await waitReady(server, baseUrl, "first start");
      const admin = new HttpSession(baseUrl);
      await admin.login(ADMIN.email, ADMIN.password);

      const first = await upload(admin, BEFORE);
      await apply(admin, first.id);
      expect((await until(admin, first.id, (v) => v.status !== "applying", "the first import's end")).status).toBe("applied");

      const big = await upload(admin, FILE);
      expect(big.summary.counts).toMatchObject({ created: FILE - BEFORE, unchanged: BEFORE });
      expect((await apply(admin, big.id)).progress?.phase).toBe("queued");
      const seen = await until(admin, big.id, (v) => v.status !== "applying" || isWorking(v), "the apply with rows staged, or merging");
      expect(seen.status, "the apply ended before the server could be killed").toBe("applying");
      server.child.kill("SIGKILL");
      await server.exited;

      server = spawnServer(env);
      await waitReady(server, baseUrl, `restart after SIGKILL while ${seen.progress?.phase}`);
      const after = new HttpSession(baseUrl);
      await after.login(ADMIN.email, ADMIN.password);
      const outcome = await until(after, big.id, (v) => v.status !== "applying", "the import's outcome after the restart");
      if (outcome.status === "failed") expect(outcome).toMatchObject({ failure: "interrupted", canApply: true, progress: null });
      else expect(outcome).toMatchObject({ status: "applied", summary: { counts: { created: FILE - BEFORE } } });
      await stopServer(server);
      server = undefined;

      // The data itself, the server stopped (the embedded database belongs to one process at a time).
      const database = target.dataDir
        ? await openDatabase({ kind: "pglite", dataDir: target.dataDir })
        : await openDatabase({ kind: "postgres", url: target.databaseUrl as string });
      try {
        const count = async (query: ReturnType<typeof sql>) =>
          Number(((await database.db.execute(query)) as unknown as { rows: { n: number | string }[] }).rows[0]?.n);
        expect(await count(sql`select count(*) as n from people`)).toBe(outcome.status === "applied" ? FILE : BEFORE);
        expect(await count(sql`select count(*) as n from people_import_rows`)).toBe(0);
        expect(await count(sql`select count(*) as n from people_imports where status = 'applying'`)).toBe(0);
      } finally {
        await database.close();
      }
    } finally {
      await stopServer(server);
      await target.cleanup();
    }
  }, 120_000);
});
