/**
 * Rules of a programme's life (docs/pairs.md), as decisions without a database: its phases and who is
 * told when they change, who may enrol or answer and what the enrolment becomes, which of a run's pairs
 * a publication opens, and how a profile becomes the engine's matching profile. The use cases load the
 * facts, open the transaction and carry the decision out; a refusal is thrown as the AppError the API
 * answers, before anything is written.
 */
import type { NotificationKind } from "../../../contracts/notifications.ts";
import type {
  EnrolmentStatus,
  ParticipantRole,
  ProgrammeMatchingSettings,
  ProgrammePhase,
  PublishNotice,
  RunSummary,
  UnmatchedWhy,
} from "../../../contracts/programmes.ts";
import { AppError, notFound } from "../../platform/errors/app-error.ts";
import type { MatchingProfile, MatchingSettings, Reason } from "../matching/index.ts";
import type { StoredProfile } from "../profiles/index.ts";

/** Phases move forward one step; a programme in matching may go back to enrolment to take late joiners. */
const NEXT_PHASES: Record<ProgrammePhase, readonly ProgrammePhase[]> = {
  draft: ["enrolment"],
  enrolment: ["matching"],
  matching: ["enrolment", "running"],
  running: ["closed"],
  closed: [],
};

export function canChangePhase(from: ProgrammePhase, to: ProgrammePhase): boolean {
  return NEXT_PHASES[from].includes(to);
}

/** A notification to a person of the directory. */
export type Notice = { personId: string; kind: NotificationKind; params: Record<string, string>; link: string };

export const programmeClosed = () => new AppError("PROGRAMME_CLOSED");

/** Nothing of a closed programme changes any more: its fields, its enrolments, its pairs. */
export function checkNotClosed(programme: { phase: ProgrammePhase }): void {
  if (programme.phase === "closed") throw programmeClosed();
}

const invitations = (programme: { id: string; name: string }, people: readonly { personId: string; role: ParticipantRole }[]): Notice[] =>
  people.map(({ personId, role }) => ({
    personId,
    kind: "programme_invited",
    params: { programmeId: programme.id, programmeName: programme.name, role },
    link: `/programmes/${programme.id}`,
  }));

/**
 * A phase change (NEXT_PHASES, else a 409 naming both phases). Leaving draft invites the people enrolled
 * so far (nobody is told of a draft); closing also closes the pairs and withdraws the open proposals.
 */
export function decidePhaseChange(
  programme: { id: string; name: string; phase: ProgrammePhase },
  to: ProgrammePhase,
  enrolled: readonly { personId: string; role: ParticipantRole }[],
  now: Date,
) {
  if (!canChangePhase(programme.phase, to)) throw new AppError("INVALID_PHASE_CHANGE", { params: { from: programme.phase, to } });
  return {
    change: { phase: to, updatedAt: now },
    notices: programme.phase === "draft" ? invitations(programme, enrolled) : [],
    closes: to === "closed",
  };
}

/** People a manager enrolled are invited, except into a draft (they are told when enrolment opens). */
export function enrolmentInvitations(
  programme: { id: string; name: string; phase: ProgrammePhase },
  role: ParticipantRole,
  personIds: readonly string[],
): Notice[] {
  return programme.phase === "draft"
    ? []
    : invitations(
        programme,
        personIds.map((personId) => ({ personId, role })),
      );
}

/**
 * A participant applies to a programme: it must be one they may see (else "not found", as an unknown
 * id), open for enrolment, and not one they are enrolled in already. Applying is their answer: joined.
 */
export function decideApplication(facts: {
  programme: { id: string; phase: ProgrammePhase } | undefined;
  isVisible: boolean;
  isEnrolled: boolean;
  role: ParticipantRole;
  now: Date;
}) {
  const { programme, now } = facts;
  if (!programme || !facts.isVisible) throw notFound();
  if (programme.phase !== "enrolment") throw new AppError("NOT_OPEN_FOR_ENROLMENT");
  if (facts.isEnrolled) throw new AppError("ALREADY_ENROLLED");
  return {
    enrolment: {
      programmeId: programme.id,
      role: facts.role,
      status: "joined" as const,
      source: "application" as const,
      createdAt: now,
      answeredAt: now,
    },
  };
}

