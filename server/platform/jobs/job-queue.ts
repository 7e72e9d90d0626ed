/**
 * Background work as jobs (pg-boss 10 in the application's own database, PostgreSQL or PGlite):
 * they survive restarts, are retried with backoff, run once across instances, and those that keep
 * failing stay visible to administrators. A use case enqueues a job inside its own transaction
 * (`enqueue(tx, …)`), so the job exists exactly when the change that asks for it was committed.
 *
 * - `installJobQueue` (at migration) creates pg-boss's tables and Passerelle's queues;
 * - `startJobWorkers` (server start) polls the queues and fires the schedules (cron, Europe/Paris);
 * - `runPendingJobs` does the same synchronously, for tests and the demo seed (no timers, no sleeping).
 */

import { type SQL, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database, SqlExecutor, Tx } from "../../db/client.ts";

/** The schema of pg-boss's own tables (pgboss.job, pgboss.queue, …). */
export const JOBS_SCHEMA = "pgboss";
/** Where jobs that failed every retry are copied (pg-boss's dead-letter queue), for administrators to see. */
export const DEAD_LETTERS = "dead-letters";
export const SCHEDULE_TIME_ZONE = "Europe/Paris";

/** Each queue's payload: jobs are typed end to end. */
export type JobPayloads = {
  "mail-deliver": { messageId: string };
  "mail-digest": Record<string, never>;
  "people-import-apply": { importId: string };
  "invitation-batch": { batchId: string };
  "invitation-reminders": Record<string, never>;
  "proposals-expire": Record<string, never>;
  "intro-reminders": Record<string, never>;
  "session-reminders": Record<string, never>;
  "sessions-weekly-digest": Record<string, never>;
  /** A pair closed: its sessions to come are cancelled, both people told. */
  "pair-sessions-close": { pairId: string };
  "password-reset-request": { email: string };
};
export type JobName = keyof JobPayloads;

type QueueSettings = { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number };
const QUICK: QueueSettings = { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 };
/** A sweep runs again at its next tick anyway: a short retry is enough. */
const SWEEP: QueueSettings = { retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 10 * 60 };

/** Every queue with its retry policy. */
export const QUEUES: Record<JobName, QueueSettings> = {
  "mail-deliver": { ...QUICK, retryLimit: 6, retryDelay: 60 },
  "mail-digest": SWEEP,
  "people-import-apply": { retryLimit: 1, retryDelay: 30, retryBackoff: false, expireInSeconds: 60 * 60 },
  "invitation-batch": { ...QUICK, expireInSeconds: 15 * 60 },
  "invitation-reminders": SWEEP,
  "proposals-expire": SWEEP,
  "intro-reminders": SWEEP,
  "session-reminders": SWEEP,
  "sessions-weekly-digest": SWEEP,
  "pair-sessions-close": QUICK,
  "password-reset-request": QUICK,
};

/** Scheduled jobs (cron in Europe/Paris): one job per tick whatever the number of instances. */
export const SCHEDULES: { name: JobName; cron: string }[] = [
  { name: "proposals-expire", cron: "*/5 * * * *" },
  { name: "intro-reminders", cron: "*/15 * * * *" },
  { name: "session-reminders", cron: "5 * * * *" },
  { name: "sessions-weekly-digest", cron: "0 8 * * 1" },
  { name: "invitation-reminders", cron: "7 * * * *" },
  { name: "mail-digest", cron: "0 8 * * *" },
];

export type JobHandler<N extends JobName> = (
  data: JobPayloads[N],
  job: { id: string; retryCount: number; retryLimit: number },
) => Promise<void>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/** pg-boss's `db` option over drizzle: runs pg-boss's numbered-parameter SQL in a transaction (or the database). */
function drizzleExecutor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await tx.execute(numbered(text, values));
      return { rows: (result as { rows: unknown[] }).rows };
    },
  } as PgBoss.Db;
}

