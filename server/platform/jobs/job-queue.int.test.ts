import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Database, openDatabase } from "../../db/client.ts";
import { createTestDatabase, isPostgresRun } from "../../test/test-database.ts";
import { enqueue, listFailedJobs, runPendingJobs, SCHEDULES, startJobWorkers } from "./job-queue.ts";

/** Due now: what pg-boss holds back for a retry delay or a startAfter is released (the database's clock is the real one). */
const releaseDelayedJobs = (database: Database) =>
  database.executeSql("update pgboss.job set start_after = now() - interval '1 second' where state in ('created', 'retry')");

describe("jobs on the application's database", () => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database.close();
  });

  it("exists exactly when the enqueuing transaction commits", async () => {
    await database.db.transaction((tx) => enqueue(tx, "people-import-apply", { importId: "committed" }));
    await database.db
      .transaction(async (tx) => {
        await enqueue(tx, "people-import-apply", { importId: "rolled back" });
        throw new Error("the use case failed");
      })
      .catch(() => {});
    const seen: string[] = [];
    await runPendingJobs(database, { "people-import-apply": async (data) => void seen.push(data.importId) });
    expect(seen).toEqual(["committed"]);
  });

  it("is queued once per key within a throttling window", async () => {
    for (let k = 0; k < 3; k++)
      await database.db.transaction((tx) => enqueue(tx, "invitation-reminders", {}, { singletonKey: "tick", singletonSeconds: 60 }));
    let runs = 0;
    await runPendingJobs(database, { "invitation-reminders": async () => void runs++ });
    expect(runs).toBe(1);
  });

  it("retries a failing job, then keeps it among the failed jobs administrators see", async () => {
    await database.db.transaction((tx) => enqueue(tx, "intro-reminders", {}));
    const attempts: number[] = [];
    const failing = {
      "intro-reminders": async (_: unknown, job: { retryCount: number }) => {
        attempts.push(job.retryCount);
        throw new Error("SMTP server unreachable");
      },
    };
    await runPendingJobs(database, failing);
    expect(await listFailedJobs(database)).toEqual([]); // waiting for its retry, not failed yet
    await releaseDelayedJobs(database);
    await runPendingJobs(database, failing);
    await releaseDelayedJobs(database);
    await runPendingJobs(database, failing);
    expect(attempts).toEqual([0, 1, 2]);
    const [failed] = await listFailedJobs(database);
    expect(failed).toMatchObject({ queue: "intro-reminders", error: "SMTP server unreachable", retryCount: 2 });
  });

  it("registers the schedules in Paris time", async () => {
    const workers = await startJobWorkers(
      database,
      { "proposals-expire": async () => {}, "intro-reminders": async () => {} },
      { pollingIntervalSeconds: 30 },
    );
    try {
      const { rows } = await database.executeSql("select name, cron, timezone from pgboss.schedule order by name");
      expect(rows).toEqual(
        SCHEDULES.filter((s) => s.name === "proposals-expire" || s.name === "intro-reminders")
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((s) => ({ name: s.name, cron: s.cron, timezone: "Europe/Paris" })),
      );
    } finally {
      await workers.stop();
    }
  });
});

describe.skipIf(isPostgresRun())("a delayed job on the embedded database", () => {
  it("survives a restart", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "passerelle-jobs-"));
    try {
      let database = await openDatabase({ kind: "pglite", dataDir });
      await database.migrate();
      await database.db.transaction((tx) =>
        enqueue(tx, "invitation-batch", { batchId: "b1" }, { startAfter: new Date(Date.now() + 3_600_000) }),
      );
      const seen: string[] = [];
      const handlers = { "invitation-batch": async (data: { batchId: string }) => void seen.push(data.batchId) };
      expect(await runPendingJobs(database, handlers)).toBe(0); // not due yet
      await database.close();

      database = await openDatabase({ kind: "pglite", dataDir });
      await database.migrate();
      await releaseDelayedJobs(database); // the hour has passed
      await runPendingJobs(database, handlers);
      expect(seen).toEqual(["b1"]);
      await database.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("runs again at start a job its process was running when it died", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "passerelle-jobs-"));
    try {
      let database = await openDatabase({ kind: "pglite", dataDir });
      await database.migrate();
      await database.db.transaction((tx) => enqueue(tx, "invitation-batch", { batchId: "b2" }));
      // The process takes the job, then dies before finishing it: the job stays "active".
      await database.executeSql("update pgboss.job set state = 'active', started_on = now() where name = 'invitation-batch'");
      await database.close();

      database = await openDatabase({ kind: "pglite", dataDir });
      await database.migrate();
      const seen: string[] = [];
      const workers = await startJobWorkers(
        database,
        { "invitation-batch": async (data) => void seen.push(data.batchId) },
        { pollingIntervalSeconds: 0.5, isScheduling: false },
      );
      try {
        await vi.waitFor(() => expect(seen).toEqual(["b2"]), { timeout: 15_000, interval: 100 });
      } finally {
        await workers.stop();
        await database.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
