import { eq, sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { calendarFeeds, pairSessions, people, users } from "../../db/schema.ts";
import { manualClock } from "../../platform/clock/clock.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { givenSession } from "../../test/session-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";

/**
 * Calendars through the HTTP API: one session's .ics (its pair's two people only), and the private
 * subscription feed (create, replace, revoke; no cookie needed). Run under TZ=Asia/Kathmandu: a time
 * written in the server's zone would show.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.set(new Date("2026-03-20T09:00:00Z"));
});
afterAll(() => ctx.close());

/** 18:30 in Paris on 30 March 2026, the day after the change to summer time (UTC+2). */
const PARIS_1830 = new Date("2026-03-30T16:30:00Z");

function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  for (const tz of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return component;
}

function eventsOf(ics: string) {
  return parse(ics)
    .getAllSubcomponents("vevent")
    .map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: Number(vevent.getFirstPropertyValue("sequence")),
        status: String(vevent.getFirstPropertyValue("status")),
        start: event.startDate.toJSDate().toISOString(),
        zone: event.startDate.zone?.tzid,
        summary: event.summary,
      };
    });
}

/** Léa (mentor) and Paul (mentee) in an active pair whose sessions may start, and Zoé outside it. */
async function activePair() {
  const hr = await newManager(ctx);
  const who = await cast(ctx, [
    { key: "lea", profile: mentorProfile(["excel"]), withAccount: true },
    { key: "paul", profile: menteeProfile(["excel"]), withAccount: true },
    { key: "zoe", profile: menteeProfile(["excel"]), withAccount: true },
  ]);
  const { pairId } = await publishedPair(hr, { cast: who, mentor: "lea", mentee: "paul" }, "active", { requiresOnboarding: false });
  return { hr, who, pairId };
}

const icsOf = (id: string) => `/api/sessions/${id}/calendar.ics`;
/** The feed URL's path (the app answers it through inject: no cookie, no header). */
const pathOf = (url: string) => new URL(url).pathname;
const anonymousGet = (url: string) => ctx.app.inject({ method: "GET", url: pathOf(url) });