/** `$1…$n` in pg-boss's SQL become drizzle parameters (drizzle numbers them again). */
function numbered(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) chunks.push(sql.raw(part));
    else chunks.push(sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks);
}

/** The boss used only to write jobs through a caller's connection (every call passes its `db`). */
const sender = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error("jobs are enqueued in a transaction")) },
  schema: JOBS_SCHEMA,
});

/**
 * Enqueues a job in the caller's transaction; `startAfter` delays it (a date, or seconds). With
 * `singletonKey` and `singletonSeconds`, at most one job per key is queued in that window (pg-boss's
 * throttling); otherwise handlers make a job idempotent themselves (a claimed row, a status).
 */
export async function enqueue<N extends JobName>(
  tx: Tx,
  name: N,
  data: JobPayloads[N],
  options: { singletonKey?: string; singletonSeconds?: number; startAfter?: Date | number } = {},
): Promise<void> {
  await sender.send(name, data as object, { ...options, db: drizzleExecutor(tx) });
}

/** Enqueues many jobs of one queue in the caller's transaction, a thousand per statement (a cohort's emails). */
export async function enqueueMany<N extends JobName>(tx: Tx, name: N, items: JobPayloads[N][]): Promise<void> {
  const db = drizzleExecutor(tx);
  for (let k = 0; k < items.length; k += 1000) {
    await sender.insert(
      items.slice(k, k + 1000).map((data) => ({ name, data: data as object })),
      { db },
    );
  }
}

function bossOn(executor: SqlExecutor, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  const db: PgBoss.Db = { executeSql: (text, values) => executor(text, values) };
  return new PgBoss({ db, schema: JOBS_SCHEMA, ...options });
}

/** Creates (or upgrades) pg-boss's tables and Passerelle's queues; idempotent, run with the migrations. */
export async function installJobQueue(executor: SqlExecutor): Promise<void> {
  const boss = bossOn(executor, { supervise: false, schedule: false });
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    if (!existing.has(DEAD_LETTERS)) await boss.createQueue(DEAD_LETTERS, { name: DEAD_LETTERS, retentionDays: 30 } as PgBoss.Queue);
    for (const [name, settings] of Object.entries(QUEUES)) {
      const queue = { name, ...settings, deadLetter: DEAD_LETTERS };
      if (existing.has(name)) await boss.updateQueue(name, queue);
      else await boss.createQueue(name, queue);
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

export type JobWorkers = { stop(): Promise<void> };

/** How a queue's jobs are taken: polling loops, jobs per fetch, and whether a fetch's jobs run together. */
type WorkerSettings = { loops: number; batchSize: number; isConcurrent: boolean };
const ONE_AT_A_TIME: WorkerSettings = { loops: 1, batchSize: 1, isConcurrent: false };
/**
 * Emails by ten: pg-boss's fetch reads every waiting job of the queue to pick the oldest, so a cohort's thousands
 * are fetched (and completed) ten at a time. On PostgreSQL two loops run their ten together (a delivery mostly
 * waits for commits and the SMTP server); on the embedded database (one connection) one loop runs them one after
 * the other. `npm run bench:mail` measures it. Other queues: one job at a time.
 */
const WORKER_SETTINGS: Partial<Record<JobName, Record<Database["kind"], WorkerSettings>>> = {
  "mail-deliver": {
    postgres: { loops: 2, batchSize: 10, isConcurrent: true },
    pglite: { loops: 1, batchSize: 10, isConcurrent: false },
  },
};

/**
 * Starts polling every queue that has a handler, and the schedules. On the embedded database (one
 * connection) one job at a time; on PostgreSQL emails several at a time (WORKER_SETTINGS).
 */
export async function startJobWorkers(
  database: Database,
  handlers: JobHandlers,
  options: { onError?: (err: unknown) => void; pollingIntervalSeconds?: number; isScheduling?: boolean } = {},
): Promise<JobWorkers> {
  const boss = bossOn(database.executeSql, {
    supervise: true,
    schedule: options.isScheduling ?? true,
    migrate: false,
  });
  boss.on("error", (err) => options.onError?.(err));
  await boss.start();
  // The embedded database belongs to this one process (its data directory is locked): a job still
  // "active" was being run by this process's previous life, which died. Run it again now rather than
  // after its expiry (handlers are idempotent). On PostgreSQL another instance may be running it.
  if (database.kind === "pglite")
    await database.executeSql(`update ${JOBS_SCHEMA}.job set state = 'retry', start_after = now() where state = 'active'`);
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (const [name, handler] of Object.entries(handlers) as [JobName, JobHandler<JobName>][]) {
    const { loops, batchSize, isConcurrent } = WORKER_SETTINGS[name]?.[database.kind] ?? ONE_AT_A_TIME;
    for (let k = 0; k < loops; k++) {
      let workerId: string | undefined;
      workerId = await boss.work(name, { batchSize, pollingIntervalSeconds, includeMetadata: true }, async (jobs) => {
        // Each job of a batch on its own: one that fails goes back to pg-boss for its retry; pg-boss completes the others.
        const run = (job: (typeof jobs)[number]) =>
          handler(job.data as never, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit }).catch((err: unknown) =>
            boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) }),
          );
        if (isConcurrent) await Promise.all(jobs.map(run));
        else for (const job of jobs) await run(job);
        // pg-boss waits out the polling interval after every fetch: while jobs keep coming, fetch the next at once.
        if (jobs.length && workerId) boss.notifyWorker(workerId);
      });
    }
  }
  if (options.isScheduling ?? true) {
    for (const { name, cron } of SCHEDULES) if (handlers[name]) await boss.schedule(name, cron, {}, { tz: SCHEDULE_TIME_ZONE });
  }
  return {
    async stop() {
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 30_000 });
    },
  };
}

