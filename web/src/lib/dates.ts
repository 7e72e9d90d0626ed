/**
 * Dates as the UI shows them, in its language: "20/12/2026" or "20 décembre 2026" in French,
 * "12/20/2026" or "December 20, 2026" in English. Use these rather than `toLocaleDateString`, which
 * follows the browser's language instead of the app's.
 */
import { currentLanguage } from "../i18n/index.ts";

/** "numeric" 20/12/2026, "medium" 20 déc. 2026, "long" 20 décembre 2026. */
export type DateStyle = "numeric" | "medium" | "long";

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  numeric: { day: "2-digit", month: "2-digit", year: "numeric" },
  medium: { dateStyle: "medium" },
  long: { dateStyle: "long" },
};

/**
 * A date of the API in the UI language. A calendar date ("2026-12-20": a programme's start) is the
 * same day everywhere, so it is read and written in UTC; an instant ("2026-12-20T22:30:00Z") is shown
 * on the browser's calendar.
 */
export function formatDate(value: string, style: DateStyle = "long"): string {
  if (CALENDAR_DATE.test(value)) {
    return new Intl.DateTimeFormat(currentLanguage(), { ...DATE_OPTIONS[style], timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
  }
  return new Intl.DateTimeFormat(currentLanguage(), DATE_OPTIONS[style]).format(new Date(value));
}

/**
 * An instant with its time in the UI language and the browser's time zone: "12 mars 2026, 14:05", or with
 * `"full"` its weekday too, "jeudi 12 mars 2026 à 14:05" (a meeting deserves it).
 */
export function formatDateTime(iso: string, style: "medium" | "full" = "medium"): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: style, timeStyle: "short" }).format(new Date(iso));
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "il y a 5 minutes", "hier", "dans 3 jours"… in the UI language, in the largest whole unit; under a minute, "maintenant". */
export function relativeTime(iso: string, now = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(currentLanguage(), { numeric: "auto" });
  const diff = new Date(iso).getTime() - now;
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(0, "second");
}
