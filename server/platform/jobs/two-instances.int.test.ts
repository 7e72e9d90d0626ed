import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertUser } from "../../modules/accounts/index.ts";
import { notify } from "../../modules/notifications/index.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { TEST_PASSWORD, TestClient, type TestContext } from "../../test/test-app.ts";
import { isPostgresRun } from "../../test/test-database.ts";
import { type Instance, startTwoInstances, type TwoInstances, WAIT } from "../../test/two-instances.ts";
import { hashPassword } from "../auth/passwords.ts";
import { enqueue, JOBS_SCHEMA } from "./job-queue.ts";

/**
 * Two app instances on one PostgreSQL database, in one process: each with its own pool, app, clock and job
 * workers (polling every 0.5 s, both firing the schedules), both sending to one SMTP server. What runs on
 * both must happen once: a scheduled sweep's reminder, each queued email. The embedded database has no
 * second instance (its data directory belongs to one process), so this file needs TEST_DATABASE_URL.
 */

/** The French subject of the intro reminder's email ("Votre café de présentation a eu lieu : …"). */
const REMINDER_SUBJECT = /café de présentation a eu lieu/;

describe.skipIf(!isPostgresRun())(
  "Two instances on one PostgreSQL (skipped without TEST_DATABASE_URL: one embedded database = one process)",
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
      two.setBothClocks(new Date(at.getTime() + 75 * 60_000));
      // Both instances registered the schedule: one row.
      const { rows: schedules } = await a.database.executeSql(`select name from ${JOBS_SCHEMA}.schedule where name = 'intro-reminders'`);
      expect(schedules).toHaveLength(1);

      // The same tick on both instances, at once: pg-boss's schedule path from each pool, and the sweep's job enqueued
      // by each (two sweeps overlapping, as a retry of a slow sweep would) — whoever runs them.
      await Promise.all(
        [a, b].flatMap((instance) => [
          two.fireTick(instance, "intro-reminders"),
          instance.database.db.transaction((tx) => enqueue(tx, "intro-reminders", {})),
        ]),
      );
      const { rows: ticks } = await a.database.executeSql(
        `select count(*)::int as n from ${JOBS_SCHEMA}.job where name = '__pgboss__send-it' and singleton_key = 'intro-reminders' group by singleton_on`,
      );
      expect(ticks.map((t) => (t as { n: number }).n)).toSatisfy((counts: number[]) => counts.length > 0 && counts.every((n) => n === 1));

      const emails = people.employeeIds("chloe", "gerard").map((id) => `${id}@exemple.fr`);
      const reminders = (email: string) => two.smtp.to(email).filter((m) => REMINDER_SUBJECT.test(m.subject));
      await vi.waitFor(() => {
        for (const email of emails) expect(reminders(email).length).toBeGreaterThan(0);
      }, WAIT);
      // Settled: every sweep and every email job has run (the schedule's too), so a late duplicate would be here by now.
      await vi.waitFor(async () => {
        expect(await two.unfinishedJobs(["__pgboss__send-it", "intro-reminders", "mail-deliver"])).toBe(0);
      }, WAIT);
      expect((two.ran.A["intro-reminders"] ?? 0) + (two.ran.B["intro-reminders"] ?? 0)).toBeGreaterThanOrEqual(3);
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
      expect(two.errors).toEqual([]);
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
      const delivered = { A: two.ran.A["mail-deliver"] ?? 0, B: two.ran.B["mail-deliver"] ?? 0 };
      // The server turns the first three away: their jobs fail inside a batch whose other emails go out.
      two.smtp.refuseNext(3, "451 4.3.0 Try again later");
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
      const received = () => two.smtp.received.filter((m) => addresses.has(m.to));
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
      await vi.waitFor(async () => expect(await two.unfinishedJobs(["mail-deliver"])).toBe(0), WAIT);

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
      const byA = (two.ran.A["mail-deliver"] ?? 0) - delivered.A;
      const byB = (two.ran.B["mail-deliver"] ?? 0) - delivered.B;
      expect(byA + byB).toBe(203);
      expect(two.errors).toEqual([]);
    });
  },
);
