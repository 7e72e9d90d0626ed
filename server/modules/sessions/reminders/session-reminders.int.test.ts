import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItems, agendaItems, programmes } from "../../../db/schema.ts";
import { enqueue } from "../../../platform/jobs/job-queue.ts";
import { type Cast, cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../../test/programme-builders.ts";
import { givenSession } from "../../../test/session-builders.ts";
import { type SmtpTestServer, startTestAppWithSmtp } from "../../../test/smtp-test-server.ts";
import type { TestContext } from "../../../test/test-app.ts";
import { sessionUid } from "../../calendar/index.ts";
import { sendSessionReminders } from "../index.ts";

/**
 * The hourly session reminders, with a real SMTP server. The sweep reads the whole database: each test
 * works in weeks of its own (later tests later in the year), so that the sessions and action items of
 * earlier tests are in the past by then and the counts are the test's own. Run with TZ=Asia/Kathmandu.
 */
let smtp: SmtpTestServer;
let ctx: TestContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ smtp, ctx, close } = await startTestAppWithSmtp());
});
afterAll(() => close());

const NOTHING = { tomorrow: 0, agendaDue: 0, actionItems: 0, quiet: 0 };

/** A pair of two people with accounts (mentor first), active, in a programme of its own (running since the publication). */
async function activePair(keys: [string, string]) {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: keys[0], profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: keys[1], profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
  ]);
  const { pairId, programmeId } = await publishedPair(hr, { cast: people, mentor: keys[0], mentee: keys[1] }, "active", {
    requiresOnboarding: false,
  });
  return { people, pairId, programmeId, hr };
}

const emailOf = (people: Cast, key: string) => `${people.employeeIds(key)[0]}@exemple.fr`;

/** This person's notifications of one kind, read through the API (logged in again: the clock may have moved). */
async function bell(people: Cast, key: string, kind: string) {
  await people.relogin();
  const items = (await (await people.as(key)).get("/api/me/notifications")).json().items as {
    kind: string;
    params: Record<string, string>;
    link: string;
  }[];
  return items.filter((n) => n.kind === kind);
}

/**
 * A scheduled (or `status`) session whose agenda is due only at its start: no "agenda due" reminder in tests
 * of the other kinds.
 */
const session = (pairId: string, startsAt: Date, status: "scheduled" | "held" | "cancelled" = "scheduled") =>
  givenSession(ctx.database, pairId, { startsAt, status, agendaDeadlineHours: 0 });

/** A Paris wall-clock time as an instant (summer time: UTC+2, from 29 March to 25 October 2026). */
const paris = (local: string) => new Date(`${local}+02:00`);

