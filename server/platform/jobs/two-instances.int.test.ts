import type { FastifyInstance } from "fastify";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../app.ts";
import { type Database, openDatabase } from "../../db/client.ts";
import { jobHandlers } from "../../job-handlers.ts";
import { insertUser } from "../../modules/accounts/index.ts";
import { notify } from "../../modules/notifications/index.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../test/smtp-test-server.ts";
import { createTestApp, TEST_PASSWORD, TestClient, type TestContext } from "../../test/test-app.ts";
import { createTestDatabase, isPostgresRun } from "../../test/test-database.ts";
import { hashPassword } from "../auth/passwords.ts";
import { manualClock } from "../clock/clock.ts";
import { type MailSettings, mailSettings } from "../mail/index.ts";
import { enqueue, JOBS_SCHEMA, type JobWorkers, startJobWorkers } from "./job-queue.ts";

/**
 * Two app instances on one PostgreSQL database, in one process: each with its own pool, app, clock and job
 * workers (polling every 0.5 s, both firing the schedules), both sending to one SMTP server. What runs on
 * both must happen once: a scheduled sweep's reminder, each queued email. The embedded database has no
 * second instance (its data directory belongs to one process), so this file needs TEST_DATABASE_URL.
 */
type Instance = { name: "A" | "B"; database: Database; app: FastifyInstance; clock: ReturnType<typeof manualClock>; mail: MailSettings };

/** How long to wait for the workers: a few polling rounds, pg-boss's 5 s schedule worker, with room for a busy machine. */
const WAIT = { timeout: 40_000, interval: 100 };
/** The French subject of the intro reminder's email ("Votre café de présentation a eu lieu : …"). */
const REMINDER_SUBJECT = /café de présentation a eu lieu/;

