/**
 * The rules of a pair's life (docs/pairs.md), as decisions without a database: which transition is
 * allowed from which state and by whom, what is written (the pair's change, its event) and who is told
 * (which notification to whom). The use cases load the facts, open the transaction and carry the
 * decision out; a refusal is thrown as the AppError the API answers, before anything is written.
 */
import { DateTime } from "luxon";
import type { NotificationKind } from "../../../contracts/notifications.ts";
import type { EndReason, PairCause, PairOrigin, PairState, ParticipantReason } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Format } from "../../../contracts/session-formats.ts";
import { SESSION_MODES, type SessionMode } from "../../../contracts/sessions.ts";
import { AppError, invalidFields } from "../../platform/errors/app-error.ts";
import { requireMember } from "./pairs.policy.ts";

export type { PairCause } from "../../../contracts/pairs.ts";

/** Who may trigger a pair transition: one of the pair's two people, a manager, or Passerelle itself. */
export type PairActor = ParticipantRole | "manager" | "system";

export type PairTransition = { from: PairState | null; to: PairState; cause: PairCause; by: readonly PairActor[] };

/** Every allowed transition of a pair (docs/pairs.md prints this table). Anything else is a 409. */
export const PAIR_TRANSITIONS: readonly PairTransition[] = [
  { from: null, to: "intro", cause: "matching", by: ["manager"] },
  { from: null, to: "intro", cause: "proposal", by: ["mentor"] },
  { from: null, to: "intro", cause: "manual", by: ["manager"] },
  { from: "intro", to: "active", cause: "intro_confirmed", by: ["system"] },
  { from: "intro", to: "not_a_fit", cause: "intro_not_a_fit", by: ["mentor", "mentee"] },
  { from: "intro", to: "ended_early", cause: "ended_early", by: ["mentor", "mentee", "manager"] },
  { from: "intro", to: "ended_early", cause: "programme_closed", by: ["system"] },
  { from: "active", to: "ended_early", cause: "ended_early", by: ["mentor", "mentee", "manager"] },
  { from: "active", to: "completed", cause: "completed_by_both", by: ["system"] },
  { from: "active", to: "completed", cause: "completed_by_manager", by: ["manager"] },
  { from: "active", to: "completed", cause: "programme_closed", by: ["system"] },
];

export function findTransition(from: PairState, to: PairState, cause: PairCause, actor: PairActor): PairTransition | undefined {
  return PAIR_TRANSITIONS.find((t) => t.from === from && t.to === to && t.cause === cause && t.by.includes(actor));
}

export const invalidTransition = (from: PairState, to: PairState) => new AppError("INVALID_PAIR_TRANSITION", { params: { from, to } });

/** How long after an intro meeting's start its people are asked for their answer: the coffee has taken place. */
export const INTRO_LENGTH_MS = 60 * 60 * 1000;

/** What the intro answers decide: both yes → active; any no → not a fit; otherwise wait. */
export function introOutcome(answers: readonly { isFit: boolean }[]): "active" | "not_a_fit" | "waiting" {
  if (answers.some((a) => !a.isFit)) return "not_a_fit";
  return answers.length >= 2 ? "active" : "waiting";
}

/* ---------------------------------------------------------------- what a decision writes and tells */

/** A notification to a person of the directory. */
export type Notice = { personId: string; kind: NotificationKind; params: Record<string, string>; link: string };
/** A notification to every programme manager. */
export type ManagersNotice = { kind: NotificationKind; params: Record<string, string>; link: string };

/** The columns of a pair a decision changes (`updatedAt` always). */
export type PairChange = {
  state?: PairState;
  endReason?: EndReason | null;
  introAt?: Date;
  introPlace?: string;
  introReminderAt?: Date | null;
  completionAgreedBy?: string[];
  updatedAt: Date;
};