describe("session tomorrow", () => {
  it("reaches both people once, in their language, by their channel, the email with the session's invitation", async () => {
    const a = await activePair(["chloe", "gerard"]);
    const b = await activePair(["ines", "bernard"]);
    // Gerard reads English; Ines wants session reminders in the app only.
    expect((await (await a.people.as("gerard")).patch("/api/me", { locale: "en" })).statusCode).toBe(200);
    const ines = await b.people.as("ines");
    expect(
      (await ines.request("PUT", "/api/me/notification-preferences", { items: [{ kind: "session_tomorrow", channel: "app" }] })).statusCode,
    ).toBe(200);
    await ctx.runJobs();
    const mark = smtp.received.length;

    // Monday 11 May 2026, 10:00 in Paris.
    ctx.clock.set(paris("2026-05-11T10:00:00"));
    const tomorrow = await session(a.pairId, paris("2026-05-12T18:30:00"));
    await session(a.pairId, paris("2026-05-13T09:30:00"));
    await session(a.pairId, paris("2026-05-12T12:30:00"), "cancelled");
    await session(a.pairId, paris("2026-05-12T08:00:00"), "held");
    await session(b.pairId, paris("2026-05-12T12:30:00"));

    expect(await sendSessionReminders(ctx)).toEqual({ ...NOTHING, tomorrow: 2 });
    // Again, as the hourly job (and as a second instance would): nothing more.
    expect(await sendSessionReminders(ctx)).toEqual(NOTHING);
    await ctx.database.db.transaction((tx) => enqueue(tx, "session-reminders", {}));
    await ctx.runJobs();

    const mails = (people: Cast, key: string) => smtp.received.slice(mark).filter((m) => m.to === emailOf(people, key));
    const [toChloe, ...moreToChloe] = mails(a.people, "chloe");
    const [toGerard, ...moreToGerard] = mails(a.people, "gerard");
    expect([moreToChloe, moreToGerard]).toEqual([[], []]);
    expect(toChloe?.subject).toBe("Rappel : votre séance avec Gerard Test a lieu demain, le 12 mai 2026 à 18:30.");
    expect(toGerard?.subject).toBe("Reminder: your session with Chloe Test is tomorrow, 12 May 2026 at 18:30.");
    expect(toGerard?.text).toContain("Reminder: your session with Chloe Test is tomorrow");
    for (const mail of [toChloe, toGerard]) {
      const invitation = mail?.parsed.attachments.find((part) => part.contentType === "text/calendar");
      // Unfolded (long lines of an .ics go on with a space).
      const ics = invitation?.content.toString().replace(/\r\n /g, "");
      expect(ics).toContain("METHOD:REQUEST");
      expect(ics).toContain(`UID:${sessionUid(tomorrow)}`);
      expect(mail?.parsed.headerLines.find((h) => h.key === "content-type")?.line).toMatch(/multipart/);
    }
    // The calendar file speaks the reader's language.
    expect(toGerard?.parsed.attachments.find((p) => p.contentType === "text/calendar")?.content.toString()).toContain(
      "Reverse mentoring with Chloe Test",
    );
    expect(mails(b.people, "ines")).toEqual([]);
    expect(mails(b.people, "bernard")).toHaveLength(1);

    expect(await bell(a.people, "chloe", "session_tomorrow")).toEqual([
      expect.objectContaining({
        params: { partnerName: "Gerard Test", at: "2026-05-12T16:30:00.000Z" },
        link: `/pairs/${a.pairId}/sessions/${tomorrow}`,
      }),
    ]);
    expect(await bell(a.people, "gerard", "session_tomorrow")).toHaveLength(1);
    expect(await bell(b.people, "ines", "session_tomorrow")).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ partnerName: "Bernard Test" }) }),
    ]);
  });

  it("reminds a rescheduled session again for its new date, and neither a cancelled nor a held one", async () => {
    const { people, pairId } = await activePair(["ada", "yves"]);
    ctx.clock.set(paris("2026-06-01T10:00:00"));
    const moved = await session(pairId, paris("2026-06-02T10:00:00"));
    const cancelled = await session(pairId, paris("2026-06-04T14:00:00"));
    await session(pairId, paris("2026-06-04T07:00:00"), "held");
    expect(await sendSessionReminders(ctx)).toMatchObject({ tomorrow: 1 });

    // On Tuesday morning Ada moves the session to Thursday (its reminders' markers are cleared) and cancels the other.
    ctx.clock.set(paris("2026-06-02T08:00:00"));
    await people.relogin();
    const ada = await people.as("ada");
    expect((await ada.patch(`/api/sessions/${moved}`, { startsAt: "2026-06-04T10:00:00+02:00" })).statusCode).toBe(200);
    expect((await ada.post(`/api/sessions/${cancelled}/cancel`, { reason: "Un imprévu" })).statusCode).toBe(200);
    ctx.clock.set(paris("2026-06-02T09:00:00"));
    expect((await sendSessionReminders(ctx)).tomorrow).toBe(0);
    ctx.clock.set(paris("2026-06-03T09:00:00"));
    expect((await sendSessionReminders(ctx)).tomorrow).toBe(1);
    expect((await sendSessionReminders(ctx)).tomorrow).toBe(0);
    expect((await bell(people, "yves", "session_tomorrow")).map((n) => n.params.at)).toEqual([
      "2026-06-04T08:00:00.000Z",
      "2026-06-02T08:00:00.000Z",
    ]);
  });

  it("counts days in Paris around midnight, whatever the server's zone", async () => {
    const { people, pairId } = await activePair(["lou", "marc"]);
    const past = await session(pairId, paris("2026-06-10T12:00:00"), "held");
    const item = async (dueOn: string, text: string) =>
      ctx.database.db.insert(actionItems).values({
        pairId,
        sessionId: past,
        text,
        ownerPersonId: people.ids.marc as string,
        dueOn,
        createdAt: ctx.clock.now(),
      });
    await item("2026-06-16", "Publier un post");
    await item("2026-06-17", "Automatiser un rapport");
    const lastOfTuesday = await session(pairId, paris("2026-06-16T23:45:00"));
    const firstOfWednesday = await session(pairId, paris("2026-06-17T00:15:00"));

    // Monday 15 June, 23:30 in Paris: Tuesday 03:15 in Kathmandu, yet tomorrow is Tuesday.
    ctx.clock.set(paris("2026-06-15T23:30:00"));
    expect(await sendSessionReminders(ctx)).toMatchObject({ tomorrow: 1, agendaDue: 0, actionItems: 1 });
    // 00:05 in Paris: now Wednesday's session and item.
    ctx.clock.set(paris("2026-06-16T00:05:00"));
    expect(await sendSessionReminders(ctx)).toMatchObject({ tomorrow: 1, agendaDue: 0, actionItems: 1 });
    expect((await bell(people, "lou", "session_tomorrow")).map((n) => n.link)).toEqual([
      `/pairs/${pairId}/sessions/${firstOfWednesday}`,
      `/pairs/${pairId}/sessions/${lastOfTuesday}`,
    ]);
    // One reminder per item due tomorrow, without the item's words (emails are readable in the outbox).
    expect((await bell(people, "marc", "action_item_due")).map((n) => n.params)).toEqual([{}, {}]);
  });
});

