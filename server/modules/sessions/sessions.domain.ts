/**
 * The rules of a pair's sessions and their agenda, without a database: when sessions may be scheduled,
 * which times are acceptable (to come, within the programme, no overlap), what a reschedule, a
 * cancellation or an outcome writes, who may change an agenda item, and the window of the proposed times.
 * The use cases load the facts, ask here, and carry the answer out; a refusal is the AppError the API
 * answers, thrown before anything is written. docs/sessions.md states the same rules.
 */
import { DateTime } from "luxon";
import type { PairState } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Format } from "../../../contracts/session-formats.ts";
import { isWebUrl } from "../../../contracts/session-notes.ts";
import type { SessionMode, SessionOutcome, SessionStatus } from "../../../contracts/sessions.ts";
import { AppError, type ErrorDetail, forbidden, invalidFields } from "../../platform/errors/app-error.ts";

/** Programme dates are calendar days in France: a programme runs from its first day's midnight to its last day's end, Paris time. */
export const PROGRAMME_TIME_ZONE = "Europe/Paris";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The instants a programme's days span: [its first day at 00:00, the day after its last at 00:00), in Paris. */
export function programmeWindow(programme: { startsOn: string; endsOn: string }): { from: Date; until: Date } {
  const day = (iso: string) => DateTime.fromISO(iso, { zone: PROGRAMME_TIME_ZONE }).startOf("day");
  return { from: day(programme.startsOn).toJSDate(), until: day(programme.endsOn).plus({ days: 1 }).toJSDate() };
}

/**
 * Sessions may be scheduled once `canStartSessions` (the pair is active and, when the programme requires
 * it, both finished their preparation); else a 409 saying which of the two is missing.
 */
export function checkSessionsOpen(pair: { state: PairState; canStartSessions: boolean }): void {
  if (pair.canStartSessions) return;
  throw new AppError("SESSIONS_NOT_OPEN", {
    messageKey: pair.state === "active" ? "errors.sessionsAwaitOnboarding" : "errors.sessionsPairNotActive",
  });
}

export type TimeSlot = { startsAt: Date; endsAt: Date };

/**
 * A session's time: to come (not before `now`), within the programme's days, and overlapping none of the
 * pair's other scheduled sessions (a session may not end past the programme's last day either). Each
 * problem names `startsAt`.
 */
export function sessionTimeProblems(
  slot: TimeSlot,
  facts: { now: Date; programme: { startsOn: string; endsOn: string }; others: readonly TimeSlot[] },
): ErrorDetail[] {
  const { from, until } = programmeWindow(facts.programme);
  if (slot.startsAt.getTime() < facts.now.getTime()) return [{ path: "startsAt", messageKey: "fields.sessionInPast" }];
  if (slot.startsAt.getTime() < from.getTime() || slot.endsAt.getTime() > until.getTime())
    return [
      {
        path: "startsAt",
        messageKey: "fields.sessionOutsideProgramme",
        // The programme's calendar days, read back in UTC so that no server zone moves them.
        params: { from: new Date(`${facts.programme.startsOn}T00:00:00Z`), to: new Date(`${facts.programme.endsOn}T00:00:00Z`) },
      },
    ];
  if (facts.others.some((o) => overlaps(slot, o))) return [{ path: "startsAt", messageKey: "fields.sessionOverlaps" }];
  return [];
}

export const overlaps = (a: TimeSlot, b: TimeSlot) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/**
 * Where a session happens fits the programme's format (online only, in person only, or both), and the
 * place fits the mode: online, a web link (http or https); in person, any place.
 */
export function modeAndLocationProblems(mode: SessionMode, location: string, format: Format): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (format === "online" && mode !== "online") problems.push({ path: "mode", messageKey: "fields.sessionOnlineOnly" });
  if (format === "in_person" && mode !== "in_person") problems.push({ path: "mode", messageKey: "fields.sessionInPersonOnly" });
  if (mode === "online" && !isWebUrl(location)) problems.push({ path: "location", messageKey: "fields.webUrl" });
  return problems;
}

/** One 400 naming every refused field, or nothing. */
export function throwIfProblems(problems: readonly ErrorDetail[]): void {
  if (problems.length) throw invalidFields([...problems]);
}

/** When the agenda is due: the start minus the programme's deadline in hours. */
export const agendaDueAt = (startsAt: Date, deadlineHours: number) => new Date(startsAt.getTime() - deadlineHours * HOUR);

export type SessionFacts = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  mode: SessionMode;
  location: string;
  sequence: number;
  agendaDueAt: Date;
};

/** Only a scheduled session may be moved or cancelled: 409 for one held, missed or cancelled. */
export function checkScheduled(session: { status: SessionStatus }): void {
  if (session.status !== "scheduled") throw new AppError("SESSION_NOT_SCHEDULED");
}

export type SessionChange = {
  startsAt: Date;
  endsAt: Date;
  mode: SessionMode;
  location: string;
  sequence: number;
  agendaDueAt: Date;
  /** Present (null) when the start moves: "session tomorrow" goes out again for the new time. */
  tomorrowReminderAt?: null;
  /** Present (null) when the agenda's deadline moves: "agenda due" goes out again for the new deadline. */
  agendaReminderAt?: null;
  updatedAt: Date;
};