/** A row of pair_events: one transition, who caused it, the reason and note given. */
export type PairEventRecord = {
  pairId: string;
  fromState: PairState | null;
  toState: PairState;
  cause: PairCause;
  byUserId: string | null;
  reason: EndReason | null;
  note: string | null;
  at: Date;
};

/** What happens to one pair: its change (none: nothing to write), its event, who is told. */
export type PairDecision = {
  change: PairChange | null;
  event: PairEventRecord | null;
  notices: Notice[];
  managersNotice: ManagersNotice | null;
};

/** What a decision about a pair needs to know of it: its people and their names, its programme's name. */
export type PairFacts = {
  id: string;
  programmeId: string;
  programmeName: string;
  mentorId: string;
  menteeId: string;
  mentorName: string;
  menteeName: string;
  state: PairState;
  completionAgreedBy: readonly string[];
};

const pairLink = (pairId: string) => `/pairs/${pairId}`;
const managersLink = (programmeId: string) => `/programmes/${programmeId}?tab=pairs`;
const bothOf = (pair: { mentorId: string; menteeId: string }) => [pair.mentorId, pair.menteeId];

/** The other person of the pair. */
export function partnerOf(pair: { mentorId: string; menteeId: string }, personId: string | null): string {
  return pair.mentorId === personId ? pair.menteeId : pair.mentorId;
}

/** The names a managers' notification shows: who, in which programme. */
function managersParams(pair: PairFacts): Record<string, string> {
  return { programmeName: pair.programmeName, mentorName: pair.mentorName, menteeName: pair.menteeName, pairId: pair.id };
}

/**
 * A transition of the state machine: refused unless PAIR_TRANSITIONS allows it to this actor. Ending
 * early keeps the person's reason (a closing programme's is "other"); the event keeps the reason and note.
 */
function transition(
  pair: { id: string; state: PairState },
  to: PairState,
  cause: PairCause,
  actor: PairActor,
  context: { userId: string | null; now: Date; reason?: EndReason | null; note?: string | null },
): { change: PairChange; event: PairEventRecord } {
  if (!findTransition(pair.state, to, cause, actor)) throw invalidTransition(pair.state, to);
  const reason = cause === "ended_early" ? (context.reason ?? null) : null;
  return {
    change: {
      state: to,
      updatedAt: context.now,
      ...(to === "ended_early" ? { endReason: cause === "ended_early" ? reason : "other" } : {}),
    },
    event: {
      pairId: pair.id,
      fromState: pair.state,
      toState: to,
      cause,
      byUserId: context.userId,
      reason,
      note: context.note ?? null,
      at: context.now,
    },
  };
}

const toBoth = (pair: PairFacts, kind: NotificationKind, params: Record<string, string>): Notice[] =>
  bothOf(pair).map((personId) => ({ personId, kind, params, link: pairLink(pair.id) }));

/* ---------------------------------------------------------------- opening */

/** A pair to open: its id (chosen by the use case), its people, and the score and reasons that made it. */
export type PairToOpen<R> = { id: string; mentorId: string; menteeId: string; score: number | null; reasons: R };

/**
 * Opening pairs (a published run or a pair formed by hand: the manager; an accepted proposal: the mentor): each starts in intro
 * with its first event, and both people are told who their partner is.
 */
export function decideOpening<R>(
  items: readonly PairToOpen<R>[],
  context: {
    programme: { id: string; name: string };
    origin: PairOrigin;
    byUserId: string;
    nameOf: (personId: string) => string;
    now: Date;
  },
) {
  const { programme, origin, byUserId, nameOf, now } = context;
  return {
    pairs: items.map((p) => ({
      id: p.id,
      programmeId: programme.id,
      mentorId: p.mentorId,
      menteeId: p.menteeId,
      state: "intro" as const,
      origin,
      score: p.score,
      reasons: p.reasons,
      createdAt: now,
      updatedAt: now,
    })),
    events: items.map(
      (p): PairEventRecord => ({
        pairId: p.id,
        fromState: null,
        toState: "intro",
        cause: origin,
        byUserId,
        reason: null,
        note: null,
        at: now,
      }),
    ),
    // A pair formed by proposal was just accepted by its mentor, and its mentee is told so by the
    // proposal ("proposal_accepted"): a second notice (and email) would say the same thing again.
    notices: items.flatMap((p) =>
      (origin === "proposal" ? [] : bothOf(p)).map(
        (personId): Notice => ({
          personId,
          kind: "match_published",
          params: { programmeName: programme.name, partnerName: nameOf(partnerOf(p, personId)), pairId: p.id },
          link: pairLink(p.id),
        }),
      ),
    ),
  };
}

