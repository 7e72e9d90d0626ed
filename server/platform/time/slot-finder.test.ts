import { describe, expect, it } from "vitest";
import { commonAvailability, frenchPublicHolidays, proposeSlots } from "./slot-finder.ts";

const paris = "Europe/Paris";

describe("proposed times", () => {
  it("turns weekly availability into times in Paris, across the change to summer time", () => {
    // Friday 27 March 2026; summer time starts on Sunday 29 March.
    const slots = proposeSlots({
      after: new Date("2026-03-27T08:00:00Z"),
      until: null,
      availability: ["mon:evening", "tue:lunch"],
      timeZone: paris,
      minutes: 60,
      count: 3,
    });
    expect(slots.map((d) => d.toISOString())).toEqual([
      "2026-03-30T15:30:00.000Z", // Monday 17:30 in Paris (UTC+2)
      "2026-03-31T10:30:00.000Z", // Tuesday 12:30
      "2026-04-07T10:30:00.000Z", // Easter Monday 6 April is a public holiday: skipped
    ]);
  });

  it("skips French public holidays, keeps working days", () => {
    const holidays = frenchPublicHolidays(2026);
    expect(holidays.has("2026-05-01")).toBe(true);
    expect(holidays.has("2026-07-14")).toBe(true);
    expect(holidays.has("2026-05-31")).toBe(false); // Mother's Day is an observance, not a day off
    const slots = proposeSlots({
      after: new Date("2026-04-30T20:00:00Z"),
      until: null,
      availability: ["fri:lunch"],
      timeZone: paris,
      minutes: 60,
      count: 1,
    });
    expect(slots[0]?.toISOString()).toBe("2026-05-15T10:30:00.000Z"); // 1 May and 8 May are Fridays off
  });

  it("never overlaps a taken time, stops at the end of the window, one per day", () => {
    const slots = proposeSlots({
      after: new Date("2026-06-01T06:00:00Z"),
      until: new Date("2026-06-03T22:00:00Z"),
      availability: ["mon:morning", "mon:lunch", "tue:lunch", "thu:lunch"],
      timeZone: paris,
      minutes: 60,
      count: 5,
      busy: [{ startsAt: new Date("2026-06-01T07:00:00Z"), endsAt: new Date("2026-06-01T08:00:00Z") }],
    });
    expect(slots.map((d) => d.toISOString())).toEqual(["2026-06-01T10:30:00.000Z", "2026-06-02T10:30:00.000Z"]);
  });

  it("rests on what both gave, else on either, else on a default", () => {
    expect(commonAvailability(["tue:lunch", "wed:lunch"], ["wed:lunch"])).toEqual({ slots: ["wed:lunch"], basis: "both" });
    expect(commonAvailability(["tue:lunch"], ["wed:lunch"]).basis).toBe("either");
    expect(commonAvailability([], []).basis).toBe("default");
  });
});
