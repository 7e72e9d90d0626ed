import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PAIR_CLOSED_CANCEL_REASON } from "../../../contracts/sessions.ts";
import { mailMessages, pairSessions, people as peopleTable } from "../../db/schema.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { givenSession } from "../../test/session-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { cancelSessionsOfClosedPair } from "./index.ts";

/**
 * A pair's sessions through the API: the fixed list (instants in UTC; managers see dates only), scheduling
 * on the programme's rules, the partner's invitation (.ics) on every change, held or missed, the proposed
 * times. Each test builds its own pair: Léa (mentor) and Henri (mentee), in a programme of 9 March to
 * 9 September 2026 (format "both", 45-minute sessions every two weeks); the clock starts on 2 March.
 */
const START = new Date("2026-03-02T09:00:00Z");
const LINK = "https://visio.example.com/lea-henri";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(START));

async function activePair(overrides: Record<string, unknown> = {}, state: "active" | "intro" = "active") {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "lea", profile: mentorProfile(["excel"]), withAccount: true },
    { key: "henri", profile: menteeProfile(["excel"]), withAccount: true },
    { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
  ]);
  const { pairId, programmeId } = await publishedPair(hr, { cast: people, mentor: "lea", mentee: "henri" }, state, {
    requiresOnboarding: false,
    ...overrides,
  });
  const emailOf = (key: string) => `${people.employeeIds(key)[0]}@exemple.fr`;
  return {
    hr,
    people,
    pairId,
    programmeId,
    emailOf,
    lea: await people.as("lea"),
    henri: await people.as("henri"),
    outsider: await people.as("outsider"),
  };
}

/** The invitations a person was sent, oldest first. */
async function invitationsTo(email: string) {
  const rows = await ctx.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
  return rows
    .filter((r) => r.calendar)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => ({ ...(r.calendar as { method: string; content: string }), params: r.params }));
}
const icsField = (content: string, name: string) => new RegExp(`^${name}[:;](.*)$`, "m").exec(content)?.[1]?.trim();