describe("agenda due", () => {
  it("tells the mentee once when the agenda is still empty at its deadline, before the session", async () => {
    const { people, pairId } = await activePair(["jade", "paul"]);
    ctx.clock.set(paris("2026-06-22T10:00:00"));
    // Due 48 hours before: Tuesday's is due since Sunday, Thursday's on Tuesday at 18:00.
    const empty = await givenSession(ctx.database, pairId, { startsAt: paris("2026-06-23T18:00:00") });
    const later = await givenSession(ctx.database, pairId, { startsAt: paris("2026-06-25T18:00:00") });
    const prepared = await givenSession(ctx.database, pairId, { startsAt: paris("2026-06-23T19:30:00") });
    await givenSession(ctx.database, pairId, { startsAt: paris("2026-06-23T12:00:00"), status: "cancelled" });
    await ctx.database.db
      .insert(agendaItems)
      .values({ sessionId: prepared, kind: "topic", text: "Les tableaux croisés", position: 0, createdAt: ctx.clock.now() });

    expect((await sendSessionReminders(ctx)).agendaDue).toBe(1);
    expect((await sendSessionReminders(ctx)).agendaDue).toBe(0);
    expect(await bell(people, "paul", "agenda_due")).toEqual([
      expect.objectContaining({ params: { at: "2026-06-23T16:00:00.000Z" }, link: `/pairs/${pairId}/sessions/${empty}` }),
    ]);
    expect(await bell(people, "jade", "agenda_due")).toEqual([]);

    // Tuesday 19:00: the first one has begun (no late reminder), Thursday's is due and empty.
    ctx.clock.set(paris("2026-06-23T19:00:00"));
    expect((await sendSessionReminders(ctx)).agendaDue).toBe(1);
    expect((await bell(people, "paul", "agenda_due")).map((n) => n.link)).toEqual([
      `/pairs/${pairId}/sessions/${later}`,
      `/pairs/${pairId}/sessions/${empty}`,
    ]);
  });
});

