import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cast, menteeProfile, mentorProfile, newManager, programmeIn } from "../../test/programme-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { expireProposals } from "./expire-proposals.ts";

/**
 * The expiry sweep runs over every proposal of the database: this file has a database of its own, so
 * that its counts are this test's alone.
 */
const DAY = 24 * 3600 * 1000;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

it("reminds the mentor two days before a proposal expires, then expires it and tells both", async () => {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "chloe", profile: mentorProfile(["excel"]), withAccount: true },
    { key: "sylvie", profile: menteeProfile(["excel"]), withAccount: true },
  ]);
  const programmeId = await programmeIn(
    hr,
    "enrolment",
    { cast: people, mentors: ["chloe"], mentees: ["sylvie"] },
    { proposalExpiryDays: 7 },
  );
  const sent = (
    await (
      await people.as("sylvie")
    ).post(`/api/programmes/${programmeId}/proposals`, {
      mentorId: people.ids.chloe,
      goals: "Excel",
      offer: "Négociation",
    })
  ).json();
  /** Moves the clock by days; sessions idle that long have expired, so everyone logs in again. */
  const daysLater = async (days: number) => {
    ctx.clock.advance(days * DAY);
    await people.relogin();
  };
  await daysLater(4);
  expect(await expireProposals(ctx)).toEqual({ reminded: 0, expired: 0 });
  await daysLater(1.5);
  expect(await expireProposals(ctx)).toEqual({ reminded: 1, expired: 0 });
  expect(await expireProposals(ctx)).toEqual({ reminded: 0, expired: 0 });
  expect((await (await people.as("chloe")).get("/api/me/notifications")).json().items[0]).toMatchObject({
    kind: "proposal_expiring",
    params: { proposalId: sent.id, expiresAt: sent.expiresAt },
  });
  const mentorsPage = async () => (await (await people.as("sylvie")).get(`/api/programmes/${programmeId}/mentors`)).json();
  expect((await mentorsPage()).myOpenProposals).toBe(1);
  await daysLater(2);
  // Past its date: shown as expired at once, and not to be accepted, though only the sweep closes it (a GET writes nothing).
  const seen = (await (await people.as("sylvie")).get("/api/me/proposals")).json().items.find((p: { id: string }) => p.id === sent.id);
  expect(seen).toMatchObject({ status: "expired", decidedAt: sent.expiresAt });
  const mentors = await mentorsPage();
  expect(mentors.myOpenProposals).toBe(0);
  expect(mentors.items.filter((m: { hasMyOpenProposal: boolean }) => m.hasMyOpenProposal)).toEqual([]);
  const stored = await ctx.database.db.execute(sql`select status from proposals where id = ${sent.id}::uuid`);
  expect((stored as unknown as { rows: { status: string }[] }).rows).toEqual([{ status: "open" }]);
  const tooLate = await (await people.as("chloe")).post(`/api/proposals/${sent.id}/accept`, {});
  expect([tooLate.statusCode, tooLate.json().error.code]).toEqual([409, "PROPOSAL_EXPIRED"]);
  expect((await (await people.as("chloe")).get("/api/me/notifications")).json().items[0].kind).toBe("proposal_expiring");

  expect(await expireProposals(ctx)).toEqual({ reminded: 0, expired: 1 });
  const swept = (await (await people.as("sylvie")).get("/api/me/proposals")).json().items.find((p: { id: string }) => p.id === sent.id);
  expect(swept).toMatchObject({ status: "expired" });
  for (const key of ["sylvie", "chloe"])
    expect((await (await people.as(key)).get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "proposal_expired",
      params: { proposalId: sent.id },
    });
  expect((await (await people.as("chloe")).post(`/api/proposals/${sent.id}/accept`, {})).statusCode).toBe(409);
  expect(await expireProposals(ctx)).toEqual({ reminded: 0, expired: 0 });
});

it("lets a mentee propose again to the same mentor once the first proposal is past its date, before the sweep ran", async () => {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "ines", profile: mentorProfile(["excel"]), withAccount: true },
    { key: "paul", profile: menteeProfile(["excel"]), withAccount: true },
  ]);
  const programmeId = await programmeIn(hr, "enrolment", { cast: people, mentors: ["ines"], mentees: ["paul"] }, { proposalExpiryDays: 3 });
  const propose = async () =>
    (await people.as("paul")).post(`/api/programmes/${programmeId}/proposals`, {
      mentorId: people.ids.ines,
      goals: "Excel",
      offer: "Stratégie",
    });
  const first = (await propose()).json();
  ctx.clock.advance(4 * DAY);
  await people.relogin();
  const again = await propose();
  expect(again.statusCode).toBe(201);
  expect(again.json().id).not.toBe(first.id);
  // The first one was closed as the sweep would have: both people told it expired.
  const mine = (await (await people.as("paul")).get("/api/me/proposals")).json().items;
  expect(mine.find((p: { id: string }) => p.id === first.id)).toMatchObject({ status: "expired" });
  expect((await (await people.as("ines")).get("/api/me/notifications")).json().items.map((n: { kind: string }) => n.kind)).toContain(
    "proposal_expired",
  );
});
