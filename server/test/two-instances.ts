/**
 * Two app instances on one PostgreSQL database, in one process: each with its own pool, app, clock and job
 * workers (polling every 0.5 s, both firing the schedules), both sending to one SMTP server. For the tests of
 * what must happen once whichever instance runs it (a scheduled sweep's reminder, each queued email). The
 * embedded database has no second instance (its data directory belongs to one process): TEST_DATABASE_URL only.
 */
import type { FastifyInstance } from "fastify";
import PgBoss from "pg-boss";
import { buildApp } from "../app.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { jobHandlers } from "../job-handlers.ts";
import { manualClock } from "../platform/clock/clock.ts";
import { JOBS_SCHEMA, type JobWorkers, startJobWorkers } from "../platform/jobs/job-queue.ts";
import { type MailSettings, mailSettings } from "../platform/mail/index.ts";
import { type SmtpTestServer, startSmtpTestServer } from "./smtp-test-server.ts";
import { createTestApp, type TestContext } from "./test-app.ts";
import { createTestDatabase } from "./test-database.ts";

export type Instance = {
  name: "A" | "B";
  database: Database;
  app: FastifyInstance;
  clock: ReturnType<typeof manualClock>;
  mail: MailSettings;
};

/** How long to wait for the workers: a few polling rounds, pg-boss's 5 s schedule worker, with room for a busy machine. */
export const WAIT = { timeout: 40_000, interval: 100 };

export type TwoInstances = {
  smtp: SmtpTestServer;
  /** Instance A's test context (its database has the url). */
  ctx: TestContext;
  a: Instance;
  b: Instance;
  /** Jobs each instance ran, by queue: both must have taken part. */
  ran: Record<"A" | "B", Record<string, number>>;
  /** What the workers reported failing. */
  errors: unknown[];
  setBothClocks(time: Date): void;
  /** Jobs of these queues not finished yet (waiting, retrying or running). */
  unfinishedJobs(queues: string[]): Promise<number>;
  /** pg-boss's timekeeper at a schedule's tick (pg-boss 10, src/timekeeper.js `cron()`), run by an instance's own pool. */
  fireTick(instance: Instance, queue: string): Promise<void>;
  /** Workers first (a job being run finishes), then the apps, transports and pools: nothing left to keep the file alive. */
  close(): Promise<void>;
};

export async function startTwoInstances(): Promise<TwoInstances> {
  const smtp = await startSmtpTestServer();
  const database = await createTestDatabase();
  if (!database.url) throw new Error("a PostgreSQL test database has a url");
  const ctx = await createTestApp({ database, env: { SMTP_URL: smtp.url } });
  const a: Instance = { name: "A", database, app: ctx.app, clock: ctx.clock, mail: ctx.mail };
  // Instance B: its own pool on the same database, its own app, mail transport and clock (kept at A's time).
  const databaseB = await openDatabase({ kind: "postgres", url: database.url, poolSize: 4 });
  const clockB = manualClock(ctx.clock.now());
  const mailB = mailSettings(ctx.config);
  const appB = await buildApp({ database: databaseB, clock: clockB, config: ctx.config, mail: mailB });
  await appB.ready();
  const b: Instance = { name: "B", database: databaseB, app: appB, clock: clockB, mail: mailB };
  const ran: TwoInstances["ran"] = { A: {}, B: {} };
  const errors: unknown[] = [];
  const workers: JobWorkers[] = [];
  for (const instance of [a, b]) {
    const handlers = jobHandlers({ database: instance.database, clock: instance.clock, config: ctx.config, mail: instance.mail });
    const counted = Object.fromEntries(
      Object.entries(handlers).map(([queue, handler]) => [
        queue,
        async (data: never, job: never) => {
          const count = ran[instance.name];
          count[queue] = (count[queue] ?? 0) + 1;
          await (handler as (d: never, j: never) => Promise<void>)(data, job);
        },
      ]),
    );
    workers.push(
      await startJobWorkers(instance.database, counted, {
        pollingIntervalSeconds: 0.5,
        isScheduling: true,
        onError: (err) => errors.push(err),
      }),
    );
  }
  return {
    smtp,
    ctx,
    a,
    b,
    ran,
    errors,
    setBothClocks(time) {
      for (const instance of [a, b]) instance.clock.set(time);
    },
    async unfinishedJobs(queues) {
      const { rows } = await a.database.executeSql(
        `select count(*)::int as n from ${JOBS_SCHEMA}.job where name = any($1::text[]) and state in ('created', 'retry', 'active')`,
        [queues],
      );
      return (rows[0] as { n: number }).n;
    },
    async fireTick(instance, queue) {
      const boss = new PgBoss({ db: { executeSql: instance.database.executeSql } as PgBoss.Db, schema: JOBS_SCHEMA });
      const { rows } = await instance.database.executeSql(`select name, data, options from ${JOBS_SCHEMA}.schedule where name = $1`, [
        queue,
      ]);
      const schedule = rows[0] as { name: string; data: object | null; options: object };
      await boss.insert([
        {
          name: "__pgboss__send-it",
          data: { name: schedule.name, data: schedule.data, ...schedule.options },
          singletonKey: schedule.name,
          singletonSeconds: 60,
        } as PgBoss.JobInsert,
      ]);
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      await appB.close();
      mailB.transport?.close();
      await databaseB.close();
      await ctx.close();
      await ctx.database.close();
      await smtp.close();
    },
  };
}
