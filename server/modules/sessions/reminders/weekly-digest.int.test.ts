import { afterAll, beforeAll, expect, it } from "vitest";
import { agendaItems } from "../../../db/schema.ts";
import { enqueue } from "../../../platform/jobs/job-queue.ts";
import { cast, menteeProfile, mentorProfile, moveTo, publishedPair, uniqueSuffix } from "../../../test/programme-builders.ts";
import { givenSession } from "../../../test/session-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../../test/test-app.ts";
import { sendWeeklySessionDigests } from "../index.ts";

/** The managers' weekly digest reads every programme of the database: this file has a database of its own. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** A Paris wall-clock time as an instant (summer time, UTC+2). */
const paris = (local: string) => new Date(`${local}+02:00`);

it("tells the managers once per week and programme: sessions held, agendas missing, quiet pairs", async () => {
  ctx.clock.set(paris("2026-08-10T10:00:00"));
  const managerEmail = `rh-${uniqueSuffix()}@exemple.fr`;
  await createUser(ctx, { email: managerEmail, roles: ["manager"] });
  const hr = new TestClient(ctx.app);
  await hr.login(managerEmail);
  const people = await cast(
    ctx,
    ["ana", "bob", "cyd", "dan", "eva", "fox"].map((key, k) => ({
      key,
      profile: k % 2 ? menteeProfile(["dataviz", "excel"]) : mentorProfile(["excel", "dataviz"]),
      withAccount: true,
    })),
  );
  const pairIn = (name: string, mentor: string, mentee: string) =>
    publishedPair(hr, { cast: people, mentor, mentee }, "active", { requiresOnboarding: false, name });
  const busy = await pairIn("Pilote Lyon", "ana", "bob");
  const calm = await pairIn("Pilote Nantes", "cyd", "dan");
  const closed = await pairIn("Pilote Lille", "eva", "fox");
  await moveTo(hr, closed.programmeId, ["closed"]);

  // The digest of Monday 7 September covers 31 August 08:00 – 7 September 08:00.
  const at = (local: string, status: "scheduled" | "held" | "missed" | "cancelled") =>
    givenSession(ctx.database, busy.pairId, { startsAt: paris(local), status });
  const prepared = await at("2026-09-01T18:00:00", "held");
  await ctx.database.db
    .insert(agendaItems)
    .values({ sessionId: prepared, kind: "topic", text: "Power Query", position: 0, createdAt: ctx.clock.now() });
  await at("2026-09-03T12:30:00", "held");
  await at("2026-09-04T12:30:00", "missed");
  await at("2026-09-02T12:30:00", "cancelled");
  await at("2026-08-28T12:30:00", "held");
  await at("2026-09-10T12:30:00", "scheduled");

  const digests = async () => {
    await hr.login(managerEmail);
    const items = (await hr.get("/api/me/notifications")).json().items as { kind: string; params: Record<string, string>; link: string }[];
    return items.filter((n) => n.kind === "managers_weekly_digest").map((n): Record<string, string> => ({ ...n.params, link: n.link }));
  };

  ctx.clock.set(paris("2026-09-07T08:00:00"));
  expect(await sendWeeklySessionDigests(ctx)).toBe(2);
  const firstWeek = [
    { programmeName: "Pilote Lyon", held: "2", agendasMissing: "2", quietPairs: "0", link: `/programmes/${busy.programmeId}` },
    { programmeName: "Pilote Nantes", held: "0", agendasMissing: "0", quietPairs: "1", link: `/programmes/${calm.programmeId}` },
  ];
  const byName = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) =>
    (a?.programmeName ?? "").localeCompare(b?.programmeName ?? "");
  expect((await digests()).sort(byName)).toEqual(firstWeek);
  // Once per week, however often it runs.
  expect(await sendWeeklySessionDigests(ctx)).toBe(0);
  ctx.clock.set(paris("2026-09-13T23:30:00"));
  expect(await sendWeeklySessionDigests(ctx)).toBe(0);
  expect(await digests()).toHaveLength(2);

  // The next Monday, as the scheduled job: the session of 10 September was never marked held and had no agenda.
  ctx.clock.set(paris("2026-09-14T08:00:00"));
  await ctx.database.db.transaction((tx) => enqueue(tx, "sessions-weekly-digest", {}));
  await ctx.runJobs();
  const [nantes, lyon, ...earlier] = await digests();
  expect(earlier.sort(byName)).toEqual(firstWeek);
  expect([lyon, nantes].sort(byName)).toEqual([
    { programmeName: "Pilote Lyon", held: "0", agendasMissing: "1", quietPairs: "0", link: `/programmes/${busy.programmeId}` },
    { programmeName: "Pilote Nantes", held: "0", agendasMissing: "0", quietPairs: "1", link: `/programmes/${calm.programmeId}` },
  ]);
});
