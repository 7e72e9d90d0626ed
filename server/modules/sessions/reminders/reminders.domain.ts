/**
 * The session reminders' rules, pure: which day is "tomorrow" (Paris dates, whatever the server's zone),
 * when a pair counts as quiet, which ISO week a digest belongs to, and what each reminder says to whom.
 * The use cases (send-session-reminders.ts, send-weekly-session-digests.ts) find the candidates, claim
 * them and carry these decisions out.
 */
import { DateTime } from "luxon";
import type { NotificationKind } from "../../../../contracts/notifications.ts";

/** Reminders and digests count days as people in the programme do: in Paris. */
export const REMINDER_TIME_ZONE = "Europe/Paris";
/** A pair with no session for this long (and none planned) is told, and counted in the managers' digest. */
export const QUIET_DAYS = 21;
/** The managers' digest looks back this far. */
export const DIGEST_DAYS = 7;

/** The instants a sweep at `now` works with. */
export type ReminderWindows = {
  /** Start of tomorrow in Paris (inclusive) and of the day after (exclusive): DST days last 23 or 25 hours. */
  tomorrowFrom: Date;
  tomorrowTo: Date;
  /** Tomorrow's Paris date, "YYYY-MM-DD", as action items store their due date. */
  tomorrowDate: string;
  /** Sessions (or an activation, or a reminder) before this instant are more than three weeks old. */
  quietSince: Date;
};

export function reminderWindows(now: Date): ReminderWindows {
  const tomorrow = DateTime.fromJSDate(now, { zone: REMINDER_TIME_ZONE }).startOf("day").plus({ days: 1 });
  return {
    tomorrowFrom: tomorrow.toJSDate(),
    tomorrowTo: tomorrow.plus({ days: 1 }).toJSDate(),
    tomorrowDate: tomorrow.toISODate() as string,
    quietSince: new Date(now.getTime() - QUIET_DAYS * 24 * 3_600_000),
  };
}

/** The ISO week of `now` in Paris, "2026-W49": a programme's digest goes out once per week. */
export function isoWeekOf(now: Date): string {
  return DateTime.fromJSDate(now, { zone: REMINDER_TIME_ZONE }).toFormat("kkkk-'W'WW");
}

/** The week a digest covers: the seven days before `now`. */
export function digestPeriod(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - DIGEST_DAYS * 24 * 3_600_000), to: now };
}

/** A reminder to one person; the use case adds the session's calendar file to "session tomorrow". */
export type Reminder = { personId: string; kind: NotificationKind; params: Record<string, string>; link: string };

type Person = { id: string; name: string };
export type SessionOfPair = { id: string; pairId: string; startsAt: Date; mentor: Person; mentee: Person };

const sessionLink = (s: { id: string; pairId: string }) => `/pairs/${s.pairId}/sessions/${s.id}`;

/** "Your session with … is tomorrow": to both people, each naming the other. */
export function sessionTomorrowReminders(session: SessionOfPair): Reminder[] {
  const at = session.startsAt.toISOString();
  return [
    [session.mentor, session.mentee],
    [session.mentee, session.mentor],
  ].map(([to, partner]) => ({
    personId: (to as Person).id,
    kind: "session_tomorrow",
    params: { partnerName: (partner as Person).name, at },
    link: sessionLink(session),
  }));
}

/** "The agenda is still empty": to the mentee, who prepares it (the mentor may only add to it). */
export function agendaDueReminder(session: { id: string; pairId: string; startsAt: Date; menteeId: string }): Reminder {
  return { personId: session.menteeId, kind: "agenda_due", params: { at: session.startsAt.toISOString() }, link: sessionLink(session) };
}

/** "Your action … is due tomorrow": to its owner. */
/** The action item's words stay out of it: emails are readable in the administrators' outbox. */
export function actionItemReminder(item: { pairId: string; ownerPersonId: string }): Reminder {
  return { personId: item.ownerPersonId, kind: "action_item_due", params: {}, link: `/pairs/${item.pairId}` };
}

/** "No session for three weeks": to both people, each naming the other. */
export function quietPairReminders(pair: { pairId: string; mentor: Person; mentee: Person }): Reminder[] {
  return [
    [pair.mentor, pair.mentee],
    [pair.mentee, pair.mentor],
  ].map(([to, partner]) => ({
    personId: (to as Person).id,
    kind: "pair_no_session",
    params: { partnerName: (partner as Person).name },
    link: `/pairs/${pair.pairId}`,
  }));
}

/** A programme's week in figures, for its managers. */
export type ProgrammeWeek = { programmeId: string; programmeName: string; held: number; agendasMissing: number; quietPairs: number };

export function weeklyDigestNotice(week: ProgrammeWeek): {
  kind: "managers_weekly_digest";
  params: Record<string, string>;
  link: string;
} {
  return {
    kind: "managers_weekly_digest",
    params: {
      programmeName: week.programmeName,
      held: String(week.held),
      agendasMissing: String(week.agendasMissing),
      quietPairs: String(week.quietPairs),
    },
    link: `/programmes/${week.programmeId}`,
  };
}
