import { describe, expect, it } from "vitest";
import {
  actionItemReminder,
  agendaDueReminder,
  isoWeekOf,
  quietPairReminders,
  reminderWindows,
  sessionTomorrowReminders,
  weeklyDigestNotice,
} from "./reminders.domain.ts";

/** Run with TZ=Asia/Kathmandu (npm test): every date here is Paris's, never the server's. */
describe("tomorrow, in Paris", () => {
  it("is the next Paris day, whatever the server's zone", () => {
    // 23:30 in Paris on Monday 11 May 2026 (summer time, UTC+2): already Tuesday in Kathmandu and in UTC+5:45.
    const w = reminderWindows(new Date("2026-05-11T21:30:00Z"));
    expect(w.tomorrowDate).toBe("2026-05-12");
    expect(w.tomorrowFrom.toISOString()).toBe("2026-05-11T22:00:00.000Z");
    expect(w.tomorrowTo.toISOString()).toBe("2026-05-12T22:00:00.000Z");
    // 00:05 in Paris on Tuesday: tomorrow is Wednesday.
    expect(reminderWindows(new Date("2026-05-11T22:05:00Z")).tomorrowDate).toBe("2026-05-13");
  });

  it("lasts 23 hours on the day summer time begins and 25 when it ends", () => {
    const spring = reminderWindows(new Date("2026-03-28T12:00:00Z"));
    expect(spring.tomorrowDate).toBe("2026-03-29");
    expect(spring.tomorrowFrom.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect((spring.tomorrowTo.getTime() - spring.tomorrowFrom.getTime()) / 3_600_000).toBe(23);
    const autumn = reminderWindows(new Date("2026-10-24T12:00:00Z"));
    expect(autumn.tomorrowDate).toBe("2026-10-25");
    expect((autumn.tomorrowTo.getTime() - autumn.tomorrowFrom.getTime()) / 3_600_000).toBe(25);
  });

  it("counts three quiet weeks back from now", () => {
    expect(reminderWindows(new Date("2026-05-22T10:00:00Z")).quietSince.toISOString()).toBe("2026-05-01T10:00:00.000Z");
  });
});

describe("the ISO week of a digest", () => {
  it("is Paris's week, with the ISO year at the turn of the year", () => {
    expect(isoWeekOf(new Date("2026-12-07T07:00:00Z"))).toBe("2026-W50");
    // Sunday 23:30 in Paris is still week 49 there, though Monday in Kathmandu.
    expect(isoWeekOf(new Date("2026-12-06T22:30:00Z"))).toBe("2026-W49");
    expect(isoWeekOf(new Date("2026-12-06T23:30:00Z"))).toBe("2026-W50");
    // 1 January 2027 is a Friday: week 53 of 2026.
    expect(isoWeekOf(new Date("2027-01-01T10:00:00Z"))).toBe("2026-W53");
  });
});

describe("who is told what", () => {
  const mentor = { id: "m", name: "Chloé Martin" };
  const mentee = { id: "e", name: "Gérard Petit" };
  it("tells both people of a session tomorrow, each naming the other, linking the session", () => {
    const startsAt = new Date("2026-05-12T16:30:00Z");
    expect(sessionTomorrowReminders({ id: "s", pairId: "p", startsAt, mentor, mentee })).toEqual([
      {
        personId: "m",
        kind: "session_tomorrow",
        params: { partnerName: "Gérard Petit", at: startsAt.toISOString() },
        link: "/pairs/p/sessions/s",
      },
      {
        personId: "e",
        kind: "session_tomorrow",
        params: { partnerName: "Chloé Martin", at: startsAt.toISOString() },
        link: "/pairs/p/sessions/s",
      },
    ]);
    expect(quietPairReminders({ pairId: "p", mentor, mentee }).map((r) => [r.personId, r.params.partnerName, r.link])).toEqual([
      ["m", "Gérard Petit", "/pairs/p"],
      ["e", "Chloé Martin", "/pairs/p"],
    ]);
  });

  it("tells the mentee of an empty agenda and the owner of an action item, its text cut to 120 characters", () => {
    const startsAt = new Date("2026-05-12T16:30:00Z");
    expect(agendaDueReminder({ id: "s", pairId: "p", startsAt, menteeId: "e" })).toMatchObject({
      personId: "e",
      kind: "agenda_due",
      params: { at: startsAt.toISOString() },
    });
    const reminder = actionItemReminder({ pairId: "p", ownerPersonId: "m" });
    expect(reminder).toEqual({ personId: "m", kind: "action_item_due", params: {}, link: "/pairs/p" });
  });

  it("writes the digest's figures as strings", () => {
    expect(weeklyDigestNotice({ programmeId: "g", programmeName: "Pilote", held: 3, agendasMissing: 1, quietPairs: 0 })).toEqual({
      kind: "managers_weekly_digest",
      params: { programmeName: "Pilote", held: "3", agendasMissing: "1", quietPairs: "0" },
      link: "/programmes/g",
    });
  });
});
