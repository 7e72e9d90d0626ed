import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../../db/schema.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

/**
 * The pair's workspace as its people read it (how to reach my partner) and the intro coffee made practical:
 * its time within the programme and to come, and three times proposed from both people's availability.
 * The test clock starts on Monday 2 March 2026; the builders' programme runs from 9 March to 9 September 2026.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const START = new Date("2026-03-02T09:00:00Z");

type Spec = Parameters<typeof mentorProfile>[1];
/** Chloé (mentor) and Gérard (mentee) with these profile details, and someone of another pair of the same world. */
const chloeAndGerard = (chloe: Spec = {}, gerard: Spec = {}) =>
  cast(ctx, [
    { key: "chloe", profile: mentorProfile(["excel", "dataviz"], chloe), withAccount: true },
    { key: "gerard", profile: menteeProfile(["dataviz", "excel"], gerard), withAccount: true },
    { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
  ]);

const setPerson = (id: string, values: Partial<typeof people.$inferInsert>) =>
  ctx.database.db.update(people).set(values).where(eq(people.id, id));

describe("my partner on the pair's page", () => {
  it("shows how to reach my partner (work email, job title, department, site), to each of the pair only", async () => {
    ctx.clock.set(START);
    const hr = await newManager(ctx);
    const cast = await chloeAndGerard();
    await setPerson(cast.ids.chloe as string, { jobTitle: "Data analyst", department: "Data", site: "Lyon" });
    await setPerson(cast.ids.gerard as string, { jobTitle: "Directeur commercial", department: "Ventes", site: null });
    const { pairId } = await publishedPair(hr, { cast, mentor: "chloe", mentee: "gerard" });

    const seenByGerard = (await (await cast.as("gerard")).get(`/api/pairs/${pairId}`)).json();
    expect(seenByGerard.partner).toEqual({
      email: `${cast.employeeIds("chloe")[0]}@exemple.fr`,
      jobTitle: "Data analyst",
      department: "Data",
      site: "Lyon",
    });
    expect(seenByGerard.programme).toMatchObject({ startsOn: "2026-03-09", endsOn: "2026-09-09" });
    const seenByChloe = (await (await cast.as("chloe")).get("/api/me/pairs")).json().items[0];
    expect(seenByChloe.partner).toEqual({
      email: `${cast.employeeIds("gerard")[0]}@exemple.fr`,
      jobTitle: "Directeur commercial",
      department: "Ventes",
      site: null,
    });
    // Neither the outsider nor a manager reads it here.
    expect((await (await cast.as("outsider")).get(`/api/pairs/${pairId}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/pairs/${pairId}`)).statusCode).toBe(404);
    expect((await (await cast.as("outsider")).get("/api/me/pairs")).body).not.toContain("Data analyst");
  });
});

describe("the intro coffee's time", () => {
  it("must be to come and within the programme's days (Paris): a field error on `at`, in the reader's language", async () => {
    ctx.clock.set(START);
    const hr = await newManager(ctx);
    const cast = await chloeAndGerard();
    const { pairId } = await publishedPair(hr, { cast, mentor: "chloe", mentee: "gerard" });
    const gerard = await cast.as("gerard");
    const put = (at: string) => gerard.request("PUT", `/api/pairs/${pairId}/intro`, { at, place: "Café du 3e" });

    // Before the programme's first day (which starts at midnight, Paris time).
    const early = await put("2026-03-08T23:59:00+01:00");
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details).toEqual([
      { path: "at", message: "Choisissez une date pendant le programme, du 9 mars 2026 au 9 septembre 2026." },
    ]);
    expect((await put("2026-03-09T00:00:00+01:00")).statusCode).toBe(200);
    // After its last day.
    expect((await put("2026-09-10T00:00:00+02:00")).json().error.details[0].path).toBe("at");
    expect((await put("2026-09-09T23:30:00+02:00")).statusCode).toBe(200);

    // In the past: the programme has started, and the time chosen has gone by.
    ctx.clock.set(new Date("2026-03-16T10:00:00Z"));
    await cast.relogin();
    const past = await put("2026-03-16T10:30:00+01:00");
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details).toEqual([
      { path: "at", message: "Ce moment est déjà passé : choisissez une date et une heure à venir." },
    ]);
    // In English for a reader who chose it.
    expect((await gerard.patch("/api/me", { locale: "en" })).statusCode).toBe(200);
    expect((await put("2026-03-16T10:30:00+01:00")).json().error.details).toEqual([
      { path: "at", message: "This time has already passed: choose a date and time still to come." },
    ]);
    expect((await put("2026-03-08T12:00:00+01:00")).json().error.details).toEqual([
      { path: "at", message: "This time has already passed: choose a date and time still to come." },
    ]);
    expect((await put("2026-10-01T12:00:00+02:00")).json().error.details).toEqual([
      { path: "at", message: "Choose a date during the programme, from March 9, 2026 to September 9, 2026." },
    ]);
    // Nothing written by the refusals: the last time accepted stays.
    expect((await gerard.get(`/api/pairs/${pairId}`)).json().intro.at).toBe("2026-09-09T21:30:00.000Z");
    expect((await put("2026-03-17T12:30:00+01:00")).json().intro.at).toBe("2026-03-17T11:30:00.000Z");
  });
});

