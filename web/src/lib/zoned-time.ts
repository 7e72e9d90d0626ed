/**
 * Times as a person reads them: in their own time zone (the directory's, Europe/Paris by default), never
 * the browser's. An intro coffee's or a session's start is an instant; a form picks a calendar day and a
 * time in the person's zone and sends the instant with that zone's offset for that day
 * ("2026-03-30T18:30:00+02:00", summer time included).
 */

import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import { currentLanguage } from "../i18n/index.ts";
import dayjs from "./dayjs.ts";

dayjs.extend(utc);
dayjs.extend(timezone);

/** The zone of a person whose directory entry names none, and the one the server's calendar rules use (programme days, due dates). */
export const DEFAULT_TIME_ZONE = "Europe/Paris";

/** "mardi 17 mars 2026 à 12:30" (`full`), "17 mars 2026, 12:30" (`medium`) in the UI language, in `zone`. */
export function formatInZone(iso: string, zone: string, style: "full" | "medium" = "full"): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: style, timeStyle: "short", timeZone: zone }).format(new Date(iso));
}

/** The calendar day of an instant in `zone`, in the UI language: "17 mars 2026" (`long`), "17 mars 2026" abbreviated (`medium`). */
export function dateInZone(iso: string, zone: string, style: "medium" | "long" = "long"): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: style, timeZone: zone }).format(new Date(iso));
}

/** "12:30" in the UI language, in `zone`. */
export function timeInZone(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { timeStyle: "short", timeZone: zone }).format(new Date(iso));
}

/** The calendar day and time ("2026-03-17", "12:30") of an instant in `zone`: a form's starting values. */
export function partsInZone(iso: string, zone: string): { date: string; time: string } {
  const local = dayjs(iso).tz(zone);
  return { date: local.format("YYYY-MM-DD"), time: local.format("HH:mm") };
}

/** The instant of a day and time in `zone`, with that zone's offset on that day: "2026-03-30T18:30:00+02:00". */
export function instantInZone(date: string, time: string, zone: string): string {
  return dayjs.tz(`${date} ${time.slice(0, 5)}`, "YYYY-MM-DD HH:mm", zone).format();
}

/** Today's calendar day in `zone` ("2026-03-17"): the earliest day a session, a coffee or a due date may be picked. */
export function todayInZone(zone: string, now = new Date()): string {
  return dayjs(now).tz(zone).format("YYYY-MM-DD");
}