describe("the pair's sessions", () => {
  it("lists them in order of time, with instants in UTC; the pair gets the details, a manager only dates and statuses", async () => {
    const { pairId, lea, henri, hr, outsider } = await activePair();
    const later = await lea.post(`/api/pairs/${pairId}/sessions`, {
      startsAt: "2026-04-14T12:30:00+02:00",
      mode: "in_person",
      location: "Salle Jaune, 3e étage",
    });
    expect(later.statusCode, later.body).toBe(201);
    // 18:30 in Paris on 30 March 2026, the day after the change to summer time: 16:30 UTC.
    const first = await henri.post(`/api/pairs/${pairId}/sessions`, {
      startsAt: "2026-03-30T18:30:00+02:00",
      mode: "online",
      location: LINK,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({
      id: expect.any(String),
      startsAt: "2026-03-30T16:30:00.000Z",
      endsAt: "2026-03-30T17:15:00.000Z",
      status: "scheduled",
      mode: "online",
      location: LINK,
      sequence: 0,
      cancelReason: null,
      agendaDueAt: "2026-03-28T16:30:00.000Z",
      agendaCount: 0,
      number: 1,
    });

    const mine = (await lea.get(`/api/pairs/${pairId}/sessions`)).json();
    expect(mine.myTimeZone).toBe("Europe/Paris");
    expect(mine.items.map((s: { startsAt: string; number: number }) => [s.startsAt, s.number])).toEqual([
      ["2026-03-30T16:30:00.000Z", 1],
      ["2026-04-14T10:30:00.000Z", 2],
    ]);
    for (const item of mine.items) expect(new Date(item.startsAt).toISOString()).toBe(item.startsAt);

    const managers = (await hr.get(`/api/pairs/${pairId}/sessions`)).json();
    expect(Object.keys(managers)).toEqual(["items"]);
    expect(managers.items).toEqual([
      { id: first.json().id, startsAt: "2026-03-30T16:30:00.000Z", endsAt: "2026-03-30T17:15:00.000Z", status: "scheduled" },
      { id: later.json().id, startsAt: "2026-04-14T10:30:00.000Z", endsAt: "2026-04-14T11:15:00.000Z", status: "scheduled" },
    ]);
    expect((await outsider.get(`/api/pairs/${pairId}/sessions`)).statusCode).toBe(404);
    expect((await lea.get("/api/pairs/00000000-0000-4000-8000-000000000000/sessions")).statusCode).toBe(404);
  });

  it("numbers the sessions not cancelled, and keeps the cancelled ones with their reason", async () => {
    const { pairId, lea, henri } = await activePair();
    const a = (
      await lea.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-17T12:30:00+01:00", mode: "online", location: LINK })
    ).json();
    const b = (
      await lea.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-31T12:30:00+02:00", mode: "online", location: LINK })
    ).json();
    const cancelled = await henri.post(`/api/sessions/${a.id}/cancel`, { reason: "Je suis en déplacement ce jour-là" });
    expect(cancelled.json()).toMatchObject({
      status: "cancelled",
      sequence: 1,
      number: null,
      cancelReason: "Je suis en déplacement ce jour-là",
    });
    const items = (await lea.get(`/api/pairs/${pairId}/sessions`)).json().items;
    expect(items.map((s: { id: string; number: number | null }) => [s.id, s.number])).toEqual([
      [a.id, null],
      [b.id, 1],
    ]);
    expect((await henri.post(`/api/sessions/${a.id}/cancel`, { reason: "Encore" })).statusCode).toBe(409);
    expect((await henri.post(`/api/sessions/${b.id}/cancel`, { reason: "  " })).json().error.details[0].path).toBe("reason");
  });
});

describe("the partner's invitation", () => {
  it("goes to the partner on scheduling (REQUEST), keeps its UID with a higher SEQUENCE on a move, and cancels (CANCEL)", async () => {
    const { pairId, henri, emailOf, people } = await activePair();
    const scheduled = await henri.post(`/api/pairs/${pairId}/sessions`, {
      startsAt: "2026-03-30T18:30:00+02:00",
      mode: "online",
      location: LINK,
    });
    const sessionId = scheduled.json().id as string;

    const [request] = await invitationsTo(emailOf("lea"));
    expect(request?.method).toBe("REQUEST");
    expect(request?.content).toContain("METHOD:REQUEST");
    expect(icsField(request?.content ?? "", "SEQUENCE")).toBe("0");
    const uid = icsField(request?.content ?? "", "UID");
    expect(uid).toContain(sessionId);
    expect(request?.params).toMatchObject({ partnerName: "Henri Test", at: "2026-03-30T16:30:00.000Z" });
    expect(await invitationsTo(emailOf("henri"))).toEqual([]);
    const lea = await people.as("lea");
    expect((await lea.get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "session_scheduled",
      link: `/pairs/${pairId}/sessions/${sessionId}`,
      params: { partnerName: "Henri Test", at: "2026-03-30T16:30:00.000Z" },
    });

    // The reminders already sent for the old time go out again for the new one.
    await ctx.database.db
      .update(pairSessions)
      .set({ tomorrowReminderAt: START, agendaReminderAt: START })
      .where(eq(pairSessions.id, sessionId));
    ctx.clock.advance(60_000);
    const moved = await lea.request("PATCH", `/api/sessions/${sessionId}`, { startsAt: "2026-04-01T09:30:00+02:00", minutes: 60 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      startsAt: "2026-04-01T07:30:00.000Z",
      endsAt: "2026-04-01T08:30:00.000Z",
      sequence: 1,
      agendaDueAt: "2026-03-30T07:30:00.000Z",
    });
    const [row] = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.id, sessionId));
    expect(row).toMatchObject({ tomorrowReminderAt: null, agendaReminderAt: null });
    const [update] = await invitationsTo(emailOf("henri"));
    expect(update?.content).toContain("METHOD:REQUEST");
    expect(icsField(update?.content ?? "", "UID")).toBe(uid);
    expect(icsField(update?.content ?? "", "SEQUENCE")).toBe("1");
    expect(update?.params).toMatchObject({ partnerName: "Lea Test", at: "2026-04-01T07:30:00.000Z" });

    ctx.clock.advance(60_000);
    const place = await henri.request("PATCH", `/api/sessions/${sessionId}`, { mode: "in_person", location: "Salle Jaune" });
    expect(place.json()).toMatchObject({ startsAt: "2026-04-01T07:30:00.000Z", mode: "in_person", location: "Salle Jaune", sequence: 2 });
    // Nothing changes: nothing is written, nobody is told.
    const same = await henri.request("PATCH", `/api/sessions/${sessionId}`, { location: "Salle Jaune" });
    expect(same.json().sequence).toBe(2);
    expect(await invitationsTo(emailOf("lea"))).toHaveLength(2);

    ctx.clock.advance(60_000);
    const cancelled = await henri.post(`/api/sessions/${sessionId}/cancel`, { reason: "Réunion de direction imprévue" });
    expect(cancelled.json()).toMatchObject({ status: "cancelled", sequence: 3 });
    const last = (await invitationsTo(emailOf("lea"))).at(-1);
    expect(last?.method).toBe("CANCEL");
    expect(last?.content).toContain("METHOD:CANCEL");
    expect(last?.content).toContain("STATUS:CANCELLED");
    expect(icsField(last?.content ?? "", "UID")).toBe(uid);
    expect(icsField(last?.content ?? "", "SEQUENCE")).toBe("3");
    expect((await lea.get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "session_cancelled" });
    expect((await henri.request("PATCH", `/api/sessions/${sessionId}`, { location: "Ailleurs" })).statusCode).toBe(409);
  });

  it("follows a new place (SEQUENCE + 1) without sending again the reminders that announced the same time", async () => {
    const { pairId, lea, henri, emailOf } = await activePair();
    const sessionId = (
      await henri.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-30T18:30:00+02:00", mode: "online", location: LINK })
    ).json().id as string;
    const sent = { tomorrowReminderAt: START, agendaReminderAt: START };
    await ctx.database.db.update(pairSessions).set(sent).where(eq(pairSessions.id, sessionId));
    const reminders = async () => {
      const [row] = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.id, sessionId));
      return { tomorrowReminderAt: row?.tomorrowReminderAt, agendaReminderAt: row?.agendaReminderAt };
    };

    // Another place, then a longer session: the same start and the same deadline, both reminders stay sent.
    ctx.clock.advance(60_000);
    const place = await lea.request("PATCH", `/api/sessions/${sessionId}`, { mode: "in_person", location: "Salle Jaune" });
    expect(place.json()).toMatchObject({ location: "Salle Jaune", sequence: 1, agendaDueAt: "2026-03-28T16:30:00.000Z" });
    const invitation = (await invitationsTo(emailOf("henri"))).at(-1)?.content ?? "";
    expect(icsField(invitation, "SEQUENCE")).toBe("1");
    // Its DTSTAMP is when this version was written (RFC 5545), not the session's start.
    expect(icsField(invitation, "DTSTAMP")).toBe("20260302T090100Z");
    expect(await reminders()).toEqual(sent);
    expect((await lea.request("PATCH", `/api/sessions/${sessionId}`, { minutes: 90 })).json().sequence).toBe(2);
    expect(await reminders()).toEqual(sent);

    // Another start: both go out again for it.
    expect((await lea.request("PATCH", `/api/sessions/${sessionId}`, { startsAt: "2026-03-31T18:30:00+02:00" })).statusCode).toBe(200);
    expect(await reminders()).toEqual({ tomorrowReminderAt: null, agendaReminderAt: null });
  });
});