describe.skipIf(!isPostgresRun())(
  "Two instances on one PostgreSQL (skipped without TEST_DATABASE_URL: one embedded database = one process)",
  () => {
    let smtp: SmtpTestServer;
    let ctx: TestContext;
    let a: Instance;
    let b: Instance;
    const workers: JobWorkers[] = [];
    const errors: unknown[] = [];
    /** Jobs each instance ran, by queue: both must have taken part. */
    const ran: Record<"A" | "B", Record<string, number>> = { A: {}, B: {} };

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      const database = await createTestDatabase();
      if (!database.url) throw new Error("a PostgreSQL test database has a url");
      ctx = await createTestApp({ database, env: { SMTP_URL: smtp.url } });
      a = { name: "A", database, app: ctx.app, clock: ctx.clock, mail: ctx.mail };
      // Instance B: its own pool on the same database, its own app, mail transport and clock (kept at A's time).
      const databaseB = await openDatabase({ kind: "postgres", url: database.url, poolSize: 4 });
      const clockB = manualClock(ctx.clock.now());
      const mailB = mailSettings(ctx.config);
      const appB = await buildApp({ database: databaseB, clock: clockB, config: ctx.config, mail: mailB });
      await appB.ready();
      b = { name: "B", database: databaseB, app: appB, clock: clockB, mail: mailB };
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
    });

    afterAll(async () => {
      // Workers first (a job being run finishes), then the apps, transports and pools: nothing left to keep the file alive.
      await Promise.all(workers.map((w) => w.stop()));
      await b?.app.close();
      b?.mail.transport?.close();
      await b?.database.close();
      await ctx?.close();
      await ctx?.database.close();
      await smtp?.close();
    });

    const setBothClocks = (time: Date) => {
      for (const instance of [a, b]) instance.clock.set(time);
    };

    /** Jobs of these queues not finished yet (waiting, retrying or running). */
    const unfinishedJobs = async (queues: string[]) => {
      const { rows } = await a.database.executeSql(
        `select count(*)::int as n from ${JOBS_SCHEMA}.job where name = any($1::text[]) and state in ('created', 'retry', 'active')`,
        [queues],
      );
      return (rows[0] as { n: number }).n;
    };

    /**
     * What pg-boss's timekeeper does at a schedule's tick (pg-boss 10, src/timekeeper.js `cron()`): from the stored
     * schedule, a "send it" job keyed by the queue's name for the current minute, which the instances' schedule
     * workers turn into the job itself. Run by an instance's own pool.
     */
    const fireTick = async (instance: Instance, queue: string) => {
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
    };

    it("Two instances on one PostgreSQL: a scheduled reminder is sent once", { timeout: 120_000 }, async () => {
      const hr = await newManager(ctx);
      const people = await cast(ctx, [
        { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
        { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
      ]);
      const { pairId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" });
      // Within the programme (it starts on 9 March 2026), which an intro coffee must be.
      const at = new Date(ctx.clock.now().getTime() + 8 * 24 * 3600_000);
      const planned = await (await people.as("chloe")).request("PUT", `/api/pairs/${pairId}/intro`, {
        at: at.toISOString(),
        place: "Café du 3e",
      });
      expect(planned.statusCode).toBe(200);
      // The coffee took place an hour and a quarter ago on both instances' clocks; neither person has answered.
      setBothClocks(new Date(at.getTime() + 75 * 60_000));
      // Both instances registered the schedule: one row.
      const { rows: schedules } = await a.database.executeSql(`select name from ${JOBS_SCHEMA}.schedule where name = 'intro-reminders'`);
      expect(schedules).toHaveLength(1);

      // The same tick on both instances, at once: pg-boss's schedule path from each pool, and the sweep's job enqueued
      // by each (two sweeps overlapping, as a retry of a slow sweep would) — whoever runs them.
      await Promise.all(
        [a, b].flatMap((instance) => [
          fireTick(instance, "intro-reminders"),
          instance.database.db.transaction((tx) => enqueue(tx, "intro-reminders", {})),
        ]),
      );
      const { rows: ticks } = await a.database.executeSql(
        `select count(*)::int as n from ${JOBS_SCHEMA}.job where name = '__pgboss__send-it' and singleton_key = 'intro-reminders' group by singleton_on`,
      );
      expect(ticks.map((t) => (t as { n: number }).n)).toSatisfy((counts: number[]) => counts.length > 0 && counts.every((n) => n === 1));

      const emails = people.employeeIds("chloe", "gerard").map((id) => `${id}@exemple.fr`);
      const reminders = (email: string) => smtp.to(email).filter((m) => REMINDER_SUBJECT.test(m.subject));
      await vi.waitFor(() => {
        for (const email of emails) expect(reminders(email).length).toBeGreaterThan(0);
      }, WAIT);
      // Settled: every sweep and every email job has run (the schedule's too), so a late duplicate would be here by now.
      await vi.waitFor(async () => {
        expect(await unfinishedJobs(["__pgboss__send-it", "intro-reminders", "mail-deliver"])).toBe(0);
      }, WAIT);
      expect((ran.A["intro-reminders"] ?? 0) + (ran.B["intro-reminders"] ?? 0)).toBeGreaterThanOrEqual(3);
      for (const email of emails) expect(reminders(email)).toHaveLength(1);

      // The bell, read through instance B: one reminder each.
      for (const key of ["chloe", "gerard"]) {
        const client = new TestClient(b.app);
        await client.login(`${people.employeeIds(key)[0]}@exemple.fr`, TEST_PASSWORD);
        const items = (await client.get("/api/me/notifications")).json().items as { kind: string; params: Record<string, string> }[];
        expect(items.filter((n) => n.kind === "intro_answer_needed")).toEqual([
          expect.objectContaining({ params: expect.objectContaining({ pairId }) }),
        ]);
      }
      expect(errors).toEqual([]);
    });

    it("200 queued emails, both instances' workers running: each is received once and recorded sent, refused ones after their retry", {
      timeout: 120_000,
    }, async () => {
      const passwordHash = await hashPassword(TEST_PASSWORD);
      const now = a.clock.now();
      const users: Awaited<ReturnType<typeof insertUser>>[] = [];
      for (let k = 0; k < 200; k++)
        users.push(
          await insertUser(a.database.db, {
            email: `lot-${k}@acme.test`,
            displayName: `Lot ${k}`,
            passwordHash,
            status: "active",
            locale: k % 2 ? "en" : "fr",
            roles: ["participant"],
            now,
          }),
        );
      const delivered = { A: ran.A["mail-deliver"] ?? 0, B: ran.B["mail-deliver"] ?? 0 };
      // The server turns the first three away: their jobs fail inside a batch whose other emails go out.
      smtp.refuseNext(3, "451 4.3.0 Try again later");
      // Queued as the app does, half by each instance, at the same time.
      await Promise.all(
        [a, b].map((instance, half) =>
          instance.database.db.transaction((tx) =>
            notify(
              tx,
              users.slice(half * 100, half * 100 + 100).map((u) => ({ userId: u.id, kind: "proposal_accepted" as const, link: "/pairs" })),
              instance.clock.now(),
            ),
          ),
        ),
      );
      const addresses = new Set(users.map((u) => u.email));
      const received = () => smtp.received.filter((m) => addresses.has(m.to));
      const statuses = async () => {
        const { rows } = await a.database.executeSql(
          "select status, attempts, count(*)::int as n from mail_messages where to_address = any($1::text[]) group by status, attempts order by status, attempts",
          [[...addresses]],
        );
        return rows;
      };
      await vi.waitFor(async () => {
        expect(received()).toHaveLength(197);
        expect(await statuses()).toEqual([
          { status: "queued", attempts: 1, n: 3 },
          { status: "sent", attempts: 1, n: 197 },
        ]);
      }, WAIT);
      // Their retries are due after pg-boss's delay: released now rather than waited for.
      await a.database.executeSql(
        `update ${JOBS_SCHEMA}.job set start_after = now() - interval '1 second' where name = 'mail-deliver' and state = 'retry'`,
      );
      await vi.waitFor(() => expect(received().length).toBeGreaterThanOrEqual(200), WAIT);
      await vi.waitFor(async () => expect(await unfinishedJobs(["mail-deliver"])).toBe(0), WAIT);

      const perRecipient = new Map<string, number>();
      for (const m of received()) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
      expect(received()).toHaveLength(200);
      expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
      expect(perRecipient.size).toBe(200);
      expect(await statuses()).toEqual([
        { status: "sent", attempts: 1, n: 197 },
        { status: "sent", attempts: 2, n: 3 },
      ]);
      // Every delivery job ran once, on one instance or the other (which one is the queue's business:
      // a fast instance may take them all between two polls of the other).
      const byA = (ran.A["mail-deliver"] ?? 0) - delivered.A;
      const byB = (ran.B["mail-deliver"] ?? 0) - delivered.B;
      expect(byA + byB).toBe(203);
      expect(errors).toEqual([]);
    });
  },
);