/**
 * Runs every job due now in the given queues, one by one, until none is left (a job a handler
 * enqueues runs too). For tests and the demo seed: deterministic, no polling. Failed jobs go back to
 * pg-boss with their error (retried later, or dead-lettered). Returns how many ran.
 */
export async function runPendingJobs(database: Database, handlers: JobHandlers, options: { maxJobs?: number } = {}): Promise<number> {
  const boss = bossOn(database.executeSql, { supervise: false, schedule: false, migrate: false });
  await boss.start();
  let ran = 0;
  try {
    for (let isIdle = false; !isIdle && ran < (options.maxJobs ?? 100_000); ) {
      isIdle = true;
      for (const [name, handler] of Object.entries(handlers) as [JobName, JobHandler<JobName>][]) {
        const [job] = await boss.fetch(name, { includeMetadata: true });
        if (!job) continue;
        isIdle = false;
        ran += 1;
        try {
          await handler(job.data as never, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
          await boss.complete(name, job.id);
        } catch (err) {
          await boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
        }
      }
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
  return ran;
}

export type FailedJob = { id: string; queue: string; data: unknown; error: string | null; retryCount: number; failedAt: string | null };

/** Jobs that failed every retry (newest first), from pg-boss's tables and its archive. */
export async function listFailedJobs(database: Database, limit = 100): Promise<FailedJob[]> {
  const select = (table: string) =>
    `select id, name, data, output, retry_count, completed_on from ${JOBS_SCHEMA}.${table} where state = 'failed' and name <> '${DEAD_LETTERS}' and name not like '__pgboss%'`;
  const { rows } = await database.executeSql(
    `${select("job")} union all ${select("archive")} order by completed_on desc nulls last limit $1`,
    [limit],
  );
  return (
    rows as {
      id: string;
      name: string;
      data: unknown;
      output: { message?: string } | null;
      retry_count: number;
      completed_on: Date | string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    queue: r.name,
    data: r.data,
    error: r.output?.message ?? null,
    retryCount: r.retry_count,
    failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
  }));
}