/* ---------------------------------------------------------------- the intro coffee */

/** The zone of a programme's calendar dates (its start and end): the company's. */
export const PROGRAMME_TIME_ZONE = "Europe/Paris";
/** The app proposes intro times from this long ahead: the partner needs notice. */
export const INTRO_NOTICE_MS = 24 * 60 * 60 * 1000;

export type ProgrammeDates = { startsOn: string; endsOn: string };

/** The instants a programme's dates span: from midnight of its first day to midnight after its last, in Paris. */
export function programmeSpan(programme: ProgrammeDates): { from: Date; until: Date } {
  const from = DateTime.fromISO(programme.startsOn, { zone: PROGRAMME_TIME_ZONE }).startOf("day");
  const until = DateTime.fromISO(programme.endsOn, { zone: PROGRAMME_TIME_ZONE }).startOf("day").plus({ days: 1 });
  return { from: from.toJSDate(), until: until.toJSDate() };
}

/** A calendar date as the messages' `datetime(…; timeZone: UTC)` format shows it: the same day everywhere. */
const calendarDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * When an intro coffee may take place: not in the past, and on one of the programme's days (Paris dates).
 * Otherwise a field error on `at`, which the form shows under the date.
 */
export function checkIntroTime(at: Date, now: Date, programme: ProgrammeDates): void {
  if (at.getTime() < now.getTime()) throw invalidFields([{ path: "at", messageKey: "fields.introInPast" }]);
  const { from, until } = programmeSpan(programme);
  if (at.getTime() < from.getTime() || at.getTime() >= until.getTime())
    throw invalidFields([
      {
        path: "at",
        messageKey: "fields.introOutsideProgramme",
        params: { startsOn: calendarDay(programme.startsOn), endsOn: calendarDay(programme.endsOn) },
      },
    ]);
}

/** Where the intro coffee is proposed: the programme's format, or when it allows both, what suits both people (else in person). */
export function introMode(programmeFormat: Format, formats: readonly (Format | null)[]): SessionMode {
  if (programmeFormat !== "both") return programmeFormat;
  const suitsBoth = SESSION_MODES.filter((mode) => formats.every((f) => f === null || f === "both" || f === mode));
  return suitsBoth.length === 1 && suitsBoth[0] ? suitsBoth[0] : "in_person";
}

/** When proposed intro times may fall: from 24 hours ahead (and the programme's first day) to the programme's end. */
export function introSlotWindow(now: Date, programme: ProgrammeDates): { after: Date; until: Date } {
  const { from, until } = programmeSpan(programme);
  return { after: new Date(Math.max(now.getTime() + INTRO_NOTICE_MS, from.getTime())), until };
}

/**
 * One of the pair schedules (or moves) the intro meeting, while in intro, at a time to come within the
 * programme (checkIntroTime); the partner is told.
 */