describe("a session's calendar file", () => {
  it("is 18:30 in Paris on 30 March 2026 (16:30 UTC) whatever the server's zone, named after its day", async () => {
    const { who, pairId } = await activePair();
    const sessionId = await givenSession(ctx.database, pairId, { startsAt: PARIS_1830 });
    const response = await (await who.as("paul")).get(icsOf(sessionId));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="seance-2026-03-30.ics"');
    expect(response.body).toContain("DTSTART;TZID=Europe/Paris:20260330T183000");
    const [event] = eventsOf(response.body);
    expect(event).toMatchObject({
      uid: `session-${sessionId}@passerelle`,
      start: "2026-03-30T16:30:00.000Z",
      zone: "Europe/Paris",
      status: "CONFIRMED",
      summary: "Mentorat inversé avec Lea Test",
    });
    // The other person of the pair reads it too, with Paul as the partner.
    const lea = await (await who.as("lea")).get(icsOf(sessionId));
    expect(lea.statusCode).toBe(200);
    expect(eventsOf(lea.body)[0]?.summary).toBe("Mentorat inversé avec Paul Test");
  });

  it("is for the pair's two people only: 404 for another participant or an unknown session, 403 for a manager, 401 without a session", async () => {
    const { hr, who, pairId } = await activePair();
    const sessionId = await givenSession(ctx.database, pairId, { startsAt: PARIS_1830 });
    const zoe = await who.as("zoe");
    expect((await zoe.get(icsOf(sessionId))).statusCode).toBe(404);
    expect((await hr.get(icsOf(sessionId))).statusCode).toBe(403);
    expect((await (await who.as("paul")).get(icsOf("00000000-0000-4000-8000-00000000c001"))).statusCode).toBe(404);
    const anonymous = await new TestClient(ctx.app).get(icsOf(sessionId));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain("BEGIN:VCALENDAR");
    expect((await zoe.get(icsOf(sessionId))).json().error.code).toBe("NOT_FOUND");
  });

  it("keeps its UID when rescheduled, with a higher SEQUENCE, and says CANCELLED once cancelled", async () => {
    const { who, pairId } = await activePair();
    const sessionId = await givenSession(ctx.database, pairId, { startsAt: PARIS_1830 });
    const paul = await who.as("paul");
    const first = eventsOf((await paul.get(icsOf(sessionId))).body)[0];

    // Rescheduled to Thursday 2 April, 18:30 in Paris, as the sessions context writes it: the time, and the sequence raised.
    const movedTo = new Date("2026-04-02T16:30:00Z");
    await ctx.database.db
      .update(pairSessions)
      .set({ startsAt: movedTo, endsAt: new Date(movedTo.getTime() + 3_600_000), sequence: sql`${pairSessions.sequence} + 1` })
      .where(eq(pairSessions.id, sessionId));
    const moved = await paul.get(icsOf(sessionId));
    expect(moved.headers["content-disposition"]).toBe('attachment; filename="seance-2026-04-02.ics"');
    const second = eventsOf(moved.body)[0];
    expect(second?.uid).toBe(first?.uid);
    expect(second?.start).toBe("2026-04-02T16:30:00.000Z");
    expect(second?.sequence).toBeGreaterThan(first?.sequence ?? Number.POSITIVE_INFINITY);

    await ctx.database.db
      .update(pairSessions)
      .set({ status: "cancelled", sequence: sql`${pairSessions.sequence} + 1` })
      .where(eq(pairSessions.id, sessionId));
    const cancelled = eventsOf((await paul.get(icsOf(sessionId))).body)[0];
    expect(cancelled).toMatchObject({ uid: first?.uid, status: "CANCELLED" });
    expect(cancelled?.sequence).toBeGreaterThan(second?.sequence ?? Number.POSITIVE_INFINITY);
  });

  it("follows the sessions API: moved, the same UID with a higher SEQUENCE; cancelled, STATUS:CANCELLED", async () => {
    const { who, pairId } = await activePair();
    const sessionId = await givenSession(ctx.database, pairId, { startsAt: PARIS_1830 });
    const [paul, lea] = [await who.as("paul"), await who.as("lea")];
    const first = eventsOf((await paul.get(icsOf(sessionId))).body)[0];

    const moved = await lea.patch(`/api/sessions/${sessionId}`, { startsAt: "2026-04-02T18:30:00+02:00" });
    expect(moved.statusCode).toBe(200);
    const second = eventsOf((await paul.get(icsOf(sessionId))).body)[0];
    expect(second).toMatchObject({ uid: first?.uid, start: "2026-04-02T16:30:00.000Z", status: "CONFIRMED" });
    expect(second?.sequence).toBeGreaterThan(first?.sequence ?? Number.POSITIVE_INFINITY);

    const cancelled = await paul.post(`/api/sessions/${sessionId}/cancel`, { reason: "Un empêchement" });
    expect(cancelled.statusCode).toBe(200);
    const third = eventsOf((await lea.get(icsOf(sessionId))).body)[0];
    expect(third).toMatchObject({ uid: first?.uid, status: "CANCELLED" });
    expect(third?.sequence).toBeGreaterThan(second?.sequence ?? Number.POSITIVE_INFINITY);
  });

  it("is written in the reader's time zone and language", async () => {
    const { who, pairId } = await activePair();
    const sessionId = await givenSession(ctx.database, pairId, { startsAt: PARIS_1830 });
    await ctx.database.db
      .update(people)
      .set({ timeZone: "America/Montreal" })
      .where(eq(people.id, who.ids.lea as string));
    await ctx.database.db
      .update(users)
      .set({ locale: "en" })
      .where(eq(users.personId, who.ids.lea as string));
    const lea = await (await who.as("lea")).get(icsOf(sessionId));
    // 16:30 UTC is 12:30 in Montreal (EDT, UTC−4); the file is named after that day, in English.
    expect(lea.body).toContain("DTSTART;TZID=America/Montreal:20260330T123000");
    expect(lea.headers["content-disposition"]).toBe('attachment; filename="session-2026-03-30.ics"');
    expect(eventsOf(lea.body)[0]).toMatchObject({
      start: "2026-03-30T16:30:00.000Z",
      zone: "America/Montreal",
      summary: "Reverse mentoring with Paul Test",
    });
    // Paul's own file stays in Paris.
    expect((await (await who.as("paul")).get(icsOf(sessionId))).body).toContain("DTSTART;TZID=Europe/Paris:20260330T183000");
  });
});

