/**
 * Rules of a programme's life: its phases, the pair state machine (docs/pairs.md), and how a
 * profile becomes the engine's matching profile. Pure: no database, no HTTP.
 */
import type { PairCause, PairState } from "../../../contracts/pairs.ts";
import type {
  ParticipantRole,
  ProgrammeMatchingSettings,
  ProgrammePhase,
  RunSummary,
  UnmatchedWhy,
} from "../../../contracts/programmes.ts";
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

/** Who may trigger a pair transition: one of the pair's two people, a manager, or Passerelle itself. */
export type PairActor = ParticipantRole | "manager" | "system";
export type { PairCause } from "../../../contracts/pairs.ts";

export type PairTransition = { from: PairState | null; to: PairState; cause: PairCause; by: readonly PairActor[] };

/** Every allowed transition of a pair (docs/pairs.md prints this table). Anything else is a 409. */
export const PAIR_TRANSITIONS: readonly PairTransition[] = [
  { from: null, to: "intro", cause: "matching", by: ["manager"] },
  { from: null, to: "intro", cause: "proposal", by: ["mentor"] },
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

/** What the intro answers decide: both yes → active; any no → not a fit; otherwise wait. */
export function introOutcome(answers: readonly { isFit: boolean }[]): "active" | "not_a_fit" | "waiting" {
  if (answers.some((a) => !a.isFit)) return "not_a_fit";
  return answers.length >= 2 ? "active" : "waiting";
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
