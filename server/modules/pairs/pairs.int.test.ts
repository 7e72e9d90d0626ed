import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIT_LEVELS } from "../../../contracts/pairs.ts";
import {
  cast,
  menteeProfile,
  mentorProfile,
  newManager,
  programmeIn,
  publishedPair,
  runAndPublish,
} from "../../test/programme-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

/** A pair's life through the API: the intro coffee and its answers, the end, completion. Each test builds its own pair. */
const NOT_A_FIT_REASON = "Il m’a coupé la parole tout le long du café";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** Chloé (mentor) and Gérard (mentee), who fit, and someone outside their pair. */
const chloeAndGerard = () =>
  cast(ctx, [
    { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
    { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
  ]);

describe("the intro coffee", () => {
  it("makes a pair active when both say yes after the intro coffee; an outsider gets 404 on it", async () => {
    const hr = await newManager(ctx);
    const people = await chloeAndGerard();
    const { programmeId, pairId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" });
    const [chloe, gerard, outsider] = [await people.as("chloe"), await people.as("gerard"), await people.as("outsider")];
    const scheduled = await chloe.request("PUT", `/api/pairs/${pairId}/intro`, { at: "2026-03-12T12:30:00+01:00", place: "Café du 3e" });
    expect(scheduled.json().intro).toEqual({ at: "2026-03-12T11:30:00.000Z", place: "Café du 3e" });
    expect((await gerard.get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "intro_scheduled",
      params: { at: "2026-03-12T11:30:00.000Z", pairId },
    });
    expect((await outsider.request("PUT", `/api/pairs/${pairId}/intro`, { at: "2026-03-12T12:30:00+01:00", place: "x" })).statusCode).toBe(
      404,
    );
    expect((await outsider.get(`/api/pairs/${pairId}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/pairs/${pairId}/intro-answer`, { isFit: false })).statusCode).toBe(404);
    expect((await hr.post(`/api/pairs/${pairId}/intro-answer`, { isFit: true })).statusCode).toBe(403);

    const first = (await gerard.post(`/api/pairs/${pairId}/intro-answer`, { isFit: true })).json();
    expect(first).toMatchObject({ state: "intro", myIntroAnswer: { isFit: true }, partnerHasAnswered: false });
    // No notice to the partner after a "yes": it would tell them the answer (intro-reminders.int.test.ts: the reminder).
    expect((await chloe.get("/api/me/notifications")).json().items.map((n: { kind: string }) => n.kind)).toEqual([
      "match_published",
      "programme_invited",
    ]);
    expect((await chloe.get(`/api/pairs/${pairId}`)).json()).toMatchObject({ partnerHasAnswered: true, myIntroAnswer: null });
    const both = (await chloe.post(`/api/pairs/${pairId}/intro-answer`, { isFit: true })).json();
    expect(both.state).toBe("active");
    expect(both.canStartSessions).toBe(false);
    expect(both.history.map((h: { cause: string }) => h.cause)).toEqual(["matching", "intro_confirmed"]);
    expect((await gerard.get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "pair_active", params: { pairId } });
    const again = await chloe.post(`/api/pairs/${pairId}/intro-answer`, { isFit: false });
    expect(again.statusCode).toBe(409);

    // The programme requires onboarding: sessions may start once both have read their modules and accepted the charter.
    for (const member of [chloe, gerard]) {
      const mine = (await member.get(`/api/me/programmes/${programmeId}/onboarding`)).json();
      for (const module of mine.modules) await member.post(`/api/me/onboarding/modules/${module.id}`, { reflections: [] });
      expect((await member.get(`/api/pairs/${pairId}`)).json().canStartSessions).toBe(false);
      await member.post(`/api/me/programmes/${programmeId}/charter`, {});
    }
    expect((await gerard.get(`/api/pairs/${pairId}`)).json()).toMatchObject({
      canStartSessions: true,
      onboarding: { mentor: { isComplete: true }, mentee: { isComplete: true } },
    });
  });

  it("closes a pair as not a fit on any no: the reason reaches the managers only, both go back to the pool", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [
      { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
      { key: "yanis", profile: mentorProfile(["linkedin"]), withAccount: true },
      { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
      { key: "sylvie", profile: menteeProfile(["linkedin"]), withAccount: true },
    ]);
    const programmeId = await programmeIn(hr, "matching", { cast: people, mentors: ["chloe", "yanis"], mentees: ["gerard", "sylvie"] });
    expect(await runAndPublish(hr, programmeId)).toEqual({ created: 2, skipped: 0 });
    const pairOf = async (key: string) => (await (await people.as(key)).get("/api/me/pairs")).json().items[0];
    const active = await pairOf("gerard");
    for (const key of ["gerard", "chloe"]) await (await people.as(key)).post(`/api/pairs/${active.id}/intro-answer`, { isFit: true });
    const pair = await pairOf("sylvie");
    const mentorKey = people.keyOf(pair.mentor.id);
    ctx.clock.advance(60_000);
    const sylvie = await people.as("sylvie");
    const answered = (await sylvie.post(`/api/pairs/${pair.id}/intro-answer`, { isFit: false, reason: NOT_A_FIT_REASON })).json();
    expect(answered.state).toBe("not_a_fit");
    const mentor = await people.as(mentorKey);
    const mentorView = await mentor.get(`/api/pairs/${pair.id}`);
    expect(mentorView.json().state).toBe("not_a_fit");
    expect(mentorView.body).not.toContain(NOT_A_FIT_REASON);
    expect((await mentor.get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "pair_not_a_fit",
      params: { pairId: pair.id },
    });
    expect((await mentor.get("/api/me/notifications")).body).not.toContain(NOT_A_FIT_REASON);

    // The managers are told who needs a new match (the reason is on the pairs tab, not in the bell).
    const hrBell = await hr.get("/api/me/notifications");
    expect(hrBell.json().items[0]).toMatchObject({
      kind: "managers_pair_not_a_fit",
      params: { menteeName: "Sylvie Test", programmeName: "Pilote mentorat inversé" },
    });
    expect(hrBell.body).not.toContain(NOT_A_FIT_REASON);
    const managed = (await hr.get(`/api/programmes/${programmeId}/pairs`)).json();
    expect(managed.introAnswers).toEqual({ fit: 2, notFit: 1 });
    expect(managed.counts).toMatchObject({ active: 1, not_a_fit: 1 });
    const closed = managed.items.find((p: { id: string }) => p.id === pair.id);
    expect(closed.introAnswers).toEqual([expect.objectContaining({ role: "mentee", isFit: false, reason: NOT_A_FIT_REASON })]);
    expect(managed.needsRematch.map((r: { person: { id: string } }) => r.person.id).sort()).toEqual(
      [people.ids.sylvie, pair.mentor.id].sort(),
    );
    const board = (await hr.get(`/api/programmes/${programmeId}/enrolments?q=sylvie`)).json();
    expect(board.items[0]).toMatchObject({ needsRematch: true, pairState: null });
    expect(board.counts.needsRematch).toBe(2);
    // Back in the pool: the next run may match her again.
    const rerun = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    const detail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${rerun.id}`)).json();
    expect([
      ...detail.pairs.map((p: { mentee: { id: string } }) => p.mentee.id),
      ...detail.unmatched.map((u: { person: { id: string } }) => u.person.id),
    ]).toContain(people.ids.sylvie);
  });
});

describe("the end of a pair", () => {
  it("ends an active pair early with a reason, tells the partner, and refuses transitions out of a closed state", async () => {
    const hr = await newManager(ctx);
    const people = await chloeAndGerard();
    const { pairId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" }, "active");
    const [chloe, gerard, outsider] = [await people.as("chloe"), await people.as("gerard"), await people.as("outsider")];
    expect((await outsider.post(`/api/pairs/${pairId}/end`, { reason: "no_time" })).statusCode).toBe(404);
    ctx.clock.advance(60_000);
    const ended = await gerard.post(`/api/pairs/${pairId}/end`, { reason: "no_time", note: "Trop de déplacements" });
    expect(ended.json()).toEqual({ state: "ended_early" });
    expect((await chloe.get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "pair_ended",
      params: { reason: "no_time" },
    });
    expect((await hr.get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "managers_pair_ended",
      params: { menteeName: "Gerard Test", mentorName: "Chloe Test", reason: "no_time", pairId },
    });
    const late = await chloe.post(`/api/pairs/${pairId}/complete`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe("Ce binôme ne peut pas passer de l’état « ended_early » à « completed ».");
    const history = (await chloe.get(`/api/pairs/${pairId}`)).json().history;
    expect(history.at(-1)).toMatchObject({
      fromState: "active",
      toState: "ended_early",
      cause: "ended_early",
      reason: "no_time",
      note: null,
    });
  });

  it("completes a pair when both agree", async () => {
    const hr = await newManager(ctx);
    const people = await chloeAndGerard();
    const { pairId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" });
    const [chloe, gerard] = [await people.as("chloe"), await people.as("gerard")];
    await gerard.post(`/api/pairs/${pairId}/intro-answer`, { isFit: true });
    await chloe.post(`/api/pairs/${pairId}/intro-answer`, { isFit: true });
    expect((await gerard.post(`/api/pairs/${pairId}/complete`, {})).json()).toEqual({ state: "active" });
    expect((await chloe.get(`/api/pairs/${pairId}`)).json()).toMatchObject({
      partnerAgreedToComplete: true,
      iAgreedToComplete: false,
    });
    expect((await chloe.post(`/api/pairs/${pairId}/complete`, {})).json()).toEqual({ state: "completed" });
    expect((await gerard.get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "pair_completed", params: { pairId } });
  });
});

describe("what participants read of their fit", () => {
  it("is a word, never the score nor what it is made of: not on their pairs, not on the mentors list; managers keep the figures", async () => {
    const hr = await newManager(ctx);
    const people = await chloeAndGerard();
    const { programmeId, pairId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" });
    // The managers' review: each reason's share of the score, most important first.
    const [run] = (await hr.get(`/api/programmes/${programmeId}/matching-runs`)).json().items;
    const reviewed = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${run.id}`)).json().pairs[0];
    expect(reviewed.reasons.length).toBeGreaterThan(1);
    expect(reviewed.reasons[0].contribution).toEqual(expect.any(Number));
    for (const key of ["chloe", "gerard"]) {
      const participant = await people.as(key);
      const list = await participant.get("/api/me/pairs");
      const mine = list.json().items[0];
      expect(mine).not.toHaveProperty("score");
      expect(FIT_LEVELS).toContain(mine.fit);
      // The same reasons in the same order, without the shares that, with the weights, would give the score back.
      expect(mine.reasons.map((r: { component: string }) => r.component)).toEqual(
        reviewed.reasons.map((r: { component: string }) => r.component),
      );
      expect(list.body).not.toContain("contribution");
      const one = await participant.get(`/api/pairs/${pairId}`);
      expect(one.json()).not.toHaveProperty("score");
      expect(one.body).not.toContain("contribution");
      const programme = await participant.get(`/api/programmes/${programmeId}`);
      expect(programme.statusCode).toBe(200);
      expect(programme.json()).not.toHaveProperty("matchingSettings");
      expect((await participant.get("/api/programmes")).body).not.toContain("matchingSettings");
    }
    const managed = (await hr.get(`/api/programmes/${programmeId}/pairs`)).json().items[0];
    expect(managed.score).toEqual(expect.any(Number));
    expect((await hr.get(`/api/programmes/${programmeId}`)).json().matchingSettings.minScore).toEqual(expect.any(Number));

    const browsing = await programmeIn(
      hr,
      "enrolment",
      { cast: people, mentors: ["chloe"], mentees: ["outsider"] },
      { name: "Propositions" },
    );
    const mentors = (await (await people.as("outsider")).get(`/api/programmes/${browsing}/mentors`)).json().items;
    expect(mentors).toHaveLength(1);
    expect(mentors[0]).not.toHaveProperty("score");
    expect(FIT_LEVELS).toContain(mentors[0].fit);
    expect(mentors[0].reasons.length).toBeGreaterThan(0);
    expect((await (await people.as("outsider")).get(`/api/programmes/${browsing}/mentors`)).body).not.toContain("contribution");
    expect((await (await people.as("outsider")).get(`/api/programmes/${browsing}`)).json()).not.toHaveProperty("matchingSettings");
  });
});