describe("times proposed for the intro coffee", () => {
  it("gives three times both are free, from 24 hours ahead and not before the programme, in the reader's time zone", async () => {
    ctx.clock.set(START);
    const hr = await newManager(ctx);
    // Both gave Tuesday lunchtime and Thursday morning (the builders' profile), and prefer "both" formats.
    const cast = await chloeAndGerard();
    const { pairId } = await publishedPair(hr, { cast, mentor: "chloe", mentee: "gerard" });
    const slots = (await (await cast.as("gerard")).get(`/api/pairs/${pairId}/intro-slots`)).json();
    // Paris: Tuesday 10 March 12:30, Thursday 12 March 9:30, Tuesday 17 March 12:30; the programme allows both
    // formats and neither person prefers one: in person.
    expect(slots).toEqual({
      items: [
        { startsAt: "2026-03-10T11:30:00.000Z", endsAt: "2026-03-10T12:00:00.000Z", mode: "in_person" },
        { startsAt: "2026-03-12T08:30:00.000Z", endsAt: "2026-03-12T09:00:00.000Z", mode: "in_person" },
        { startsAt: "2026-03-17T11:30:00.000Z", endsAt: "2026-03-17T12:00:00.000Z", mode: "in_person" },
      ],
      basis: "both",
      format: "both",
      timeZone: "Europe/Paris",
    });
    // A proposed time is accepted as it is.
    const first = slots.items[0].startsAt;
    expect((await (await cast.as("gerard")).request("PUT", `/api/pairs/${pairId}/intro`, { at: first, place: "Café" })).statusCode).toBe(
      200,
    );

    // Chloé works from Montréal: the same weekly slots, on her clock.
    await setPerson(cast.ids.chloe as string, { timeZone: "America/Montreal" });
    const hers = (await (await cast.as("chloe")).get(`/api/pairs/${pairId}/intro-slots`)).json();
    expect(hers.timeZone).toBe("America/Montreal");
    expect(hers.items.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      "2026-03-10T16:30:00.000Z",
      "2026-03-12T13:30:00.000Z",
      "2026-03-17T16:30:00.000Z",
    ]);
  });

  it("falls back on either person's times, follows the people's common format, stops at the programme's end", async () => {
    ctx.clock.set(START);
    const hr = await newManager(ctx);
    const cast = await chloeAndGerard(
      { availability: ["mon:evening"], format: "online" },
      { availability: ["fri:morning"], format: "both" },
    );
    const { pairId } = await publishedPair(hr, { cast, mentor: "chloe", mentee: "gerard" });
    const gerard = await cast.as("gerard");
    const slots = (await gerard.get(`/api/pairs/${pairId}/intro-slots`)).json();
    expect(slots.basis).toBe("either");
    // Monday 9 March 17:30 and Friday 13 March 9:30, Monday 16 March 17:30 (Paris); online suits both.
    expect(slots.items).toEqual([
      { startsAt: "2026-03-09T16:30:00.000Z", endsAt: "2026-03-09T17:00:00.000Z", mode: "online" },
      { startsAt: "2026-03-13T08:30:00.000Z", endsAt: "2026-03-13T09:00:00.000Z", mode: "online" },
      { startsAt: "2026-03-16T16:30:00.000Z", endsAt: "2026-03-16T17:00:00.000Z", mode: "online" },
    ]);

    // Three days before the end: only what fits before it, and 24 hours ahead.
    ctx.clock.set(new Date("2026-09-06T10:00:00Z"));
    await cast.relogin();
    const late = (await gerard.get(`/api/pairs/${pairId}/intro-slots`)).json();
    expect(late.items.map((s: { startsAt: string }) => s.startsAt)).toEqual(["2026-09-07T15:30:00.000Z"]);
  });

  it("follows the programme's format when it sets one; for the pair's people only, while in intro", async () => {
    ctx.clock.set(START);
    const hr = await newManager(ctx);
    const cast = await chloeAndGerard({ format: "in_person" }, { format: "in_person", availability: [] });
    const { pairId } = await publishedPair(hr, { cast, mentor: "chloe", mentee: "gerard" }, "intro", { format: "online" });
    const slots = (await (await cast.as("chloe")).get(`/api/pairs/${pairId}/intro-slots`)).json();
    expect(slots).toMatchObject({ basis: "either", format: "online" });
    expect(slots.items).toHaveLength(3);
    expect(slots.items.every((s: { mode: string }) => s.mode === "online")).toBe(true);

    expect((await hr.get(`/api/pairs/${pairId}/intro-slots`)).statusCode).toBe(403);
    expect((await (await cast.as("outsider")).get(`/api/pairs/${pairId}/intro-slots`)).statusCode).toBe(404);
    for (const key of ["gerard", "chloe"]) await (await cast.as(key)).post(`/api/pairs/${pairId}/intro-answer`, { isFit: true });
    const active = await (await cast.as("gerard")).get(`/api/pairs/${pairId}/intro-slots`);
    expect(active.statusCode).toBe(409);
    expect(active.json().error.code).toBe("NOT_IN_INTRO");
  });

  it("proposes the app's default times when neither person gave any", async () => {
    ctx.clock.set(START);
    const hr = await newManager(ctx);
    const cast = await chloeAndGerard({ availability: [] }, { availability: [] });
    const { pairId } = await publishedPair(hr, { cast, mentor: "chloe", mentee: "gerard" });
    const slots = (await (await cast.as("gerard")).get(`/api/pairs/${pairId}/intro-slots`)).json();
    expect(slots.basis).toBe("default");
    // Tuesday and Thursday lunchtimes and afternoons: the first of each day.
    expect(slots.items.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      "2026-03-10T11:30:00.000Z",
      "2026-03-12T11:30:00.000Z",
      "2026-03-17T11:30:00.000Z",
    ]);
  });
});