export function decideScheduleIntro(
  pair: PairFacts,
  actor: PairActor,
  intro: { at: Date; place: string },
  now: Date,
  programme: ProgrammeDates,
): PairDecision {
  const role = requireMember(actor);
  if (pair.state !== "intro") throw new AppError("NOT_IN_INTRO");
  checkIntroTime(intro.at, now, programme);
  const me = role === "mentor" ? pair.mentorId : pair.menteeId;
  return {
    // Moving the meeting re-arms the reminder for after the new time.
    change: { introAt: intro.at, introPlace: intro.place, introReminderAt: null, updatedAt: now },
    event: null,
    notices: [
      {
        personId: partnerOf(pair, me),
        kind: "intro_scheduled",
        params: { programmeName: pair.programmeName, at: intro.at.toISOString(), pairId: pair.id },
        link: pairLink(pair.id),
      },
    ],
    managersNotice: null,
  };
}

export type IntroAnswer = { personId: string; isFit: boolean; reason: string | null };

/**
 * "We will work well together" or "not a fit", by one of the pair, while in intro (answering again
 * replaces the answer). Both yes → active, both told. Any no → not a fit: both told, and the managers
 * (who needs a new match, never the reason). Nothing is sent while waiting: a notice after a "yes"
 * would tell the partner the answer.
 */
export function decideIntroAnswer(
  pair: PairFacts,
  actor: PairActor,
  answer: { isFit: boolean; reason?: string | null | undefined },
  earlier: readonly { personId: string; isFit: boolean }[],
  context: { userId: string | null; now: Date },
): PairDecision & { answer: IntroAnswer } {
  const role = requireMember(actor);
  if (pair.state !== "intro") throw new AppError("NOT_IN_INTRO");
  const personId = role === "mentor" ? pair.mentorId : pair.menteeId;
  const mine: IntroAnswer = { personId, isFit: answer.isFit, reason: answer.isFit ? null : (answer.reason ?? null) };
  const outcome = introOutcome([...earlier.filter((a) => a.personId !== personId), mine]);
  const params = { programmeName: pair.programmeName, pairId: pair.id };
  if (outcome === "active") {
    const { change, event } = transition(pair, "active", "intro_confirmed", "system", context);
    return { answer: mine, change, event, notices: toBoth(pair, "pair_active", params), managersNotice: null };
  }
  if (outcome === "not_a_fit") {
    const { change, event } = transition(pair, "not_a_fit", "intro_not_a_fit", role, context);
    return {
      answer: mine,
      change,
      event,
      notices: toBoth(pair, "pair_not_a_fit", params),
      managersNotice: { kind: "managers_pair_not_a_fit", params: managersParams(pair), link: managersLink(pair.programmeId) },
    };
  }
  return { answer: mine, change: null, event: null, notices: [], managersNotice: null };
}

/** When an intro meeting is far enough in the past for its people to be asked for their answer. */
export function introRemindersDueUntil(now: Date): Date {
  return new Date(now.getTime() - INTRO_LENGTH_MS);
}

/** Once an intro meeting has taken place, each person who has not answered yet is asked to, once. */
export function decideIntroReminders(
  due: readonly { id: string; programmeId: string; mentorId: string; menteeId: string }[],
  answers: readonly { pairId: string; personId: string }[],
  programmeNames: ReadonlyMap<string, string>,
): Notice[] {
  return due.flatMap((pair) =>
    bothOf(pair)
      .filter((personId) => !answers.some((a) => a.pairId === pair.id && a.personId === personId))
      .map(
        (personId): Notice => ({
          personId,
          kind: "intro_answer_needed",
          params: { programmeName: programmeNames.get(pair.programmeId) ?? "", pairId: pair.id },
          link: pairLink(pair.id),
        }),
      ),
  );
}

/* ---------------------------------------------------------------- the end */

/**
 * Either person, or a manager, ends the pair early with a reason (from intro or active). A person's
 * partner is told, and the managers with the reason's category; a manager's ending tells both people.
 */
