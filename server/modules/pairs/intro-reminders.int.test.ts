import { afterAll, beforeAll, expect, it } from "vitest";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { remindIntroAnswers } from "./remind-intro-answers.ts";

/**
 * The reminder sweep runs over every pair of the database: this file has a database of its own, so that
 * its counts are this test's alone.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

it("asks whoever has not answered, once, an hour after the intro meeting's start (moving it re-arms the reminder)", async () => {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
  ]);
  const { pairId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" });
  // Within the programme (it starts on 9 March 2026), which an intro coffee must be.
  const at = new Date(ctx.clock.now().getTime() + 8 * 24 * 3600_000);
  const schedule = async (when: Date) =>
    expect(
      (await (await people.as("chloe")).request("PUT", `/api/pairs/${pairId}/intro`, { at: when.toISOString(), place: "Café du 3e" }))
        .statusCode,
    ).toBe(200);
  await schedule(at);
  expect((await (await people.as("gerard")).post(`/api/pairs/${pairId}/intro-answer`, { isFit: true })).statusCode).toBe(200);
  const kindsOf = async (key: string) =>
    ((await (await people.as(key)).get("/api/me/notifications")).json().items as { kind: string }[]).map((n) => n.kind);
  // No notice to the partner right after a "yes": it would tell them the answer.
  expect(await kindsOf("chloe")).not.toContain("intro_answer_needed");
  expect(await remindIntroAnswers(ctx)).toBe(0);
  const moveTo = async (time: Date) => {
    ctx.clock.set(time);
    // Sessions idle that long have expired: everyone logs in again.
    await people.relogin();
  };
  await moveTo(new Date(at.getTime() + 15 * 60_000));
  expect(await remindIntroAnswers(ctx)).toBe(0);
  await moveTo(new Date(at.getTime() + 75 * 60_000));
  expect(await remindIntroAnswers(ctx)).toBe(1);
  expect(await remindIntroAnswers(ctx)).toBe(0);
  expect((await (await people.as("chloe")).get("/api/me/notifications")).json().items[0]).toMatchObject({
    kind: "intro_answer_needed",
    params: { pairId },
  });
  expect(await kindsOf("gerard")).not.toContain("intro_answer_needed");
  expect((await (await people.as("chloe")).get(`/api/pairs/${pairId}`)).json()).toMatchObject({
    partnerHasAnswered: true,
    myIntroAnswer: null,
  });

  // Moved to the next day: asked again once that meeting has taken place.
  await schedule(new Date(at.getTime() + 24 * 3600_000));
  expect(await remindIntroAnswers(ctx)).toBe(0);
  await moveTo(new Date(at.getTime() + 24 * 3600_000 + 75 * 60_000));
  expect(await remindIntroAnswers(ctx)).toBe(1);
  expect((await kindsOf("chloe")).filter((k) => k === "intro_answer_needed")).toHaveLength(2);
});
