import type { FastifyInstance } from "fastify";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../../app.ts";
import { type Database, openDatabase } from "../../../db/client.ts";
import { jobHandlers } from "../../../job-handlers.ts";
import { manualClock } from "../../../platform/clock/clock.ts";
import { enqueue, JOBS_SCHEMA, type JobWorkers, startJobWorkers } from "../../../platform/jobs/job-queue.ts";
import { type MailSettings, mailSettings } from "../../../platform/mail/index.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../../test/programme-builders.ts";
import { givenSession } from "../../../test/session-builders.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../../test/smtp-test-server.ts";
import { createTestApp, TEST_PASSWORD, TestClient, type TestContext } from "../../../test/test-app.ts";
import { createTestDatabase, isPostgresRun } from "../../../test/test-database.ts";
import { sessionUid } from "../../calendar/index.ts";

/**
 * The acceptance: with a local SMTP server, a "session tomorrow" reminder reaches each person once,
 * in their language, with two app instances on one PostgreSQL database (each with its own pool, app, clock
 * and job workers polling every 0.5 s, both firing the schedules), as server/platform/jobs/two-instances.int.test.ts
 * does for the intro reminder. The embedded database has no second instance: this file needs TEST_DATABASE_URL.
 */
type Instance = { name: "A" | "B"; database: Database; app: FastifyInstance; clock: ReturnType<typeof manualClock>; mail: MailSettings };

/** How long to wait for the workers: a few polling rounds, pg-boss's 5 s schedule worker, with room for a busy machine. */
const WAIT = { timeout: 40_000, interval: 100 };

describe.skipIf(!isPostgresRun())(
  "Session reminders on two instances of one PostgreSQL (skipped without TEST_DATABASE_URL: one embedded database = one process)",
  () => {
    let smtp: SmtpTestServer;
    let ctx: TestContext;
    let a: Instance;
    let b: Instance;
    const workers: JobWorkers[] = [];
    const errors: unknown[] = [];
    /** Sweeps each instance ran: both must have taken part. */
    const ran: Record<"A" | "B", Record<string, number>> = { A: {}, B: {} };

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      const database = await createTestDatabase();
      if (!database.url) throw new Error("a PostgreSQL test database has a url");
      ctx = await createTestApp({ database, env: { SMTP_URL: smtp.url } });
      a = { name: "A", database, app: ctx.app, clock: ctx.clock, mail: ctx.mail };
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
      await Promise.all(workers.map((w) => w.stop()));
      await b?.app.close();
      b?.mail.transport?.close();
      await b?.database.close();
      await ctx?.close();
      await ctx?.database.close();
      await smtp?.close();
    });

    /** Jobs of these queues not finished yet (waiting, retrying or running). */
    const unfinishedJobs = async (queues: string[]) => {
      const { rows } = await a.database.executeSql(
        `select count(*)::int as n from ${JOBS_SCHEMA}.job where name = any($1::text[]) and state in ('created', 'retry', 'active')`,
        [queues],
      );
      return (rows[0] as { n: number }).n;
    };

    /** pg-boss's timekeeper at a schedule's tick (pg-boss 10, src/timekeeper.js `cron()`), run by an instance's own pool. */
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

    it("a session tomorrow: each person gets one email, in their language, with the invitation", { timeout: 180_000 }, async () => {
      const hr = await newManager(ctx);
      const people = await cast(ctx, [
        { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
        { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
      ]);
      const { pairId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" }, "active", {
        requiresOnboarding: false,
      });
      expect((await (await people.as("gerard")).patch("/api/me", { locale: "en" })).statusCode).toBe(200);
      // Wednesday 11 March 2026, 10:00 in Paris on both instances; the session is on Thursday at 18:30.
      for (const instance of [a, b]) instance.clock.set(new Date("2026-03-11T09:00:00Z"));
      const sessionId = await givenSession(ctx.database, pairId, { startsAt: new Date("2026-03-12T17:30:00Z"), agendaDeadlineHours: 0 });
      const { rows: schedules } = await a.database.executeSql(`select name from ${JOBS_SCHEMA}.schedule where name = 'session-reminders'`);
      expect(schedules).toHaveLength(1);

      // The same tick on both instances at once, and a sweep enqueued by each (overlapping sweeps, as a slow one's retry).
      await Promise.all(
        [a, b].flatMap((instance) => [
          fireTick(instance, "session-reminders"),
          instance.database.db.transaction((tx) => enqueue(tx, "session-reminders", {})),
        ]),
      );

      const expected = {
        chloe: "Rappel : votre séance avec Gerard Test a lieu demain, le 12 mars 2026 à 18:30.",
        gerard: "Reminder: your session with Chloe Test is tomorrow, 12 March 2026 at 18:30.",
      };
      const emailOf = (key: string) => `${people.employeeIds(key)[0]}@exemple.fr`;
      const reminders = (key: string) => smtp.to(emailOf(key)).filter((m) => /demain|tomorrow/.test(m.subject));
      await vi.waitFor(() => {
        for (const key of ["chloe", "gerard"]) expect(reminders(key).length).toBeGreaterThan(0);
      }, WAIT);
      // Settled: every sweep and every email has run, so a late duplicate would be here by now.
      await vi.waitFor(async () => {
        expect(await unfinishedJobs(["__pgboss__send-it", "session-reminders", "mail-deliver"])).toBe(0);
      }, WAIT);
      expect((ran.A["session-reminders"] ?? 0) + (ran.B["session-reminders"] ?? 0)).toBeGreaterThanOrEqual(3);

      for (const key of ["chloe", "gerard"] as const) {
        const [mail, ...more] = reminders(key);
        expect(more).toEqual([]);
        expect(mail?.subject).toBe(expected[key]);
        const ics = mail?.parsed.attachments
          .find((part) => part.contentType === "text/calendar")
          ?.content.toString()
          .replace(/\r\n /g, "");
        expect(ics).toContain("METHOD:REQUEST");
        expect(ics).toContain(`UID:${sessionUid(sessionId)}`);
        expect(ics).toContain("DTSTART;TZID=Europe/Paris:20260312T183000");
      }

      // The bell, read through instance B: one reminder each.
      for (const key of ["chloe", "gerard"]) {
        const client = new TestClient(b.app);
        await client.login(emailOf(key), TEST_PASSWORD);
        const items = (await client.get("/api/me/notifications")).json().items as { kind: string }[];
        expect(items.filter((n) => n.kind === "session_tomorrow")).toHaveLength(1);
      }
      expect(errors).toEqual([]);
    });
  },
);
