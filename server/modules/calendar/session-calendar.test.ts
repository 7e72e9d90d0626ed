import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type CalendarEvent, sessionsCalendar } from "./session-calendar.ts";

const organizer = { name: "Passerelle", email: "passerelle@example.com" };
const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: "5b0c1a64-9d3e-4f57-8a3c-0c2e4b8f1a11",
  // 18:30 in Paris on 30 March 2026, the day after the change to summer time (UTC+2): 16:30 UTC.
  startsAt: new Date("2026-03-30T16:30:00Z"),
  endsAt: new Date("2026-03-30T17:30:00Z"),
  status: "scheduled",
  sequence: 0,
  updatedAt: new Date("2026-03-02T09:15:00Z"),
  summary: "Séance de mentorat inversé avec Léa Martin",
  description: "Ordre du jour : automatiser un rapport.",
  location: "https://visio.example.com/abc",
  url: "https://passerelle.example.com/pairs/p/sessions/s",
  attendees: [
    { name: "Léa Martin", email: "lea@example.com" },
    { name: "Paul Durand", email: "paul@example.com" },
  ],
  ...over,
});

function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  for (const tz of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return component;
}

describe("a session's calendar file", () => {
  it("writes 18:30 in Paris just after the change to summer time, whatever the server's zone", () => {
    // The test script runs under TZ=Asia/Kathmandu (UTC+5:45): a server-local time would show here.
    const ics = sessionsCalendar([event()], { name: "Passerelle", timeZone: "Europe/Paris", organizer });
    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20260330T183000");
    expect(ics).toContain("BEGIN:VTIMEZONE");
    const vevent = parse(ics).getFirstSubcomponent("vevent");
    const start = new ICAL.Event(vevent ?? undefined).startDate;
    expect(start.toJSDate().toISOString()).toBe("2026-03-30T16:30:00.000Z");
  });

  it("keeps its UID when rescheduled, with a higher SEQUENCE, and says CANCELLED once cancelled", () => {
    const first = parse(sessionsCalendar([event()], { name: "P", timeZone: "Europe/Paris", organizer })).getFirstSubcomponent("vevent");
    const moved = parse(
      sessionsCalendar(
        [
          event({
            startsAt: new Date("2026-04-02T16:30:00Z"),
            endsAt: new Date("2026-04-02T17:30:00Z"),
            sequence: 1,
            updatedAt: new Date("2026-03-05T11:00:00Z"),
          }),
        ],
        {
          name: "P",
          timeZone: "Europe/Paris",
          organizer,
        },
      ),
    ).getFirstSubcomponent("vevent");
    const cancelled = parse(
      sessionsCalendar([event({ status: "cancelled", sequence: 2 })], { name: "P", timeZone: "Europe/Paris", organizer, method: "CANCEL" }),
    );
    expect(moved?.getFirstPropertyValue("uid")).toBe(first?.getFirstPropertyValue("uid"));
    expect(Number(moved?.getFirstPropertyValue("sequence"))).toBeGreaterThan(Number(first?.getFirstPropertyValue("sequence")));
    // DTSTAMP is when each version was written (the session's last change), not its start.
    const stampOf = (vevent: ICAL.Component | null | undefined) =>
      (vevent?.getFirstPropertyValue("dtstamp") as ICAL.Time | undefined)?.toJSDate().toISOString();
    expect(stampOf(first)).toBe("2026-03-02T09:15:00.000Z");
    expect(stampOf(moved)).toBe("2026-03-05T11:00:00.000Z");
    // The same version, written twice, is the same file.
    const options = { name: "P", timeZone: "Europe/Paris", organizer };
    expect(sessionsCalendar([event()], options)).toBe(sessionsCalendar([event()], options));
    expect(cancelled.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.getFirstSubcomponent("vevent")?.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("writes an invitation with its method, organizer and both people", () => {
    const ics = sessionsCalendar([event()], { name: "P", timeZone: "Europe/Paris", organizer, method: "REQUEST" });
    const calendar = parse(ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const attendees = calendar
      .getFirstSubcomponent("vevent")
      ?.getAllProperties("attendee")
      .map((p) => String(p.getFirstValue()).toLowerCase());
    expect(attendees).toEqual(["mailto:lea@example.com", "mailto:paul@example.com"]);
  });

  it("writes a zone the timezone package knows only by its canonical name under the person's own name", () => {
    // America/Montreal links to America/Toronto (EDT, UTC−4, on 30 March 2026).
    const ics = sessionsCalendar([event()], { name: "P", timeZone: "America/Montreal", organizer });
    expect(ics).toContain("DTSTART;TZID=America/Montreal:20260330T123000");
    expect(ics).toContain("TZID:America/Montreal");
    expect(ics).not.toContain("Toronto");
    const start = new ICAL.Event(parse(ics).getFirstSubcomponent("vevent") ?? undefined).startDate;
    expect(start.toJSDate().toISOString()).toBe("2026-03-30T16:30:00.000Z");
  });

  it("tells subscribed calendars how often to fetch a feed again", () => {
    const ics = sessionsCalendar([], { name: "P", timeZone: "Europe/Paris", organizer, refreshSeconds: 3600 });
    expect(ics).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(ics).not.toContain("BEGIN:VEVENT");
  });

  it("falls back to Paris for an unknown zone rather than writing a broken file", () => {
    const ics = sessionsCalendar([event()], { name: "P", timeZone: "Mars/Olympus", organizer });
    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20260330T183000");
  });
});