/**
 * An enrolled person answers: they join, or decline (not while in an open pair: end it first). Not in a
 * draft (hidden: "not found") nor a closed programme. Declining withdraws their open proposals there.
 */
export function decideResponse(facts: {
  programme: { phase: ProgrammePhase } | undefined;
  enrolment: { status: EnrolmentStatus } | undefined;
  accept: boolean;
  hasOpenPair: boolean;
  now: Date;
}) {
  const { programme, accept, now } = facts;
  if (!facts.enrolment || !programme) throw notFound();
  checkNotClosed(programme);
  if (programme.phase === "draft") throw notFound();
  if (!accept && facts.hasOpenPair) throw new AppError("HAS_OPEN_PAIR");
  return { change: { status: accept ? ("joined" as const) : ("declined" as const), answeredAt: now }, withdrawsProposals: !accept };
}

/**
 * Who is told of an answer: the programme managers, when someone declines their enrolment (once: declining
 * again tells nobody), so that they can enrol someone else in time. Joining tells nobody.
 */
export function decideDeclineNotice(facts: {
  programme: { id: string; name: string };
  previousStatus: EnrolmentStatus;
  accept: boolean;
  personName: string;
}): { kind: NotificationKind; params: Record<string, string>; link: string } | null {
  if (facts.accept || facts.previousStatus === "declined") return null;
  return {
    kind: "managers_enrolment_declined",
    params: { personName: facts.personName, programmeName: facts.programme.name },
    link: `/programmes/${facts.programme.id}`,
  };
}

/** A manager takes someone out of a programme: not a closed one, not while they are in an open pair (end it first). */
export function checkRemoval(facts: { programme: { phase: ProgrammePhase }; hasOpenPair: boolean }): void {
  checkNotClosed(facts.programme);
  if (facts.hasOpenPair) throw new AppError("HAS_OPEN_PAIR");
}

/* ---------------------------------------------------------------- cohort matching */

export const matchingClosed = () => new AppError("MATCHING_NOT_OPEN");

/** The engine runs, and runs are published, in matching (the first pairs) and running (rematches). */
export function isMatchingOpen(phase: ProgrammePhase): boolean {
  return phase === "matching" || phase === "running";
}

/** Only the latest run is published, once, while matching is open. */
export function checkPublishable(
  programme: { phase: ProgrammePhase },
  run: { id: string; publishedAt: Date | null } | undefined,
  latestRunId: string | undefined,
): asserts run is { id: string; publishedAt: Date | null } {
  if (!isMatchingOpen(programme.phase)) throw matchingClosed();
  if (!run) throw notFound();
  if (run.publishedAt) throw new AppError("RUN_PUBLISHED");
  if (latestRunId !== run.id) throw new AppError("RUN_OUTDATED");
}

/**
 * What publishing brings someone enrolled who has not answered or has no account: without an account, an
 * email inviting them to create it (the publication invites them); with one, a notification.
 */
export function publishNotice(hasAccount: boolean): PublishNotice {
  return hasAccount ? "notification" : "invitation";
}

/** "mentor\0mentee": the key of a (mentor, mentee) pair in sets of pairs. */
export const pairKey = (mentorId: string, menteeId: string) => `${mentorId}\u0000${menteeId}`;

/**
 * The pairs of a run a publication opens, read again at publication time: both people still available
 * (enrolled, not declined, not set aside, active in the directory), the pair not forbidden or tried since,
 * the mentee in no open pair (a proposal may have paired them since the run) and the mentor with a place
 * left — never two pairs for a mentee, never over a mentor's capacity.
 */
