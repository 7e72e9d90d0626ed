/**
 * Proposed times for a pair to meet: the weekly availability both people gave on their profile
 * ("tue:lunch"), turned into real times in their time zone, skipping weekends and French public
 * holidays (date-holidays, maintained upstream), one per day, the first that fit. Pure: the caller
 * brings the window, the availability and the times already taken.
 */
import Holidays from "date-holidays";
import { DateTime } from "luxon";
import { AVAILABILITY_SLOTS, type TIME_SLOTS, WEEKDAYS } from "../../../contracts/profiles.ts";

type TimeSlot = (typeof TIME_SLOTS)[number];

/** When each part of the day starts, in the people's time zone. */
export const SLOT_START: Record<TimeSlot, { hour: number; minute: number }> = {
  morning: { hour: 9, minute: 30 },
  lunch: { hour: 12, minute: 30 },
  afternoon: { hour: 14, minute: 30 },
  evening: { hour: 17, minute: 30 },
};

/** Used when neither person said when they are free: Tuesday and Thursday lunchtimes and afternoons. */
export const DEFAULT_AVAILABILITY = ["tue:lunch", "thu:lunch", "tue:afternoon", "thu:afternoon"] as const;

/** What the proposals rest on: times both gave, times either gave (none in common), or the default. */
export type AvailabilityBasis = "both" | "either" | "default";

/** The slots to propose from two people's availability: theirs in common, else either's, else the default. */
export function commonAvailability(a: readonly string[], b: readonly string[]): { slots: string[]; basis: AvailabilityBasis } {
  const known = (slots: readonly string[]) => slots.filter((s) => (AVAILABILITY_SLOTS as readonly string[]).includes(s));
  const both = known(a).filter((s) => b.includes(s));
  if (both.length) return { slots: both, basis: "both" };
  const either = [...new Set([...known(a), ...known(b)])];
  if (either.length) return { slots: either, basis: "either" };
  return { slots: [...DEFAULT_AVAILABILITY], basis: "default" };
}

const publicHolidays = new Map<number, Set<string>>();

/** The French public holidays of a year, as "YYYY-MM-DD" (metropolitan France; observances such as Mother's Day are not days off). */
export function frenchPublicHolidays(year: number): Set<string> {
  let days = publicHolidays.get(year);
  if (!days) {
    const holidays = new Holidays("FR").getHolidays(year) || [];
    days = new Set(holidays.filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
    publicHolidays.set(year, days);
  }
  return days;
}

export const isFrenchPublicHoliday = (day: DateTime) => frenchPublicHolidays(day.year).has(day.toISODate() ?? "");

export type SlotSearch = {
  /** Nothing before this instant (now, or the target date of the next session). */
  after: Date;
  /** Nothing ending after this instant (the programme's end); null: no limit. */
  until: Date | null;
  /** "tue:lunch"… (commonAvailability). */
  availability: readonly string[];
  /** IANA zone the slots are read in ("Europe/Paris"). */
  timeZone: string;
  minutes: number;
  count: number;
  /** Times already taken (the pair's other sessions): a proposal never overlaps one. */
  busy?: readonly { startsAt: Date; endsAt: Date }[];
  /** How far to look, in days (default 120). */
  horizonDays?: number;
};

/** Up to `count` start times, at most one per day, in order. */
export function proposeSlots(search: SlotSearch): Date[] {
  const zone = DateTime.local().setZone(search.timeZone).isValid ? search.timeZone : "Europe/Paris";
  const after = DateTime.fromJSDate(search.after).setZone(zone);
  const until = search.until ? search.until.getTime() : Number.POSITIVE_INFINITY;
  const busy = search.busy ?? [];
  const found: Date[] = [];
  const horizon = search.horizonDays ?? 120;
  for (let d = 0; d <= horizon && found.length < search.count; d++) {
    const day = after.startOf("day").plus({ days: d });
    if (day.toMillis() > until) break;
    const weekday = WEEKDAYS[day.weekday - 1];
    if (!weekday || isFrenchPublicHoliday(day)) continue;
    const starts = search.availability
      .filter((s) => s.startsWith(`${weekday}:`))
      .map((s) => SLOT_START[s.slice(weekday.length + 1) as TimeSlot])
      .filter(Boolean)
      .map((t) => day.set({ hour: t.hour, minute: t.minute }))
      .sort((x, y) => x.toMillis() - y.toMillis());
    const fits = starts.find((start) => {
      const from = start.toMillis();
      const to = from + search.minutes * 60_000;
      if (from < after.toMillis() || to > until) return false;
      return !busy.some((b) => from < b.endsAt.getTime() && b.startsAt.getTime() < to);
    });
    if (fits) found.push(fits.toJSDate());
  }
  return found;
}