/**
 * What a reschedule writes: the new time (the length kept unless given), mode and place, SEQUENCE + 1 so
 * that calendars follow (a new place too), the agenda's deadline recomputed. A reminder already sent is
 * re-armed only when what it announced moved: "session tomorrow" with the start, "agenda due" with the
 * deadline; a new place or length alone sends neither again. Null when nothing changes (nobody is told,
 * no calendar moves). `timeChanged` says whether the time needs checking.
 */
export function decideReschedule(
  session: SessionFacts,
  changes: { startsAt?: Date; minutes?: number; mode?: SessionMode; location?: string },
  context: { deadlineHours: number; now: Date },
): { change: SessionChange; timeChanged: boolean } | null {
  checkScheduled(session);
  const startsAt = changes.startsAt ?? session.startsAt;
  const minutes = changes.minutes ?? Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const mode = changes.mode ?? session.mode;
  const location = changes.location ?? session.location;
  const timeChanged = startsAt.getTime() !== session.startsAt.getTime() || endsAt.getTime() !== session.endsAt.getTime();
  if (!timeChanged && mode === session.mode && location === session.location) return null;
  const dueAt = agendaDueAt(startsAt, context.deadlineHours);
  return {
    timeChanged,
    change: {
      startsAt,
      endsAt,
      mode,
      location,
      sequence: session.sequence + 1,
      agendaDueAt: dueAt,
      ...(startsAt.getTime() !== session.startsAt.getTime() ? { tomorrowReminderAt: null } : {}),
      ...(dueAt.getTime() !== session.agendaDueAt.getTime() ? { agendaReminderAt: null } : {}),
      updatedAt: context.now,
    },
  };
}

/** What a cancellation writes: the status, the reason, who and when, SEQUENCE + 1 (calendars show it cancelled). */
export function decideCancel(session: SessionFacts, reason: string, context: { personId: string; now: Date }) {
  checkScheduled(session);
  return {
    status: "cancelled" as const,
    cancelReason: reason,
    sequence: session.sequence + 1,
    statusByPersonId: context.personId,
    statusAt: context.now,
    updatedAt: context.now,
  };
}

/**
 * Held or missed, once the session has started (a session still to come has no outcome yet): from
 * scheduled, or correcting held ↔ missed. A cancelled session stays cancelled. Null when it already has
 * this outcome (nothing to write).
 */
export function decideOutcome(session: SessionFacts, outcome: SessionOutcome, context: { personId: string; now: Date }) {
  if (session.status === "cancelled") throw new AppError("SESSION_NOT_SCHEDULED", { messageKey: "errors.sessionCancelled" });
  if (session.startsAt.getTime() > context.now.getTime()) throw new AppError("SESSION_NOT_STARTED");
  if (session.status === outcome) return null;
  return { status: outcome, statusByPersonId: context.personId, statusAt: context.now, updatedAt: context.now };
}

/** An agenda changes while its session is scheduled: 409 once held, missed or cancelled. */
export function checkAgendaOpen(session: { status: SessionStatus }): void {
  if (session.status !== "scheduled") throw new AppError("AGENDA_CLOSED");
}

export const isAgendaOpen = (session: { status: SessionStatus }) => session.status === "scheduled";

/**
 * Who may change or remove an agenda item: its author, and the mentee for every item (the mentee
 * prepares the agenda; the mentor adds to it).
 */
export function mayEditAgendaItem(reader: ParticipantRole, author: ParticipantRole | null): boolean {
  return reader === "mentee" || reader === author;
}

export function checkMayEditAgendaItem(reader: ParticipantRole, author: ParticipantRole | null): void {
  if (!mayEditAgendaItem(reader, author)) throw forbidden();
}

/** The sessions' numbers: 1, 2… in order of time among those not cancelled; null for a cancelled one. */
export function numberSessions<S extends { id: string; startsAt: Date; status: SessionStatus }>(
  sessions: readonly S[],
): Map<string, number> {
  const numbers = new Map<string, number>();
  const ordered = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  let n = 0;
  for (const s of ordered) if (s.status !== "cancelled") numbers.set(s.id, ++n);
  return numbers;
}

/**
 * Where to look for the next session's times: around the last session (not cancelled) plus the
 * programme's cadence, or tomorrow for the first one; never sooner than a day from now (nobody gets a
 * proposal for within the hour), from two days before the target (a little room either side of the
 * rhythm), within the programme's days.
 */
export function proposalWindow(facts: {
  now: Date;
  lastStartsAt: Date | null;
  cadenceWeeks: number;
  programme: { startsOn: string; endsOn: string };
}): { after: Date; until: Date } {
  const target = facts.lastStartsAt ? facts.lastStartsAt.getTime() + facts.cadenceWeeks * 7 * DAY : facts.now.getTime() + DAY;
  const { from, until } = programmeWindow(facts.programme);
  const after = Math.max(facts.now.getTime() + DAY, target - 2 * DAY, from.getTime());
  return { after: new Date(after), until };
}

/** A time zone people's times can be shown in: theirs when it is a valid IANA name, else Paris. */
export function validTimeZone(zone: string | null | undefined): string {
  return zone && DateTime.local().setZone(zone).isValid ? zone : PROGRAMME_TIME_ZONE;
}

/** The reader's part of an author's person id in the pair (null when the author is gone). */
export function roleOf(personId: string | null, pair: { mentorId: string; menteeId: string }): ParticipantRole | null {
  if (personId && personId === pair.mentorId) return "mentor";
  if (personId && personId === pair.menteeId) return "mentee";
  return null;
}