describe("action items due", () => {
  it("tells the owner of an open item due tomorrow, once, its text shortened", async () => {
    const { people, pairId } = await activePair(["rose", "hugo"]);
    ctx.clock.set(paris("2026-06-29T10:00:00"));
    const past = await session(pairId, paris("2026-06-26T12:00:00"), "held");
    const long = `Préparer ${"une démonstration ".repeat(10)}`;
    const values = (owner: string, dueOn: string, text: string, doneAt: Date | null = null) => ({
      pairId,
      sessionId: past,
      text,
      ownerPersonId: people.ids[owner] as string,
      dueOn,
      doneAt,
      createdAt: ctx.clock.now(),
    });
    await ctx.database.db
      .insert(actionItems)
      .values([
        values("hugo", "2026-06-30", long),
        values("rose", "2026-06-30", "Déjà fait", ctx.clock.now()),
        values("rose", "2026-07-01", "Après-demain"),
      ]);
    // (The pairs of earlier tests, quiet by now, are told so too: counted in `quiet`.)
    expect(await sendSessionReminders(ctx)).toMatchObject({ tomorrow: 0, agendaDue: 0, actionItems: 1 });
    expect(await sendSessionReminders(ctx)).toEqual(NOTHING);
    const [reminder, ...others] = await bell(people, "hugo", "action_item_due");
    expect(others).toEqual([]);
    expect(reminder?.link).toBe(`/pairs/${pairId}`);
    expect(JSON.stringify(reminder?.params)).not.toContain("Préparer une démonstration");
    expect(await bell(people, "rose", "action_item_due")).toEqual([]);
  });
});

describe("no session for three weeks", () => {
  it("tells both people of a quiet pair of a running programme, again three weeks later if still quiet", async () => {
    ctx.clock.set(paris("2026-07-06T10:00:00"));
    const quiet = await activePair(["zoe", "eric"]);
    const planned = await activePair(["lea", "omar"]);
    const met = await activePair(["nina", "theo"]);
    // Only pairs of running programmes are reminded: the API never leaves an active pair in another phase
    // (closing a programme closes its pairs), so the test puts one there itself.
    const notRunning = await activePair(["iris", "axel"]);
    await ctx.database.db.update(programmes).set({ phase: "matching" }).where(eq(programmes.id, notRunning.programmeId));
    await session(planned.pairId, paris("2026-08-05T10:00:00"));
    await session(met.pairId, paris("2026-07-11T10:00:00"), "held");
    // A cancelled session does not count as one.
    await session(quiet.pairId, paris("2026-07-20T10:00:00"), "cancelled");
    const told = async () => {
      const counts: Record<string, number> = {};
      for (const [people, key] of [
        [quiet.people, "zoe"],
        [quiet.people, "eric"],
        [planned.people, "lea"],
        [met.people, "nina"],
        [notRunning.people, "iris"],
      ] as const)
        counts[key] = (await bell(people, key, "pair_no_session")).length;
      return counts;
    };

    ctx.clock.set(paris("2026-07-26T10:00:00"));
    await sendSessionReminders(ctx);
    expect(await told()).toEqual({ zoe: 0, eric: 0, lea: 0, nina: 0, iris: 0 });

    ctx.clock.set(paris("2026-07-28T10:00:00"));
    expect((await sendSessionReminders(ctx)).quiet).toBeGreaterThanOrEqual(1);
    expect((await sendSessionReminders(ctx)).quiet).toBe(0);
    expect(await told()).toEqual({ zoe: 1, eric: 1, lea: 0, nina: 0, iris: 0 });
    expect(await bell(quiet.people, "zoe", "pair_no_session")).toEqual([
      expect.objectContaining({ params: { partnerName: "Eric Test" }, link: `/pairs/${quiet.pairId}` }),
    ]);

    // 2 August: three weeks after the held session of 11 July.
    ctx.clock.set(paris("2026-08-02T10:00:00"));
    await sendSessionReminders(ctx);
    expect(await told()).toEqual({ zoe: 1, eric: 1, lea: 0, nina: 1, iris: 0 });

    // 18 August: three weeks after the first reminder; the planned session of 5 August is 13 days old.
    ctx.clock.set(paris("2026-08-18T10:00:00"));
    await sendSessionReminders(ctx);
    expect(await told()).toEqual({ zoe: 2, eric: 2, lea: 0, nina: 1, iris: 0 });
  });
});
