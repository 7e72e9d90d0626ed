/**
 * The rules of a pair's goals (docs/goals.md), as decisions without a database: who may write, edit,
 * agree to, update, achieve and sign off a goal and when, what is written and who is told. The use
 * cases load the facts, open the transaction and carry the decision out; a refusal is thrown as the
 * AppError the API answers, before anything is written.
 */
import { DateTime } from "luxon";
import { GOAL_TRANSITIONS, type GoalActions, type GoalAgreement, type GoalStatus } from "../../../contracts/goals.ts";
import type { NotificationKind } from "../../../contracts/notifications.ts";
import type { PairState } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import { AppError, invalidFields } from "../../platform/errors/app-error.ts";

/** The zone a "today" is read in: due dates are calendar days of the programme's people. */
export const GOALS_TIME_ZONE = "Europe/Paris";
/** However soon the programme ends, a goal may be due this many days ahead. */
export const DUE_ON_MIN_HORIZON_DAYS = 31;

/** A notification to a person of the pair. */
export type Notice = { personId: string; kind: NotificationKind; params: Record<string, string>; link: string };

/** The caller as one of the pair's two people (pairs' `pairMember`). */
export type Member = { role: ParticipantRole; personId: string; partnerId: string };

/** What a decision needs to know of the pair. */
export type PairFacts = { id: string; state: PairState; mentorId: string; menteeId: string };

/** What a decision needs to know of a goal. */
export type GoalFacts = {
  id: string;
  pairId: string;
  learnerRole: ParticipantRole;
  statement: string;
  status: GoalStatus;
  /** Who wrote the current wording (the other one agrees to it); null once their directory entry is gone. */
  createdByPersonId: string | null;
  agreedAt: Date | null;
  achievedAt: Date | null;
  signedOffAt: Date | null;
};

const pairLink = (pairId: string) => `/pairs/${pairId}`;

/** The person who learns in a goal of this direction. */
export function learnerOf(pair: Pick<PairFacts, "mentorId" | "menteeId">, learnerRole: ParticipantRole): string {
  return learnerRole === "mentor" ? pair.mentorId : pair.menteeId;
}

/* ---------------------------------------------------------------- who may, when */

/** The pair's goals change while the pair is open (intro coffee or running); a closed pair's goals are kept as they were. */
export function isPairOpen(state: PairState): boolean {
  return state === "intro" || state === "active";
}

/** Writing, editing, agreeing and updating need an open pair. */
export function checkPairOpen(pair: Pick<PairFacts, "state">): void {
  if (!isPairOpen(pair.state)) throw new AppError("GOAL_PAIR_CLOSED");
}

/** A goal is edited while it is pursued: once achieved or dropped, its words stay as they were. */
export function isEditable(goal: Pick<GoalFacts, "status">): boolean {
  return goal.status === "not_started" || goal.status === "in_progress";
}

/** Agreeing is for the partner of whoever wrote the current wording (either one when that person is gone). */
function isAuthor(goal: Pick<GoalFacts, "createdByPersonId">, member: Member): boolean {
  return goal.createdByPersonId === member.personId;
}

/** What the caller may do with a goal now: the web shows only these buttons, the use cases check the same rules. */
export function goalActions(goal: GoalFacts, member: Member, pairState: PairState): GoalActions {
  const isOpen = isPairOpen(pairState);
  const isLearner = member.role === goal.learnerRole;
  return {
    edit: isOpen && isEditable(goal),
    agree: isOpen && !goal.agreedAt && goal.status !== "dropped" && !isAuthor(goal, member),
    update: isOpen,
    achieve: isOpen && isLearner && GOAL_TRANSITIONS[goal.status].includes("achieved"),
    signOff: mayBeSignedOff(pairState) && goal.status === "achieved" && !goal.signedOffAt && !isLearner,
  };
}

/** An achieved goal may still be signed off once the pair has completed: "I saw it" comes after the fact. */
function mayBeSignedOff(state: PairState): boolean {
  return isPairOpen(state) || state === "completed";
}

/* ---------------------------------------------------------------- due dates */

/** The calendar day of `now` in the goals' time zone (YYYY-MM-DD). */
export function todayOf(now: Date): string {
  return DateTime.fromJSDate(now, { zone: GOALS_TIME_ZONE }).toISODate() as string;
}

/**
 * The due dates allowed: from today to the programme's end, or to a month ahead when the programme ends
 * sooner (a goal set in its last weeks still gets a reasonable horizon).
 */
export function dueOnBounds(now: Date, programmeEndsOn: string): { min: string; max: string } {
  const min = todayOf(now);
  const horizon = DateTime.fromISO(min, { zone: "utc" }).plus({ days: DUE_ON_MIN_HORIZON_DAYS }).toISODate() as string;
  return { min, max: programmeEndsOn > horizon ? programmeEndsOn : horizon };
}