export function choosePairsToPublish<P extends { mentorId: string; menteeId: string }>(
  runPairs: readonly P[],
  now: {
    available: ReadonlySet<string>;
    excluded: ReadonlySet<string>;
    busyMentees: ReadonlySet<string>;
    placesLeft: ReadonlyMap<string, number>;
  },
): P[] {
  const busy = new Set(now.busyMentees);
  const placesLeft = new Map(now.placesLeft);
  return runPairs.filter((p) => {
    if (busy.has(p.menteeId) || (placesLeft.get(p.mentorId) ?? 0) <= 0) return false;
    if (!now.available.has(p.mentorId) || !now.available.has(p.menteeId) || now.excluded.has(pairKey(p.mentorId, p.menteeId))) return false;
    placesLeft.set(p.mentorId, (placesLeft.get(p.mentorId) ?? 0) - 1);
    busy.add(p.menteeId);
    return true;
  });
}

/** Publishing the first pairs starts the programme: matching → running (running stays running). */
export function phaseAfterPublishing(phase: ProgrammePhase): ProgrammePhase {
  return phase === "matching" ? "running" : phase;
}

/** A programme's matching settings, as stored (validated by `ProgrammeMatchingSettings` when written). */
export function matchingSettingsOf(programme: { matchingSettings: ProgrammeMatchingSettings }): ProgrammeMatchingSettings {
  return programme.matchingSettings;
}

/** A matching run's summary as stored (matching_runs.summary): the API's, without what the row's columns hold. */
export type StoredRunSummary = Omit<RunSummary, "id" | "number" | "createdAt" | "publishedAt">;

/** A matching run's whole proposal as stored (matching_runs.result), the engine's reasons kept as it explained them. */
export type StoredRun = {
  pairs: {
    mentorId: string;
    menteeId: string;
    score: number;
    isLocked: boolean;
    reasons: Reason[];
    alternatives: { mentorId: string; score: number }[];
  }[];
  unmatched: { personId: string; role: ParticipantRole; why: UnmatchedWhy; best: { personId: string; score: number } | null }[];
};

/** The engine's settings of a programme, before the run's locks and forbids. */
export function engineSettings(settings: ProgrammeMatchingSettings): MatchingSettings {
  return {
    weights: settings.weights,
    minScore: settings.minScore,
    defaultCapacity: settings.defaultCapacity,
    forbidSameTeam: settings.forbidSameTeam,
    // null = the whole management chain, the engine's default.
    ...(settings.managementChainDepth ? { managementChainDepth: settings.managementChainDepth } : {}),
  };
}

/** Self-service proposals can be sent and accepted: the programme allows them and is between enrolment and its close. */
export function acceptsProposals(programme: { allowsProposals: boolean; phase: ProgrammePhase }): boolean {
  return programme.allowsProposals && (programme.phase === "enrolment" || programme.phase === "matching" || programme.phase === "running");
}

/** "mon:lunch" (profile) → "mon-lunch" (engine slot, explained as "lundi midi"). */
export function engineSlot(slot: string): string {
  return slot.replace(":", "-");
}

/**
 * The engine's view of an enrolled person: their profile's skills, availability, format and
 * languages, and from the directory what keeps them out of their own management chain.
 */
export function toMatchingProfile(
  person: { personId: string; employeeId: string; managerEmployeeId: string | null; department: string | null; languages: string[] },
  profile: StoredProfile,
  capacity?: number,
): MatchingProfile {
  return {
    id: person.personId,
    employeeId: person.employeeId,
    ...(person.managerEmployeeId ? { managerEmployeeId: person.managerEmployeeId } : {}),
    ...(person.department ? { department: person.department, team: person.department } : {}),
    languages: profile.languages.length ? profile.languages : person.languages,
    teaches: profile.teach.map((s) => ({ skill: s.skillId, level: s.level })),
    wantsToLearn: profile.learn.map((s) => ({ skill: s.skillId, priority: s.priority })),
    offers: profile.offer,
    interests: profile.interests,
    availability: profile.availability.map(engineSlot),
    format: profile.format ?? "both",
    ...(capacity !== undefined ? { capacity } : {}),
  };
}

/** A profile the engine can match: something to learn (mentee) or to teach (mentor). */
export function isMatchable(role: ParticipantRole, profile: StoredProfile | undefined): boolean {
  if (!profile) return false;
  return role === "mentor" ? profile.teach.length > 0 : profile.learn.length > 0;
}
