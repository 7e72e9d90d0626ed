import { describe, expect, it } from "vitest";
import { dateInZone, formatInZone, instantInZone, partsInZone, timeInZone, todayInZone } from "./zoned-time.ts";

/** The web tests run under TZ=Asia/Kathmandu: nothing here may follow the machine's zone. */
describe("times in the person's zone", () => {
  it("sends the day and time picked in Paris with Paris's offset for that day, across the change to summer time", () => {
    expect(instantInZone("2026-03-27", "18:30", "Europe/Paris")).toBe("2026-03-27T18:30:00+01:00");
    expect(instantInZone("2026-03-30", "18:30", "Europe/Paris")).toBe("2026-03-30T18:30:00+02:00");
    expect(instantInZone("2026-03-30", "18:30", "America/Montreal")).toBe("2026-03-30T18:30:00-04:00");
  });
  it("reads an instant back in the person's zone", () => {
    expect(partsInZone("2026-03-30T16:30:00.000Z", "Europe/Paris")).toEqual({ date: "2026-03-30", time: "18:30" });
    expect(partsInZone("2026-03-30T22:30:00.000Z", "Europe/Paris")).toEqual({ date: "2026-03-31", time: "00:30" });
    expect(timeInZone("2026-03-30T16:30:00.000Z", "Europe/Paris")).toBe("18:30");
    expect(formatInZone("2026-03-30T16:30:00.000Z", "Europe/Paris")).toBe("lundi 30 mars 2026 à 18:30");
    expect(formatInZone("2026-03-30T16:30:00.000Z", "America/Montreal")).toBe("lundi 30 mars 2026 à 12:30");
    expect(todayInZone("Europe/Paris", new Date("2026-03-30T22:30:00Z"))).toBe("2026-03-31");
    // 22:00 in Paris on the 30th is already the 31st in Kathmandu: the day is the person's.
    expect(dateInZone("2026-03-30T20:00:00.000Z", "Europe/Paris")).toBe("30 mars 2026");
    expect(dateInZone("2026-03-30T20:00:00.000Z", "Asia/Kathmandu")).toBe("31 mars 2026");
  });
});
