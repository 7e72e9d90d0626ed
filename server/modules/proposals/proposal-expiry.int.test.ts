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
  await daysLater(2);
  const seen = (await (await people.as("sylvie")).get("/api/me/proposals")).json().items.find((p: { id: string }) => p.id === sent.id);
  expect(seen.status).toBe("expired");
  for (const key of ["sylvie", "chloe"])
    expect((await (await people.as(key)).get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "proposal_expired",
      params: { proposalId: sent.id },
    });
  expect((await (await people.as("chloe")).post(`/api/proposals/${sent.id}/accept`, {})).statusCode).toBe(409);
  expect(await expireProposals(ctx)).toEqual({ reminded: 0, expired: 0 });
});
