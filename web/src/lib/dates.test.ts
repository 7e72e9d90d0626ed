import { afterEach, describe, expect, it } from "vitest";
import i18n from "../i18n/index.ts";
import { formatDate, formatDateTime } from "./dates.ts";

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
  });
});