describe("my calendar subscription feed", () => {
  it("lists my sessions without a cookie, not another pair's; replaced or revoked, the old URL answers 404", async () => {
    const { who, pairId } = await activePair();
    const mine = [
      await givenSession(ctx.database, pairId, { startsAt: PARIS_1830 }),
      await givenSession(ctx.database, pairId, { startsAt: new Date("2026-04-13T10:30:00Z"), status: "cancelled" }),
    ];
    const other = await activePair();
    const theirs = await givenSession(ctx.database, other.pairId, { startsAt: PARIS_1830 });
    const paul = await who.as("paul");

    expect((await paul.get("/api/me/calendar-feed")).json()).toEqual({ isActive: false, createdAt: null });
    const created = await paul.post("/api/me/calendar-feed");
    expect(created.statusCode).toBe(200);
    const { url } = created.json() as { url: string };
    expect(url).toMatch(/^http:\/\/passerelle\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await paul.get("/api/me/calendar-feed")).json()).toEqual({ isActive: true, createdAt: ctx.clock.now().toISOString() });

    const feed = await anonymousGet(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const events = eventsOf(feed.body);
    expect(events.map((e) => e.uid)).toEqual(mine.map((id) => `session-${id}@passerelle`));
    expect(events.map((e) => e.status)).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(events[0]?.start).toBe("2026-03-30T16:30:00.000Z");
    expect(feed.body).not.toContain(theirs);
    expect(feed.body).toContain("X-WR-CALNAME:Passerelle — mes séances de mentorat inversé");

    // Only the token's hash is stored.
    const token = pathOf(url)
      .split("/")
      .pop()
      ?.replace(/\.ics$/, "") as string;
    const rows = await ctx.database.db.select().from(calendarFeeds);
    expect(rows.some((r) => r.tokenHash === token || r.tokenHash.includes(token))).toBe(false);

    // Replaced: a new URL works, the old one answers 404.
    const replaced = (await paul.post("/api/me/calendar-feed")).json().url as string;
    expect(replaced).not.toBe(url);
    expect((await anonymousGet(url)).statusCode).toBe(404);
    expect((await anonymousGet(replaced)).statusCode).toBe(200);

    // Revoked: 404 (in the error envelope), and nothing left to say it exists.
    const revoked = await paul.request("DELETE", "/api/me/calendar-feed");
    expect(revoked.statusCode).toBe(204);
    const gone = await anonymousGet(replaced);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe("NOT_FOUND");
    expect((await paul.get("/api/me/calendar-feed")).json()).toEqual({ isActive: false, createdAt: null });
    expect((await paul.request("DELETE", "/api/me/calendar-feed")).statusCode).toBe(204);

    // Created again: a new URL that works, the revoked ones stay dead.
    const again = (await paul.post("/api/me/calendar-feed")).json().url as string;
    expect((await anonymousGet(again)).statusCode).toBe(200);
    expect((await anonymousGet(url)).statusCode).toBe(404);
    expect((await anonymousGet(replaced)).statusCode).toBe(404);
  });

  it("is each account's own: Léa's feed is not Paul's, and a made-up token is a 404", async () => {
    const { who, pairId } = await activePair();
    await givenSession(ctx.database, pairId, { startsAt: PARIS_1830 });
    const paulUrl = (await (await who.as("paul")).post("/api/me/calendar-feed")).json().url as string;
    const leaUrl = (await (await who.as("lea")).post("/api/me/calendar-feed")).json().url as string;
    expect(leaUrl).not.toBe(paulUrl);
    expect(eventsOf((await anonymousGet(paulUrl)).body)[0]?.summary).toBe("Mentorat inversé avec Lea Test");
    expect(eventsOf((await anonymousGet(leaUrl)).body)[0]?.summary).toBe("Mentorat inversé avec Paul Test");
    // Léa revoking hers leaves Paul's alone.
    await (await who.as("lea")).request("DELETE", "/api/me/calendar-feed");
    expect((await anonymousGet(leaUrl)).statusCode).toBe(404);
    expect((await anonymousGet(paulUrl)).statusCode).toBe(200);
  });

  it("answers 404 to a feed link cut, mangled or made up, in the error envelope, whatever is wrong with it", async () => {
    const { who } = await activePair();
    const url = (await (await who.as("paul")).post("/api/me/calendar-feed")).json().url as string;
    const token = /\/api\/calendar\/([^/]+)\.ics$/.exec(url)?.[1] as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const mangled of [
      "pas-un-jeton",
      token.slice(0, -1),
      `${token}x`,
      `${token.slice(0, -1)}=`,
      `${token}%00`,
      `%00${token.slice(1)}`,
      "x".repeat(500),
      `${token}${"%20".repeat(40)}`,
      `${token.slice(0, 20)}%ZZ${token.slice(22)}`,
      `${token.slice(0, 20)}%E9${token.slice(21)}`,
    ]) {
      const response = await ctx.app.inject({ method: "GET", url: `/api/calendar/${mangled}.ics` });
      expect(response.statusCode, mangled).toBe(404);
      expect(response.json().error.code, mangled).toBe("NOT_FOUND");
      expect(response.body, mangled).not.toContain(token.slice(0, 20));
    }
    expect((await anonymousGet(url)).statusCode).toBe(200);
  });

  it("needs a session to create, read or revoke (with a CSRF token to change it)", async () => {
    const anonymous = new TestClient(ctx.app);
    expect((await anonymous.get("/api/me/calendar-feed")).statusCode).toBe(401);
    expect((await anonymous.post("/api/me/calendar-feed")).statusCode).toBe(401);
    expect((await anonymous.request("DELETE", "/api/me/calendar-feed")).statusCode).toBe(401);
    const { who } = await activePair();
    const paul = await who.as("paul");
    expect((await paul.post("/api/me/calendar-feed", {}, { csrf: false })).statusCode).toBe(403);
  });

  it("is an empty calendar for an account with no directory entry, and stops with a disabled account", async () => {
    await createUser(ctx, { email: "admin-agenda@exemple.fr", roles: ["admin"], locale: "en" });
    const admin = new TestClient(ctx.app);
    await admin.login("admin-agenda@exemple.fr");
    const url = (await admin.post("/api/me/calendar-feed")).json().url as string;
    const feed = await anonymousGet(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain("BEGIN:VCALENDAR");
    expect(feed.body).toContain("X-WR-CALNAME:Passerelle — my reverse-mentoring sessions");
    expect(eventsOf(feed.body)).toEqual([]);
    await ctx.database.db.update(users).set({ status: "disabled" }).where(eq(users.email, "admin-agenda@exemple.fr"));
    expect((await anonymousGet(url)).statusCode).toBe(404);
  });

  it("never writes its token in the logs", async () => {
    const lines: string[] = [];
    const app = await buildApp({
      database: ctx.database,
      clock: manualClock(ctx.clock.now()),
      config: ctx.config,
      logger: { level: "info", stream: { write: (line: string) => lines.push(line) } },
    });
    try {
      await app.ready();
      const { who } = await activePair();
      const paul = await who.as("paul");
      const url = (await paul.post("/api/me/calendar-feed")).json().url as string;
      const token = pathOf(url)
        .split("/")
        .pop()
        ?.replace(/\.ics$/, "") as string;
      expect((await app.inject({ method: "GET", url: pathOf(url) })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: `${pathOf(url)}?x=1` })).statusCode).toBe(200);
      await paul.request("DELETE", "/api/me/calendar-feed");
      expect((await app.inject({ method: "GET", url: pathOf(url) })).statusCode).toBe(404);
      const logged = lines.join("\n");
      expect(logged).toContain("/api/calendar/[redacted]");
      expect(logged).not.toContain(token);
    } finally {
      await app.close();
    }
  });
});
