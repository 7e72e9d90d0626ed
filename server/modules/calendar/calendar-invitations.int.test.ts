import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailMessages } from "../../db/schema.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { givenSession } from "../../test/session-builders.ts";
import { type ReceivedMail, startTestAppWithSmtp } from "../../test/smtp-test-server.ts";
import { createUser, TestClient } from "../../test/test-app.ts";
import { notify } from "../notifications/index.ts";
import { calendarOptions, sessionCalendarFile } from "./index.ts";

/**
 * A session's email carries its .ics as a calendar invitation (iTIP): `notify(…, calendar)` →
 * mail_messages.calendar → nodemailer's icalEvent → a text/calendar part with its METHOD, which mail
 * applications (Outlook, Gmail, Apple Mail) show as an invitation to accept. Through a real SMTP server.
 */

let world: Awaited<ReturnType<typeof startTestAppWithSmtp>>;
beforeAll(async () => {
  world = await startTestAppWithSmtp();
  world.ctx.clock.set(new Date("2026-03-20T09:00:00Z"));
});
afterAll(() => world.close());

/** The text/calendar part of an email (as an alternative or an attachment), with its content type's method. */
function calendarPart(mail: ReceivedMail): { method: string | undefined; content: string } | undefined {
  const raw = mail.parsed.attachments.find((a) => a.contentType === "text/calendar");
  if (!raw) return undefined;
  const params = (raw.headers.get("content-type") as { params?: Record<string, string> } | undefined)?.params ?? {};
  return { method: params.method, content: raw.content.toString("utf8") };
}

describe("a session's email", () => {
  it("carries the session as an invitation (METHOD:REQUEST), then its cancellation (METHOD:CANCEL)", async () => {
    const { ctx, smtp } = world;
    const hr = await newManager(ctx);
    const who = await cast(ctx, [
      { key: "lea", profile: mentorProfile(["excel"]), withAccount: true },
      { key: "paul", profile: menteeProfile(["excel"]), withAccount: true },
    ]);
    const { pairId } = await publishedPair(hr, { cast: who, mentor: "lea", mentee: "paul" }, "active", { requiresOnboarding: false });
    const startsAt = new Date("2026-03-30T16:30:00Z");
    const sessionId = await givenSession(ctx.database, pairId, { startsAt });
    const paulEmail = `${who.employeeIds("paul")[0]}@exemple.fr`;
    const tell = async (kind: "session_scheduled" | "session_cancelled", method: "REQUEST" | "CANCEL") => {
      await ctx.database.db.transaction(async (tx) => {
        const content = await sessionCalendarFile(tx, sessionId, who.ids.paul as string, { ...calendarOptions(ctx.mail), method });
        if (!content) throw new Error("no calendar file for Paul");
        await notify(
          tx,
          [
            {
              personId: who.ids.paul as string,
              kind,
              params: { partnerName: "Lea Test", at: startsAt.toISOString(), pairId },
              link: `/pairs/${pairId}/sessions/${sessionId}`,
              calendar: { method, content },
            },
          ],
          ctx.clock.now(),
        );
      });
      await ctx.runJobs();
      return smtp.to(paulEmail).at(-1) as ReceivedMail;
    };

    const invitation = await tell("session_scheduled", "REQUEST");
    const part = calendarPart(invitation);
    expect(part?.method?.toUpperCase()).toBe("REQUEST");
    expect(part?.content).toContain("METHOD:REQUEST");
    const calendar = new ICAL.Component(ICAL.parse(part?.content ?? ""));
    for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.uid).toBe(`session-${sessionId}@passerelle`);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-30T16:30:00.000Z");
    expect(calendar.getFirstSubcomponent("vevent")?.getFirstPropertyValue("organizer")).toMatch(/^mailto:/i);
    // The email's own text is still there, in Paul's language.
    expect(invitation.text).toContain("Lea Test");

    const cancellation = await tell("session_cancelled", "CANCEL");
    const cancelled = calendarPart(cancellation);
    expect(cancelled?.method?.toUpperCase()).toBe("CANCEL");
    expect(cancelled?.content).toContain("METHOD:CANCEL");
    expect(cancelled?.content).toContain("STATUS:CANCELLED");
    expect(cancelled?.content).toContain(`UID:session-${sessionId}@passerelle`);

    const stored = await ctx.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, paulEmail));
    const carrying = stored.filter((m) => m.calendar);
    expect(carrying.map((m) => m.calendar?.method)).toEqual(["REQUEST", "CANCEL"]);

    // The outbox shows an administrator that the message carried an invitation, and its .ics text.
    await createUser(ctx, { email: "admin-courriels@exemple.fr", roles: ["admin"] });
    const admin = new TestClient(ctx.app);
    await admin.login("admin-courriels@exemple.fr");
    const read = (await admin.get(`/api/admin/mail/${carrying[0]?.id}`)).json();
    expect(read.calendar.method).toBe("REQUEST");
    expect(read.calendar.content).toContain(`UID:session-${sessionId}@passerelle`);
    const plain = stored.find((m) => !m.calendar);
    if (plain) expect((await admin.get(`/api/admin/mail/${plain.id}`)).json().calendar).toBeNull();
  });
});