export function decideEnd(
  pair: PairFacts,
  actor: PairActor,
  body: { reason: EndReason; note?: string | null | undefined },
  context: { personId: string | null; userId: string; now: Date },
): PairDecision {
  const { change, event } = transition(pair, "ended_early", "ended_early", actor, {
    userId: context.userId,
    now: context.now,
    reason: body.reason,
    note: body.note ?? null,
  });
  const told = actor === "manager" ? bothOf(pair) : [partnerOf(pair, context.personId)];
  return {
    change,
    event,
    notices: told.map((personId) => ({
      personId,
      kind: "pair_ended",
      params: { programmeName: pair.programmeName, reason: body.reason, pairId: pair.id },
      link: pairLink(pair.id),
    })),
    managersNotice:
      actor === "manager"
        ? null
        : { kind: "managers_pair_ended", params: { ...managersParams(pair), reason: body.reason }, link: managersLink(pair.programmeId) },
  };
}

/**
 * Completing an active pair: a manager completes it; one of its people asks, and it completes once both
 * have (the partner is told of the first request; both of the completion).
 */
export function decideCompletion(
  pair: PairFacts,
  actor: PairActor,
  context: { personId: string | null; userId: string; now: Date },
): PairDecision & { state: PairState } {
  if (pair.state !== "active") throw invalidTransition(pair.state, "completed");
  const params = { programmeName: pair.programmeName, pairId: pair.id };
  const at = { userId: context.userId, now: context.now };
  if (actor === "manager") {
    const { change, event } = transition(pair, "completed", "completed_by_manager", actor, at);
    return { state: "completed", change, event, notices: toBoth(pair, "pair_completed", params), managersNotice: null };
  }
  const role = requireMember(actor);
  const me = role === "mentor" ? pair.mentorId : pair.menteeId;
  const agreed = [...new Set([...pair.completionAgreedBy, me])];
  if (bothOf(pair).every((p) => agreed.includes(p))) {
    const { change, event } = transition(pair, "completed", "completed_by_both", "system", at);
    return {
      state: "completed",
      change: { ...change, completionAgreedBy: agreed },
      event,
      notices: toBoth(pair, "pair_completed", params),
      managersNotice: null,
    };
  }
  return {
    state: pair.state,
    change: { completionAgreedBy: agreed, updatedAt: context.now },
    event: null,
    notices: [{ personId: partnerOf(pair, me), kind: "pair_completion_requested", params, link: pairLink(pair.id) }],
    managersNotice: null,
  };
}

/**
 * A programme closes: its active pairs complete and its pairs still in intro end (reason "other"), each
 * with a "programme_closed" event, and both people of each pair are told.
 */
export function decideProgrammeClose(
  open: readonly { id: string; state: PairState; mentorId: string; menteeId: string }[],
  context: { programmeName: string; userId: string; now: Date },
) {
  const decided = open.map((pair) => {
    const to = pair.state === "active" ? "completed" : "ended_early";
    return { pair, ...transition(pair, to, "programme_closed", "system", { userId: context.userId, now: context.now }) };
  });
  return {
    completed: decided.filter((d) => d.change.state === "completed").map((d) => d.pair.id),
    ended: decided.filter((d) => d.change.state === "ended_early").map((d) => d.pair.id),
    events: decided.map((d) => d.event),
    notices: decided.flatMap(({ pair, change }) =>
      bothOf(pair).map(
        (personId): Notice => ({
          personId,
          kind: change.state === "completed" ? "pair_completed" : "pair_ended",
          params: { programmeName: context.programmeName, reason: "programme_closed", pairId: pair.id },
          link: pairLink(pair.id),
        }),
      ),
    ),
  };
}

/**
 * A match's reasons as a participant reads them (a pair's people, a mentee browsing mentors): ordered by
 * their share of the score, most important first (equal shares keep their order), then without that share,
 * which with the programme's weights would give the score back (docs/pairs.md). Managers keep the figures.
 */
export function participantReasons(reasons: readonly (ParticipantReason & { contribution: number })[]): ParticipantReason[] {
  return [...reasons].sort((a, b) => b.contribution - a.contribution).map(({ component, fr, en }) => ({ component, fr, en }));
}