/** A due date out of bounds is a 400 naming `dueOn`. */
export function checkDueOn(dueOn: string, bounds: { min: string; max: string }): void {
  if (dueOn < bounds.min) throw invalidFields([{ path: "dueOn", messageKey: "fields.dueOnTooEarly" }]);
  if (dueOn > bounds.max) {
    throw invalidFields([{ path: "dueOn", messageKey: "fields.dueOnTooLate", params: { max: new Date(`${bounds.max}T00:00:00Z`) } }]);
  }
}

/** The same skill twice is a 400 naming `skillIds`. */
export function checkDistinctSkills(skillIds: readonly string[]): void {
  const twice = [...new Set(skillIds.filter((id, k) => skillIds.indexOf(id) !== k))];
  if (twice.length) throw invalidFields([{ path: "skillIds", messageKey: "fields.duplicateSkill", params: { ids: twice.join(", ") } }]);
}

/* ---------------------------------------------------------------- writing a goal */

export type NewGoal = {
  pairId: string;
  learnerRole: ParticipantRole;
  skillIds: string[];
  templateId: string | null;
  statement: string;
  target: string;
  dueOn: string;
  createdByPersonId: string;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Either of the pair writes a goal, in either direction (the junior may write the senior's goal after a
 * session, and the other way round); the partner is asked to agree to it.
 */
export function decideCreate(input: {
  pair: PairFacts;
  member: Member;
  /** The author's name, as the partner reads it. */
  authorName: string;
  body: { learnerRole: ParticipantRole; skillIds: string[]; statement: string; target: string; dueOn: string; templateId?: string };
  now: Date;
}): { goal: NewGoal; notices: Notice[] } {
  const { pair, member, body, now } = input;
  checkPairOpen(pair);
  checkDistinctSkills(body.skillIds);
  return {
    goal: {
      pairId: pair.id,
      learnerRole: body.learnerRole,
      skillIds: body.skillIds,
      templateId: body.templateId ?? null,
      statement: body.statement,
      target: body.target,
      dueOn: body.dueOn,
      createdByPersonId: member.personId,
      createdAt: now,
      updatedAt: now,
    },
    notices: [
      {
        personId: member.partnerId,
        kind: "goal_proposed",
        params: { partnerName: input.authorName, pairId: pair.id },
        link: pairLink(pair.id),
      },
    ],
  };
}

export type GoalEdit = {
  skillIds?: string[];
  statement?: string;
  target?: string;
  dueOn?: string;
};

/**
 * Editing a goal still pursued: whoever edits writes the new wording, so the partner's agreement is
 * cleared and asked again. Nothing actually changed: nothing is written, nobody is told.
 */
export function decideEdit(input: {
  pair: PairFacts;
  goal: GoalFacts & { skillIds: string[]; target: string; dueOn: string | null };
  member: Member;
  editorName: string;
  changes: GoalEdit;
  now: Date;
}): {
  values: (GoalEdit & { createdByPersonId: string; agreedAt: null; agreedByPersonId: null; updatedAt: Date }) | null;
  notices: Notice[];
} {
  const { pair, goal, member, changes, now } = input;
  checkPairOpen(pair);
  if (!isEditable(goal)) throw new AppError("GOAL_NOT_EDITABLE");
  if (changes.skillIds) checkDistinctSkills(changes.skillIds);
  const changed: GoalEdit = {};
  if (changes.statement !== undefined && changes.statement !== goal.statement) changed.statement = changes.statement;
  if (changes.target !== undefined && changes.target !== goal.target) changed.target = changes.target;
  if (changes.dueOn !== undefined && changes.dueOn !== goal.dueOn) changed.dueOn = changes.dueOn;
  if (changes.skillIds !== undefined && changes.skillIds.join("\n") !== goal.skillIds.join("\n")) changed.skillIds = changes.skillIds;
  if (!Object.keys(changed).length) return { values: null, notices: [] };
  return {
    values: { ...changed, createdByPersonId: member.personId, agreedAt: null, agreedByPersonId: null, updatedAt: now },
    notices: [
      {
        personId: member.partnerId,
        kind: "goal_proposed",
        params: { partnerName: input.editorName, pairId: pair.id },
        link: pairLink(pair.id),
      },
    ],
  };
}

/* ---------------------------------------------------------------- agreeing */

/** The partner of whoever wrote the goal agrees to it as written, once. */
export function decideAgree(input: { pair: PairFacts; goal: GoalFacts; member: Member; now: Date }): {
  agreedAt: Date;
  agreedByPersonId: string;
} {
  const { pair, goal, member, now } = input;
  checkPairOpen(pair);
  if (isAuthor(goal, member)) throw new AppError("GOAL_PARTNER_ONLY");
  if (goal.agreedAt) throw new AppError("GOAL_ALREADY_AGREED");
  if (goal.status === "dropped") throw new AppError("GOAL_NOT_EDITABLE");
  return { agreedAt: now, agreedByPersonId: member.personId };
}

/* ---------------------------------------------------------------- progress */

export type NewGoalUpdate = {
  goalId: string;
  authorPersonId: string;
  status: GoalStatus | null;
  note: string;
  evidenceUrl: string | null;
  evidenceText: string | null;
  createdAt: Date;
};

/**
 * A progress update: words, evidence, and maybe a new status. Only the learner marks a goal achieved
 * (the partner is then asked to sign it off); either may start, drop or take up a goal again. The
 * status the goal already has is no change.
 */
export function decideProgress(input: {
  pair: PairFacts;
  goal: GoalFacts;
  member: Member;
  learnerName: string;
  body: { status?: GoalStatus; note: string; evidenceUrl?: string | null; evidenceText?: string | null };
  now: Date;
}): {
  update: NewGoalUpdate;
  goalValues: { status: GoalStatus; achievedAt?: Date; updatedAt: Date } | null;
  notices: Notice[];
} {
  const { pair, goal, member, body, now } = input;
  checkPairOpen(pair);
  const status = body.status !== undefined && body.status !== goal.status ? body.status : null;
  if (status === "achieved" && member.role !== goal.learnerRole) throw new AppError("GOAL_LEARNER_ONLY");
  if (status && !GOAL_TRANSITIONS[goal.status].includes(status)) throw new AppError("GOAL_INVALID_STATUS_CHANGE");
  const evidenceUrl = body.evidenceUrl || null;
  const evidenceText = body.evidenceText || null;
  if (!status && !body.note && !evidenceUrl && !evidenceText) throw invalidFields([{ path: "note", messageKey: "fields.required" }]);
  const notices: Notice[] =
    status === "achieved"
      ? [
          {
            personId: member.partnerId,
            kind: "goal_achieved",
            params: { partnerName: input.learnerName, pairId: pair.id },
            link: pairLink(pair.id),
          },
        ]
      : [];
  return {
    update: { goalId: goal.id, authorPersonId: member.personId, status, note: body.note, evidenceUrl, evidenceText, createdAt: now },
    goalValues: status ? { status, ...(status === "achieved" ? { achievedAt: now } : {}), updatedAt: now } : null,
    notices,
  };
}

/* ---------------------------------------------------------------- sign-off */

/** The learner's partner saw the goal achieved ("I saw it"), once; the learner is told. */
export function decideSignOff(input: { pair: PairFacts; goal: GoalFacts; member: Member; signerName: string; now: Date }): {
  values: { signedOffAt: Date; signedOffByPersonId: string; updatedAt: Date };
  notices: Notice[];
} {
  const { pair, goal, member, now } = input;
  if (!mayBeSignedOff(pair.state)) throw new AppError("GOAL_PAIR_CLOSED");
  if (member.role === goal.learnerRole) throw new AppError("GOAL_PARTNER_ONLY", { messageKey: "errors.goalSignOffPartnerOnly" });
  if (goal.status !== "achieved") throw new AppError("GOAL_NOT_ACHIEVED");
  if (goal.signedOffAt) throw new AppError("GOAL_ALREADY_SIGNED_OFF");
  return {
    values: { signedOffAt: now, signedOffByPersonId: member.personId, updatedAt: now },
    notices: [
      {
        personId: learnerOf(pair, goal.learnerRole),
        kind: "goal_signed_off",
        params: { partnerName: input.signerName, pairId: pair.id },
        link: pairLink(pair.id),
      },
    ],
  };
}

/* ---------------------------------------------------------------- agreement */

/** Directions in the order the page shows them: what the senior learns, then what the junior learns. */
export const LEARNER_ROLES: readonly ParticipantRole[] = ["mentee", "mentor"];
/** Held sessions after which the app asks for agreed goals: "before session 3". */
export const AGREEMENT_AFTER_SESSIONS = 2;

/**
 * Whether the app asks the pair to agree their goals: a running pair with two sessions held, where a
 * direction has no goal still pursued, or one its partner has not agreed to.
 */
export function agreementOf(
  goals: readonly Pick<GoalFacts, "learnerRole" | "status" | "agreedAt">[],
  sessionsHeld: number,
  pairState: PairState,
): GoalAgreement {
  const missing = LEARNER_ROLES.filter((role) => {
    const pursued = goals.filter((g) => g.learnerRole === role && g.status !== "dropped");
    return pursued.length === 0 || pursued.some((g) => !g.agreedAt);
  });
  return { needed: pairState === "active" && sessionsHeld >= AGREEMENT_AFTER_SESSIONS && missing.length > 0, sessionsHeld, missing };
}