describe("the scheduling rules", () => {
  it("waits for canStartSessions: a pair at the intro coffee, then a preparation not finished, get a 409 that says so", async () => {
    const intro = await activePair({}, "intro");
    const body = { startsAt: "2026-03-30T18:30:00+02:00", mode: "online", location: LINK };
    const notActive = await intro.henri.post(`/api/pairs/${intro.pairId}/sessions`, body);
    expect(notActive.statusCode).toBe(409);
    expect(notActive.json().error).toMatchObject({
      code: "SESSIONS_NOT_OPEN",
      message: expect.stringMatching(/^Les séances commencent quand/),
    });
    expect((await intro.henri.get(`/api/pairs/${intro.pairId}/session-proposals`)).statusCode).toBe(409);

    const onboarding = await activePair({ requiresOnboarding: true });
    const waiting = await onboarding.lea.post(`/api/pairs/${onboarding.pairId}/sessions`, body);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().error.message).toMatch(/^Les séances commencent quand vous avez tous les deux terminé votre préparation/);
    expect(await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.pairId, onboarding.pairId))).toEqual([]);
  });

  it("refuses a time in the past, outside the programme or over another session, and a place the mode does not fit, naming the field", async () => {
    const { pairId, lea, henri } = await activePair({ format: "online" });
    const schedule = (body: Record<string, unknown>) =>
      lea.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-30T18:30:00+02:00", mode: "online", location: LINK, ...body });
    const details = async (body: Record<string, unknown>) => {
      const response = await schedule(body);
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`);
    };
    expect(await details({ startsAt: "2026-03-01T10:00:00+01:00" })).toEqual(["startsAt: Choisissez une date et une heure à venir."]);
    expect(await details({ startsAt: "2026-09-09T23:30:00+02:00" })).toEqual([
      "startsAt: La séance doit avoir lieu pendant le programme, du 9 mars 2026 au 9 septembre 2026.",
    ]);
    expect(await details({ startsAt: "2026-03-08T10:00:00+01:00" })).toHaveLength(1);
    expect(await details({ mode: "in_person", location: "Salle Jaune" })).toEqual([
      "mode: Ce programme prévoit des séances à distance uniquement.",
    ]);
    expect(await details({ location: "Salle Jaune" })).toEqual(["location: Indiquez une adresse web commençant par http:// ou https://."]);
    expect(await details({ location: "" })).toEqual(["location: Ce champ est obligatoire."]);
    expect(await details({ startsAt: "2026-03-30T18:30:00" })).toHaveLength(1);

    expect((await schedule({})).statusCode).toBe(201);
    expect(await details({ startsAt: "2026-03-30T19:00:00+02:00" })).toEqual([
      "startsAt: Votre binôme a déjà une séance prévue sur ce créneau.",
    ]);
    // Right after it ends is fine; the partner may schedule too.
    const next = await henri.post(`/api/pairs/${pairId}/sessions`, {
      startsAt: "2026-03-30T19:15:00+02:00",
      mode: "online",
      location: LINK,
    });
    expect(next.statusCode, next.body).toBe(201);
    // Moving one over the other is refused the same way.
    const moved = await henri.request("PATCH", `/api/sessions/${next.json().id}`, { startsAt: "2026-03-30T18:45:00+02:00" });
    expect(moved.json().error.details[0].path).toBe("startsAt");
  });

  it("takes an outcome only once the session has started, and corrects held ↔ missed", async () => {
    const { pairId, lea, henri, people } = await activePair();
    const { id } = (
      await lea.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-17T12:30:00+01:00", mode: "online", location: LINK })
    ).json();
    const early = await henri.post(`/api/sessions/${id}/outcome`, { status: "held" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("SESSION_NOT_STARTED");
    expect((await henri.get(`/api/sessions/${id}`)).json()).toMatchObject({ hasStarted: false, status: "scheduled" });

    ctx.clock.set(new Date("2026-03-17T11:31:00Z"));
    await people.relogin();
    expect((await henri.get(`/api/sessions/${id}`)).json().hasStarted).toBe(true);
    expect((await henri.post(`/api/sessions/${id}/outcome`, { status: "held" })).json()).toMatchObject({ status: "held", number: 1 });
    const [row] = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.id, id));
    expect(row).toMatchObject({ status: "held", statusByPersonId: people.ids.henri, statusAt: new Date("2026-03-17T11:31:00Z") });
    expect((await lea.post(`/api/sessions/${id}/outcome`, { status: "missed" })).json().status).toBe("missed");
    expect((await lea.post(`/api/sessions/${id}/outcome`, { status: "cancelled" })).statusCode).toBe(400);
    expect((await lea.post(`/api/sessions/${id}/cancel`, { reason: "Trop tard" })).statusCode).toBe(409);
    expect((await lea.request("PATCH", `/api/sessions/${id}`, { minutes: 30 })).statusCode).toBe(409);

    const cancelled = await givenSession(ctx.database, pairId, { startsAt: new Date("2026-03-16T10:00:00Z"), status: "cancelled" });
    expect((await lea.post(`/api/sessions/${cancelled}/outcome`, { status: "held" })).json().error.message).toMatch(/annulée/);
  });
});

describe("who sees what", () => {
  it("gives a manager the dates only: 403 on the session and on every change; another participant 404 everywhere", async () => {
    const { pairId, henri, hr, outsider } = await activePair();
    const { id } = (
      await henri.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-17T12:30:00+01:00", mode: "online", location: LINK })
    ).json();
    const body = { startsAt: "2026-03-24T12:30:00+01:00", mode: "online", location: LINK };
    expect((await hr.get(`/api/sessions/${id}`)).statusCode).toBe(403);
    expect((await hr.post(`/api/pairs/${pairId}/sessions`, body)).statusCode).toBe(403);
    expect((await hr.get(`/api/pairs/${pairId}/session-proposals`)).statusCode).toBe(403);
    expect((await hr.request("PATCH", `/api/sessions/${id}`, { minutes: 30 })).statusCode).toBe(403);
    expect((await hr.post(`/api/sessions/${id}/cancel`, { reason: "x" })).statusCode).toBe(403);
    expect((await hr.post(`/api/sessions/${id}/outcome`, { status: "held" })).statusCode).toBe(403);
    const managerList = await hr.get(`/api/pairs/${pairId}/sessions`);
    expect(managerList.body).not.toContain("visio.example.com");

    for (const response of [
      await outsider.get(`/api/sessions/${id}`),
      await outsider.post(`/api/pairs/${pairId}/sessions`, body),
      await outsider.get(`/api/pairs/${pairId}/session-proposals`),
      await outsider.request("PATCH", `/api/sessions/${id}`, { minutes: 30 }),
      await outsider.post(`/api/sessions/${id}/cancel`, { reason: "x" }),
      await outsider.post(`/api/sessions/${id}/outcome`, { status: "held" }),
      await henri.get("/api/sessions/00000000-0000-4000-8000-000000000000"),
    ])
      expect(response.statusCode).toBe(404);
    const [row] = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.id, id));
    expect(row).toMatchObject({ status: "scheduled", sequence: 0 });
  });

  it("shows a session in the reader's time zone, Paris by default", async () => {
    const { pairId, henri, lea, people } = await activePair();
    await ctx.database.db
      .update(peopleTable)
      .set({ timeZone: "America/Montreal" })
      .where(eq(peopleTable.id, people.ids.lea as string));
    const { id } = (
      await henri.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-17T12:30:00+01:00", mode: "online", location: LINK })
    ).json();
    expect((await henri.get(`/api/sessions/${id}`)).json()).toMatchObject({
      myTimeZone: "Europe/Paris",
      myRole: "mentee",
      startsAt: "2026-03-17T11:30:00.000Z",
    });
    expect((await lea.get(`/api/sessions/${id}`)).json()).toMatchObject({ myTimeZone: "America/Montreal", myRole: "mentor" });
  });
});

describe("the proposed times", () => {
  it("are three working days at times both gave, skipping a French public holiday (Ascension, 14 May 2026)", async () => {
    const { pairId, henri, people } = await activePair();
    // Both profiles: Tuesday lunchtime and Thursday morning. Tuesday 12 May, 10:00 Paris.
    ctx.clock.set(new Date("2026-05-12T08:00:00Z"));
    await people.relogin();
    const proposals = (await henri.get(`/api/pairs/${pairId}/session-proposals`)).json();
    expect(proposals).toEqual({
      basis: "both",
      timeZone: "Europe/Paris",
      format: "both",
      minutes: 45,
      items: [
        { startsAt: "2026-05-19T10:30:00.000Z", endsAt: "2026-05-19T11:15:00.000Z" },
        { startsAt: "2026-05-21T07:30:00.000Z", endsAt: "2026-05-21T08:15:00.000Z" },
        { startsAt: "2026-05-26T10:30:00.000Z", endsAt: "2026-05-26T11:15:00.000Z" },
      ],
    });
  });

  it("follow the programme's cadence after the last session, clear of the sessions already scheduled", async () => {
    const { pairId, henri, lea } = await activePair();
    await henri.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-10T12:30:00+01:00", mode: "online", location: LINK });
    // Two weeks later is Tuesday 24 March; the search starts two days before, on Sunday 22.
    const proposals = (await lea.get(`/api/pairs/${pairId}/session-proposals`)).json();
    expect(proposals.items.map((p: { startsAt: string }) => p.startsAt)).toEqual([
      "2026-03-24T11:30:00.000Z",
      "2026-03-26T08:30:00.000Z",
      "2026-03-31T10:30:00.000Z",
    ]);
    await henri.post(`/api/pairs/${pairId}/sessions`, { startsAt: "2026-03-24T12:00:00+01:00", mode: "online", location: LINK });
    // The last session is now the 24th: two weeks later, 7 April.
    const after = (await lea.get(`/api/pairs/${pairId}/session-proposals`)).json();
    expect(after.items[0].startsAt).toBe("2026-04-07T10:30:00.000Z");
    const taken = await ctx.database.db
      .select()
      .from(pairSessions)
      .where(and(eq(pairSessions.pairId, pairId), eq(pairSessions.status, "scheduled")));
    expect(taken).toHaveLength(2);
  });
});

describe("a pair that closes", () => {
  /** The events of a person's subscription feed: UID → STATUS. */
  async function feedOf(client: Awaited<ReturnType<typeof activePair>>["lea"]) {
    const url = (await client.post("/api/me/calendar-feed")).json().url as string;
    const body = (await ctx.app.inject({ method: "GET", url: new URL(url).pathname })).body;
    return new Map(
      body
        .split("BEGIN:VEVENT")
        .slice(1)
        .map((event) => [icsField(event, "UID") ?? "", icsField(event, "STATUS") ?? ""]),
    );
  }
  const uidOf = (id: string) => `session-${id}@passerelle`;

  it("cancels its sessions to come once ended: both people told, with the calendar's CANCEL; the past ones stay", async () => {
    const { pairId, lea, henri, hr, emailOf } = await activePair();
    const schedule = async (startsAt: string) =>
      (await lea.post(`/api/pairs/${pairId}/sessions`, { startsAt, mode: "online", location: LINK })).json().id as string;
    const first = await schedule("2026-03-17T12:30:00+01:00");
    const second = await schedule("2026-03-31T12:30:00+02:00");
    const past = await givenSession(ctx.database, pairId, { startsAt: new Date("2026-02-20T10:00:00Z") });
    await ctx.runJobs();
    const sent = { lea: (await invitationsTo(emailOf("lea"))).length, henri: (await invitationsTo(emailOf("henri"))).length };

    ctx.clock.advance(60_000);
    expect((await henri.post(`/api/pairs/${pairId}/end`, { reason: "no_time" })).statusCode).toBe(200);
    await ctx.runJobs();

    const rows = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.pairId, pairId));
    const row = (id: string) => rows.find((r) => r.id === id);
    for (const id of [first, second])
      expect(row(id)).toMatchObject({
        status: "cancelled",
        sequence: 1,
        cancelReason: PAIR_CLOSED_CANCEL_REASON,
        statusAt: ctx.clock.now(),
        statusByPersonId: null,
      });
    expect(row(past)).toMatchObject({ status: "scheduled", sequence: 0, cancelReason: null });

    // Both people: a CANCEL per session, with the other person's name.
    for (const [key, partnerName] of [
      ["lea", "Henri Test"],
      ["henri", "Lea Test"],
    ] as const) {
      const cancels = (await invitationsTo(emailOf(key))).slice(sent[key]);
      expect(cancels.map((c) => [c.method, icsField(c.content, "UID"), icsField(c.content, "STATUS")])).toEqual(
        expect.arrayContaining([
          ["CANCEL", uidOf(first), "CANCELLED"],
          ["CANCEL", uidOf(second), "CANCELLED"],
        ]),
      );
      expect(cancels).toHaveLength(2);
      expect(cancels[0]?.params).toMatchObject({ partnerName, reason: "pair_closed" });
      expect(icsField(cancels[0]?.content ?? "", "SEQUENCE")).toBe("1");
    }
    // The feeds follow; the managers see no session to come.
    for (const client of [lea, henri]) {
      const feed = await feedOf(client);
      expect([feed.get(uidOf(first)), feed.get(uidOf(second)), feed.get(uidOf(past))]).toEqual(["CANCELLED", "CANCELLED", "CONFIRMED"]);
    }
    expect(
      (await hr.get(`/api/pairs/${pairId}/sessions`)).json().items.map((s: { id: string; status: string }) => [s.id, s.status]),
    ).toEqual([
      [past, "scheduled"],
      [first, "cancelled"],
      [second, "cancelled"],
    ]);

    // Run again, nothing more is cancelled nor sent.
    const before = { lea: (await invitationsTo(emailOf("lea"))).length, henri: (await invitationsTo(emailOf("henri"))).length };
    await cancelSessionsOfClosedPair(pairId, { database: ctx.database, clock: ctx.clock, mail: ctx.mail });
    expect({ lea: (await invitationsTo(emailOf("lea"))).length, henri: (await invitationsTo(emailOf("henri"))).length }).toEqual(before);
    const [again] = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.id, second));
    expect(again?.sequence).toBe(1);
  });

  it("cancels them when both complete the pair, when a manager completes it, and when its programme closes", async () => {
    const cases = [
      async (w: Awaited<ReturnType<typeof activePair>>) => {
        await w.lea.post(`/api/pairs/${w.pairId}/complete`, {});
        await w.henri.post(`/api/pairs/${w.pairId}/complete`, {});
      },
      async (w: Awaited<ReturnType<typeof activePair>>) => void (await w.hr.post(`/api/pairs/${w.pairId}/complete`, {})),
      async (w: Awaited<ReturnType<typeof activePair>>) =>
        void (await w.hr.post(`/api/programmes/${w.programmeId}/phase`, { phase: "closed" })),
    ];
    for (const [index, close] of cases.entries()) {
      const world = await activePair();
      const { id } = (
        await world.henri.post(`/api/pairs/${world.pairId}/sessions`, {
          startsAt: "2026-03-17T12:30:00+01:00",
          mode: "online",
          location: LINK,
        })
      ).json();
      // The first one's request alone closes nothing.
      if (index === 0) {
        await world.lea.post(`/api/pairs/${world.pairId}/complete`, {});
        await ctx.runJobs();
        const [open] = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.id, id));
        expect(open?.status).toBe("scheduled");
      }
      await close(world);
      await ctx.runJobs();
      const [row] = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.id, id));
      expect(row?.status, String(index)).toBe("cancelled");
      expect((await invitationsTo(world.emailOf("henri"))).at(-1)?.method, String(index)).toBe("CANCEL");
    }
  });
});
