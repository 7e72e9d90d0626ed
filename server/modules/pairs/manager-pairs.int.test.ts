import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItems, goals, pairResources, sessionNotes } from "../../db/schema.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { givenSession } from "../../test/session-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

/**
 * The managers' view of one pair through the API: its history and its workspace as counts and dates (never a
 * text of it), ending and completing it, and pairing a person again by hand. Each test builds its own pairs.
 */
const SECRET_NOTE = "Gérard hésite à quitter son poste";
const SECRET_GOAL = "Automatiser trois processus avec Zapier";
const SECRET_ACTION = "Relire le tableau de bord des ventes";
const SECRET_RESOURCE = "Tutoriel confidentiel Power BI";
const END_NOTE = "Ils ne trouvent aucun créneau commun";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const NO_ONBOARDING = { requiresOnboarding: false };
const day = (iso: string) => new Date(iso);

/** Chloé (mentor) and Gérard (mentee), who fit; Marc, a mentor for a rematch; Sylvie, another mentee; an outsider. */
const people = () =>
  cast(ctx, [
    { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
    { key: "marc", profile: mentorProfile(["excel"]), withAccount: true },
    { key: "yanis", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: "sylvie", profile: menteeProfile(["excel"]), withAccount: true },
    { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
  ]);

describe("a pair as its managers see it", () => {
  it("gives the history and the workspace as counts and dates, never a text of it; others get 403, another programme's pair 404", async () => {
    const hr = await newManager(ctx);
    const who = await people();
    const { programmeId, pairId } = await publishedPair(hr, { cast: who, mentor: "chloe", mentee: "gerard" }, "active", NO_ONBOARDING);
    const other = await publishedPair(hr, { cast: who, mentor: "marc", mentee: "sylvie" }, "intro", NO_ONBOARDING);

    // The clock is at 2 March 2026, 09:00 UTC.
    const { database } = ctx;
    const held = await givenSession(database, pairId, { startsAt: day("2026-02-10T17:30:00Z"), status: "held" });
    await givenSession(database, pairId, { startsAt: day("2026-02-24T17:30:00Z"), status: "held" });
    await givenSession(database, pairId, { startsAt: day("2026-02-17T17:30:00Z"), status: "missed" });
    await givenSession(database, pairId, { startsAt: day("2026-03-03T17:30:00Z"), status: "cancelled" });
    await givenSession(database, pairId, { startsAt: day("2026-02-28T17:30:00Z") }); // past, not marked yet
    await givenSession(database, pairId, { startsAt: day("2026-03-24T17:30:00Z") });
    await givenSession(database, pairId, { startsAt: day("2026-03-10T17:30:00Z") });
    await givenSession(database, other.pairId, { startsAt: day("2026-03-05T17:30:00Z"), status: "held" });
    const now = ctx.clock.now();
    const goal = { pairId, target: "3 processus", createdAt: now, updatedAt: now };
    await database.db.insert(goals).values([
      { ...goal, learnerRole: "mentee", statement: SECRET_GOAL, status: "achieved", achievedAt: now, signedOffAt: now },
      { ...goal, learnerRole: "mentee", statement: "Publier sans aide", status: "in_progress" },
      { ...goal, learnerRole: "mentor", statement: "Prendre la parole en réunion", status: "not_started" },
      { ...goal, learnerRole: "mentor", statement: "Comprendre le métier", status: "dropped" },
    ]);
    await database.db.insert(sessionNotes).values([
      { sessionId: held, authorPersonId: who.ids.gerard as string, notes: SECRET_NOTE, journal: "", createdAt: now, updatedAt: now },
      { sessionId: held, authorPersonId: who.ids.chloe as string, notes: "", journal: "Mon journal", createdAt: now, updatedAt: now },
    ]);
    await database.db.insert(actionItems).values([
      { pairId, sessionId: held, text: SECRET_ACTION, ownerPersonId: who.ids.gerard as string, createdAt: now },
      { pairId, sessionId: held, text: "Fait", ownerPersonId: who.ids.chloe as string, createdAt: now, doneAt: now },
      { pairId, sessionId: held, text: "Fait aussi", ownerPersonId: who.ids.chloe as string, createdAt: now, doneAt: now },
    ]);
    await database.db.insert(pairResources).values({ pairId, title: SECRET_RESOURCE, url: "https://exemple.fr/secret", createdAt: now });

    const response = await hr.get(`/api/programmes/${programmeId}/pairs/${pairId}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({
      id: pairId,
      state: "active",
      origin: "matching",
      mentor: { id: who.ids.chloe },
      mentee: { id: who.ids.gerard },
      programme: { id: programmeId, name: "Pilote mentorat inversé", phase: "running" },
      introAnswers: [expect.objectContaining({ isFit: true }), expect.objectContaining({ isFit: true })],
      activity: {
        sessions: {
          scheduled: 3,
          held: 2,
          missed: 1,
          cancelled: 1,
          lastHeldAt: "2026-02-24T17:30:00.000Z",
          nextAt: "2026-03-10T17:30:00.000Z",
        },
        goals: { byStatus: { not_started: 1, in_progress: 1, achieved: 1, dropped: 1 }, signedOff: 1 },
        notes: { notesWritten: 1, actionItemsOpen: 1, actionItemsDone: 2, resources: 1 },
      },
    });
    expect(detail.score).toEqual(expect.any(Number));
    expect(detail.history.map((e: { cause: string }) => e.cause)).toEqual(["matching", "intro_confirmed"]);
    for (const text of [SECRET_NOTE, SECRET_GOAL, SECRET_ACTION, SECRET_RESOURCE, "Mon journal", "exemple.fr/secret", "Publier"])
      expect(response.body).not.toContain(text);

    // A pair with nothing yet: zeros and no dates.
    const quiet = (await hr.get(`/api/programmes/${other.programmeId}/pairs/${other.pairId}`)).json();
    expect(quiet.activity.sessions).toEqual({
      scheduled: 0,
      held: 1,
      missed: 0,
      cancelled: 0,
      lastHeldAt: "2026-03-05T17:30:00.000Z",
      nextAt: null,
    });
    expect(quiet.activity.goals.byStatus).toEqual({ not_started: 0, in_progress: 0, achieved: 0, dropped: 0 });

    // The pair's own people and anyone else who is not a manager: 403 (route-access); a pair of another programme: 404.
    for (const key of ["gerard", "chloe", "outsider"]) {
      const participant = await who.as(key);
      expect((await participant.get(`/api/programmes/${programmeId}/pairs/${pairId}`)).statusCode).toBe(403);
      expect(
        (await participant.get(`/api/programmes/${programmeId}/pairs/${pairId}/rematch-options?person=${who.ids.gerard}`)).statusCode,
      ).toBe(403);
      expect(
        (await participant.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.marc, menteeId: who.ids.gerard })).statusCode,
      ).toBe(403);
    }
    expect((await hr.get(`/api/programmes/${other.programmeId}/pairs/${pairId}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/programmes/${other.programmeId}/pairs/${pairId}/rematch-options?person=${who.ids.gerard}`)).statusCode).toBe(
      404,
    );
    // Someone who is not of the pair, and a person id that is not one.
    expect((await hr.get(`/api/programmes/${programmeId}/pairs/${pairId}/rematch-options?person=${who.ids.marc}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/programmes/${programmeId}/pairs/${pairId}/rematch-options?person=gerard`)).statusCode).toBe(400);
    expect((await hr.get(`/api/programmes/${programmeId}/pairs/not-a-uuid`)).statusCode).toBe(400);
  });
});

describe("a manager's actions on a pair", () => {
  it("completes a running pair, and ends another with a reason and a note the managers read in its history", async () => {
    const hr = await newManager(ctx);
    const who = await people();
    const running = await publishedPair(hr, { cast: who, mentor: "chloe", mentee: "gerard" }, "active", NO_ONBOARDING);
    ctx.clock.advance(60_000);
    expect((await hr.post(`/api/pairs/${running.pairId}/complete`, {})).json()).toEqual({ state: "completed" });
    const completed = (await hr.get(`/api/programmes/${running.programmeId}/pairs/${running.pairId}`)).json();
    expect(completed.state).toBe("completed");
    expect(completed.history.at(-1)).toMatchObject({ fromState: "active", toState: "completed", cause: "completed_by_manager" });

    const intro = await publishedPair(hr, { cast: who, mentor: "marc", mentee: "sylvie" }, "intro", NO_ONBOARDING);
    ctx.clock.advance(60_000);
    const ended = await hr.post(`/api/pairs/${intro.pairId}/end`, { reason: "no_time", note: END_NOTE });
    expect(ended.json()).toEqual({ state: "ended_early" });
    const detail = (await hr.get(`/api/programmes/${intro.programmeId}/pairs/${intro.pairId}`)).json();
    expect(detail).toMatchObject({ state: "ended_early", endReason: "no_time" });
    expect(detail.history.at(-1)).toMatchObject({ toState: "ended_early", cause: "ended_early", reason: "no_time", note: END_NOTE });
    for (const key of ["marc", "sylvie"]) {
      const participant = await who.as(key);
      expect((await participant.get("/api/me/notifications")).json().items[0]).toMatchObject({
        kind: "pair_ended",
        params: { pairId: intro.pairId },
      });
      // The note is for the managers: the pair's people read the reason only.
      expect((await participant.get(`/api/pairs/${intro.pairId}`)).body).not.toContain(END_NOTE);
    }
  });
});

describe("pairing a person again by hand", () => {
  it("offers the free people of the other role who joined, forms the pair and tells both; refuses a busy mentee and a full mentor", async () => {
    const hr = await newManager(ctx);
    const who = await people();
    const { programmeId, pairId } = await publishedPair(hr, { cast: who, mentor: "chloe", mentee: "gerard" }, "active", NO_ONBOARDING);
    // Marc and Sylvie join the running programme; Yanis is enrolled but has not answered.
    for (const [role, keys] of [
      ["mentor", ["marc", "yanis"]],
      ["mentee", ["sylvie"]],
    ] as const)
      expect((await hr.post(`/api/programmes/${programmeId}/enrolments`, { role, employeeIds: who.employeeIds(...keys) })).statusCode).toBe(
        200,
      );
    for (const key of ["marc", "sylvie"])
      expect((await (await who.as(key)).post(`/api/programmes/${programmeId}/respond`, { accept: true })).statusCode).toBe(200);

    // While Gérard's pair is open, he may not take another one: the screen ends it first.
    const busy = (await hr.get(`/api/programmes/${programmeId}/pairs/${pairId}/rematch-options?person=${who.ids.gerard}`)).json();
    expect(busy).toMatchObject({ person: { id: who.ids.gerard }, role: "mentee", isFree: false, blockedBy: "has_open_pair", items: [] });
    const refused = await hr.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.marc, menteeId: who.ids.gerard });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: "HAS_OPEN_PAIR",
      message: "Cette personne fait partie d’un binôme en cours : terminez-le d’abord.",
    });

    ctx.clock.advance(60_000);
    expect((await hr.post(`/api/pairs/${pairId}/end`, { reason: "not_a_fit", note: END_NOTE })).statusCode).toBe(200);
    // Chloé was tried already, Yanis has not joined: Marc only.
    const options = (await hr.get(`/api/programmes/${programmeId}/pairs/${pairId}/rematch-options?person=${who.ids.gerard}`)).json();
    expect(options).toMatchObject({ isFree: true, blockedBy: null });
    expect(options.items).toEqual([
      {
        person: expect.objectContaining({ id: who.ids.marc, firstName: "Marc", department: "Ventes", site: null, jobTitle: null }),
        role: "mentor",
        score: expect.any(Number),
        placesLeft: 1,
      },
    ]);
    // Chloé's side: Sylvie (joined, free); Gérard was tried already.
    const forChloe = (await hr.get(`/api/programmes/${programmeId}/pairs/${pairId}/rematch-options?person=${who.ids.chloe}`)).json();
    expect(forChloe.items.map((o: { person: { id: string } }) => o.person.id)).toEqual([who.ids.sylvie]);

    ctx.clock.advance(60_000);
    const formed = await hr.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.marc, menteeId: who.ids.gerard });
    expect(formed.statusCode).toBe(201);
    const pair = formed.json();
    expect(pair).toMatchObject({
      state: "intro",
      origin: "manual",
      mentor: { id: who.ids.marc },
      mentee: { id: who.ids.gerard },
      programme: { id: programmeId },
      history: [{ fromState: null, toState: "intro", cause: "manual", reason: null, note: null }],
    });
    expect(pair.score).toEqual(expect.any(Number));
    expect(pair.id).not.toBe(pairId);
    for (const [key, partner] of [
      ["gerard", "Marc Test"],
      ["marc", "Gerard Test"],
    ]) {
      const participant = await who.as(key as string);
      expect((await participant.get("/api/me/notifications")).json().items[0]).toMatchObject({
        kind: "match_published",
        params: { partnerName: partner, pairId: pair.id },
      });
      const mine = (await participant.get(`/api/pairs/${pair.id}`)).json();
      expect(mine).toMatchObject({ state: "intro", origin: "manual" });
      expect(mine).not.toHaveProperty("score");
    }
    const list = (await hr.get(`/api/programmes/${programmeId}/pairs`)).json();
    expect(list.counts).toMatchObject({ intro: 1, ended_early: 1 });

    // Gérard is in an open pair again; Marc (one place) is full.
    const again = await hr.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.yanis, menteeId: who.ids.gerard });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("HAS_OPEN_PAIR");
    const full = await hr.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.marc, menteeId: who.ids.sylvie });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: "MENTOR_FULL", message: "Ce mentor n’a plus de place dans ce programme." });
    const marcFull = (await hr.get(`/api/programmes/${programmeId}/pairs/${pair.id}/rematch-options?person=${who.ids.marc}`)).json();
    expect(marcFull).toMatchObject({ isFree: false, blockedBy: "mentor_full", items: [] });
    // A pair tried already is not formed again.
    const tried = await hr.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.chloe, menteeId: who.ids.gerard });
    expect(tried.statusCode).toBe(409);
    // Nobody outside the programme.
    const stranger = await hr.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.chloe, menteeId: who.ids.outsider });
    expect(stranger.json().error.code).toBe("PAIR_NOT_ALLOWED");
  });

  it("answers in English with the manager's language, and refuses once the programme is closed", async () => {
    const hr = await newManager(ctx);
    const who = await people();
    const { programmeId, pairId } = await publishedPair(hr, { cast: who, mentor: "chloe", mentee: "gerard" }, "not_a_fit", NO_ONBOARDING);
    expect(
      (await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: who.employeeIds("marc") })).statusCode,
    ).toBe(200);
    expect((await (await who.as("marc")).post(`/api/programmes/${programmeId}/respond`, { accept: true })).statusCode).toBe(200);
    expect((await hr.request("PATCH", "/api/me", { locale: "en" })).statusCode).toBe(200);
    const tried = await hr.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.chloe, menteeId: who.ids.gerard });
    expect(tried.statusCode).toBe(409);
    expect(tried.json().error).toMatchObject({ code: "PAIR_NOT_ALLOWED", message: expect.stringMatching(/^This pair is not possible/) });

    expect((await hr.post(`/api/programmes/${programmeId}/phase`, { phase: "closed" })).statusCode).toBe(200);
    const closed = (await hr.get(`/api/programmes/${programmeId}/pairs/${pairId}/rematch-options?person=${who.ids.gerard}`)).json();
    expect(closed).toMatchObject({ isFree: false, blockedBy: "matching_not_open", items: [] });
    const late = await hr.post(`/api/programmes/${programmeId}/pairs`, { mentorId: who.ids.marc, menteeId: who.ids.gerard });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: "MATCHING_NOT_OPEN",
      message: "Matching is only possible in the “matching” and “running” phases.",
    });
  });
});
