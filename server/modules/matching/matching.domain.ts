/**
 * Matching domain: plain data in, plain data out. Nothing here touches a database, a file or the clock.
 */
import type { Format } from "../../../contracts/profiles.ts";
import type { ParticipantRole, UnmatchedWhy } from "../../../contracts/programmes.ts";

/** A dense score problem: rows are mentees, columns are mentors. */
export interface DenseProblem {
  rows: number;
  cols: number;
  /** Row-major `rows × cols` scores; `NaN` (or `-Infinity`) marks a forbidden pair. */
  scores: Float64Array;
  /** Mentees per mentor (default 1 each). */
  capacities?: ArrayLike<number>;
  /** Pairs `[row, col]` forced into the result, whatever their score (an explicit "lock"). */
  locks?: readonly (readonly [number, number])[];
  /** Pairs scoring strictly below this are forbidden: the mentee stays unmatched rather than getting a poor match. */
  minScore?: number;
  /**
   * Match as many rows as possible first, then maximise the total (scipy's `linear_sum_assignment` semantics).
   * Off by default: a row stays unmatched whenever that does not lower the total (scores are ≥ 0 in Passerelle,
   * so with every pair allowed both modes give the same total).
   */
  matchAll?: boolean;
}

/** The solver's answer, with the dual prices that prove it optimal (see `certificate.ts`). */
export interface DenseAssignment {
  /** Mentor column of each row, or -1 when unmatched. */
  columnOfRow: Int32Array;
  /** Score of each row's pair; `NaN` when unmatched. */
  rowScore: Float64Array;
  /** Sum of the pairs' scores. */
  total: number;
  /** Dual price of each mentee ("utility"): at least its pair's share of the score. */
  rowPrice: Float64Array;
  /** Dual price of each mentor (≥ 0; 0 when the mentor has room left). */
  columnPrice: Float64Array;
  /** What an unmatched row is worth in the objective (0, or a large penalty with `matchAll`). */
  unmatchedScore: number;
}

/** Weekly time slot, e.g. "mon-am", "thu-pm", "fri-eve". */
export type AvailabilitySlot = string;

/** Session format a person prefers. */
export type SessionFormat = Format;

/** One skill a person can teach, with a level 0–4 (4 = can guide others). */
export interface TeachableSkill {
  skill: string;
  level: number;
}

/** One skill a person wants to learn, with a priority 1–3 (1 = most wanted). */
export interface WantedSkill {
  skill: string;
  priority: number;
}

/**
 * A participant's matching profile, mapped from the people context. No age: matching never looks at one.
 */
export interface MatchingProfile {
  /** Stable id (used for tie-breaking and in the output). */
  id: string;
  employeeId?: string;
  managerEmployeeId?: string;
  department?: string;
  team?: string;
  /** ISO 639-1 codes, preferred first. */
  languages: readonly string[];
  teaches: readonly TeachableSkill[];
  wantsToLearn: readonly WantedSkill[];
  /** Skill ids offered in return (a senior's "reverse" skills, e.g. leadership). */
  offers: readonly string[];
  interests: readonly string[];
  availability: readonly AvailabilitySlot[];
  format: SessionFormat;
  /** Mentees a mentor can take (mentors only; default from the settings). */
  capacity?: number;
}

/** Component weights of the compatibility score (normalised to sum 1 when used). */
export interface ScoreWeights {
  teaching: number;
  reciprocity: number;
  interests: number;
  availability: number;
  format: number;
  language: number;
}

/** Default weights: teaching the mentee's wanted skills matters most, then what comes back, then practicalities. */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  teaching: 0.4,
  reciprocity: 0.2,
  interests: 0.1,
  availability: 0.15,
  format: 0.1,
  language: 0.05,
});

/** Programme settings for a matching run. */
export interface MatchingSettings {
  weights?: Partial<ScoreWeights>;
  /** Pairs under this score are not made (the mentee stays unmatched). Default 0. */
  minScore?: number;
  /** Default mentor capacity when a profile has none. Default 1. */
  defaultCapacity?: number;
  /** How far up the management chain a pair is forbidden (1 = direct manager). Default: the whole chain. */
  managementChainDepth?: number;
  /** Forbid pairs within the same team. Default false. */
  forbidSameTeam?: boolean;
  /** Explicitly forbidden pairs, by profile id. */
  forbid?: readonly { mentor: string; mentee: string }[];
  /** Explicitly locked pairs, by profile id (they bypass every other rule). */
  lock?: readonly { mentor: string; mentee: string }[];
  /** "optimal" (default) maximises the total; "stable" runs mentee-proposing Gale–Shapley on the same scores. */
  mode?: "optimal" | "stable";
}

/** Catalogue labels used in explanations. */
export interface SkillLabels {
  [skillId: string]: { fr: string; en: string };
}

/** A cohort to match: mentors, mentees, the org chart, settings and labels. */
export interface Cohort {
  mentors: readonly MatchingProfile[];
  mentees: readonly MatchingProfile[];
  /** employeeId → managerEmployeeId; also read from each profile's `managerEmployeeId`. */
  orgChart?: Readonly<Record<string, string>>;
  settings?: MatchingSettings;
  skillLabels?: SkillLabels;
}

/** One reason a pair was made, in both languages, with its contribution to the score. */
export interface Reason {
  component: keyof ScoreWeights;
  contribution: number;
  fr: string;
  en: string;
  /**
   * The same reason addressed to each person of the pair ("vous", "votre mentor"), kept with a pair's reasons so
   * that each reader gets their own (`reasonsFor`); `fr`/`en` are then the managers' text.
   */
  addressed?: { mentor: { fr: string; en: string }; mentee: { fr: string; en: string } };
}

/** A pair in a matching result. */
export interface MatchedPair {
  mentor: string;
  mentee: string;
  score: number;
  locked: boolean;
  components: ScoreWeights;
  reasons: Reason[];
}

/** Summary figures of any matching result. */
export interface MatchingReport {
  mentees: number;
  mentors: number;
  pairs: number;
  matchedRatio: number;
  total: number;
  worstScore: number | null;
  medianScore: number | null;
  blockingPairs: number;
}

/** The result of matching a cohort. */
export interface CohortMatching {
  mode: "optimal" | "stable";
  pairs: MatchedPair[];
  unmatchedMentees: string[];
  total: number;
  report: MatchingReport;
  /** Present in optimal mode: whether the independent checker accepted the dual prices. */
  certificate?: { ok: boolean; gap: number; violations: string[] };
}

/** Why someone is left without a pair: every pair forbidden, all under the minimum score, or their best options went to others. */
export interface UnmatchedReason {
  id: string;
  side: ParticipantRole;
  /** A person without a profile ("no_profile") never reaches the engine. */
  why: Exclude<UnmatchedWhy, "no_profile">;
  /** Their best allowed option (a mentor for a mentee, a mentee for a mentor), when one existed. */
  best: { id: string; score: number } | null;
}

/** A matching with what a manager reviews: next best mentors of each mentee, and why the unmatched are. */
export interface CohortReview extends CohortMatching {
  alternatives?: Record<string, { mentor: string; score: number }[]>;
  unmatched?: UnmatchedReason[];
}
