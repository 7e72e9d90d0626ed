import { afterEach, describe, expect, it } from "vitest";
import i18n from "../i18n/index.ts";
import { formatDate, formatDateTime, relativeTime } from "./dates.ts";

describe("formatDate", () => {
  afterEach(() => i18n.changeLanguage("fr"));

  it("writes a calendar date the French way, whatever the browser's language", () => {
    expect(formatDate("2026-12-20", "numeric")).toBe("20/12/2026");
    expect(formatDate("2026-12-20")).toBe("20 décembre 2026");
    expect(formatDate("2026-12-20", "medium")).toBe("20 déc. 2026");
  });

  it("follows the UI language", async () => {
    await i18n.changeLanguage("en");
    expect(formatDate("2026-12-20")).toBe("December 20, 2026");
    expect(formatDate("2026-12-20", "medium")).toBe("Dec 20, 2026");
  });

  it("keeps a calendar date's day in every time zone", () => {
    // Read as UTC midnight and shown in local time, 2026-03-01 would be 28 February west of Greenwich.
    expect(formatDate("2026-03-01", "numeric")).toBe("01/03/2026");
  });

  it("shows an instant on the browser's calendar", () => {
    const instant = new Date(2026, 11, 20, 23, 30).toISOString();
    expect(formatDate(instant, "numeric")).toBe("20/12/2026");
    expect(formatDateTime(instant)).toBe("20 déc. 2026, 23:30");
    expect(formatDateTime(instant, "full")).toBe("dimanche 20 décembre 2026 à 23:30");
  });
});

describe("relativeTime", () => {
  afterEach(() => i18n.changeLanguage("fr"));
  const now = new Date("2026-12-20T12:00:00Z").getTime();
  const at = (ms: number) => new Date(now + ms).toISOString();

  it("says how long ago or how soon, in the largest whole unit", () => {
    expect(relativeTime(at(-5 * 60_000), now)).toBe("il y a 5 minutes");
    expect(relativeTime(at(3 * 3_600_000 + 59 * 60_000), now)).toBe("dans 3 heures");
    expect(relativeTime(at(-86_400_000), now)).toBe("hier");
    expect(relativeTime(at(3 * 86_400_000), now)).toBe("dans 3 jours");
    expect(relativeTime(at(-20_000), now)).toBe("maintenant");
  });

  it("follows the UI language", async () => {
    await i18n.changeLanguage("en");
    expect(relativeTime(at(2 * 86_400_000), now)).toBe("in 2 days");
  });
});
