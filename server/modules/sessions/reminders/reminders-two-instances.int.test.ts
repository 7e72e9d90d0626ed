import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { enqueue, JOBS_SCHEMA } from "../../../platform/jobs/job-queue.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../../test/programme-builders.ts";
import { givenSession } from "../../../test/session-builders.ts";
import { TEST_PASSWORD, TestClient, type TestContext } from "../../../test/test-app.ts";
import { isPostgresRun } from "../../../test/test-database.ts";
import { type Instance, startTwoInstances, type TwoInstances, WAIT } from "../../../test/two-instances.ts";
import { sessionUid } from "../../calendar/index.ts";

/**
 * The acceptance: with a local SMTP server, a "session tomorrow" reminder reaches each person once,
 * in their language, with two app instances on one PostgreSQL database (each with its own pool, app, clock
 * and job workers polling every 0.5 s, both firing the schedules), as server/platform/jobs/two-instances.int.test.ts
 * does for the intro reminder. The embedded database has no second instance: this file needs TEST_DATABASE_URL.
 */

describe.skipIf(!isPostgresRun())(
  "Session reminders on two instances of one PostgreSQL (skipped without TEST_DATABASE_URL: one embedded database = one process)",
  () => {
    let two: TwoInstances;
    let ctx: TestContext;
    let a: Instance;
    let b: Instance;
    beforeAll(async () => {
      two = await startTwoInstances();
      ({ ctx, a, b } = two);
    });
    afterAll(() => two?.close());

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
          two.fireTick(instance, "session-reminders"),
          instance.database.db.transaction((tx) => enqueue(tx, "session-reminders", {})),
        ]),
      );

      const expected = {
        chloe: "Rappel : votre séance avec Gerard Test a lieu demain, le 12 mars 2026 à 18:30.",
        gerard: "Reminder: your session with Chloe Test is tomorrow, 12 March 2026 at 18:30.",
      };
      const emailOf = (key: string) => `${people.employeeIds(key)[0]}@exemple.fr`;
      const reminders = (key: string) => two.smtp.to(emailOf(key)).filter((m) => /demain|tomorrow/.test(m.subject));
      await vi.waitFor(() => {
        for (const key of ["chloe", "gerard"]) expect(reminders(key).length).toBeGreaterThan(0);
      }, WAIT);
      // Settled: every sweep and every email has run, so a late duplicate would be here by now.
      await vi.waitFor(async () => {
        expect(await two.unfinishedJobs(["__pgboss__send-it", "session-reminders", "mail-deliver"])).toBe(0);
      }, WAIT);
      expect((two.ran.A["session-reminders"] ?? 0) + (two.ran.B["session-reminders"] ?? 0)).toBeGreaterThanOrEqual(3);

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
      expect(two.errors).toEqual([]);
    });
  },
);
