/**
 * Use case of the engine: a cohort (profiles + settings) in, explained pairs out. Pure: no I/O, no clock.
 */
import { checkDenseCertificate } from "./certificate.ts";
import { denseScores } from "./dense-scores.ts";
import { solveDense } from "./dense-solver.ts";
import type {
  Cohort,
  CohortMatching,
  CohortReview,
  DenseProblem,
  MatchedPair,
  MatchingProfile,
  UnmatchedReason,
} from "./matching.domain.ts";
import { indexedHardConstraints } from "./org-index.ts";
import { matchingReport } from "./report.ts";
import { buildDictionaries, compileProfile, explainPairForEveryone, resolveWeights, scoreComponents } from "./score.ts";
import { countBlockingPairs, solveStable } from "./stable.ts";

const byId = (a: MatchingProfile, b: MatchingProfile): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The dense score problem of a cohort, with mentors and mentees in id order (so input order never matters). */
export function cohortProblem(cohort: Cohort): {
  problem: DenseProblem;
  mentors: MatchingProfile[];
  mentees: MatchingProfile[];
} {
  const settings = cohort.settings ?? {};
  const mentors = [...cohort.mentors].sort(byId);
  const mentees = [...cohort.mentees].sort(byId);
  for (const list of [mentors, mentees]) {
    for (let k = 1; k < list.length; k++)
      if ((list[k] as MatchingProfile).id === (list[k - 1] as MatchingProfile).id)
        throw new RangeError(`duplicate id ${(list[k] as MatchingProfile).id}`);
  }
  const dict = buildDictionaries([...mentors, ...mentees]);
  const weights = resolveWeights(settings.weights);
  const cm = mentors.map((p) => compileProfile(p, dict));
  const ce = mentees.map((p) => compileProfile(p, dict));
  // Integer-indexed constraints and packed scores: a 2,500 × 2,500 cohort is 6 million pairs.
  const isForbidden = indexedHardConstraints({ ...cohort, mentors, mentees }, cm, ce);
  const rows = mentees.length;
  const cols = mentors.length;
  const scores = denseScores(cm, ce, weights, dict.skillIds.length, dict.tagNames.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (isForbidden(i, j)) scores[i * cols + j] = Number.NaN;
  const mentorIndex = new Map(mentors.map((p, j) => [p.id, j]));
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const locks: [number, number][] = (settings.lock ?? []).map(({ mentor, mentee }) => {
    const j = mentorIndex.get(mentor);
    const i = menteeIndex.get(mentee);
    if (j === undefined) throw new RangeError(`locked pair names an unknown mentor ${mentor}`);
    if (i === undefined) throw new RangeError(`locked pair names an unknown mentee ${mentee}`);
    return [i, j];
  });
  const capacities = mentors.map((p) => p.capacity ?? settings.defaultCapacity ?? 1);
  return { problem: { rows, cols, scores, capacities, locks, minScore: settings.minScore ?? 0 }, mentors, mentees };
}

/**
 * Matches a cohort: optimal (default, with a checked optimality certificate) or stable, every pair explained in French
 * and English. Throws a `RangeError` on inconsistent input (duplicate ids, unknown or over-capacity locks).
 */
export function matchCohort(cohort: Cohort): CohortMatching {
  return reviewCohort(cohort, { alternatives: 0 });
}

/**
 * `matchCohort` plus what a manager needs to review it: each mentee's next best mentors (other than
 * their own, best first) and, for everyone left unmatched, why. The scores are computed once. Each pair's
 * reasons are the managers' text, addressed to the mentor and the mentee too (`reasonsFor`), since a
 * published pair shows them to its two people.
 */
export function reviewCohort(cohort: Cohort, options: { alternatives: number }): CohortReview {
  const settings = cohort.settings ?? {};
  const mode = settings.mode ?? "optimal";
  const { problem, mentors, mentees } = cohortProblem(cohort);
  const weights = resolveWeights(settings.weights);
  const dict = buildDictionaries([...mentors, ...mentees]);
  const optimal = mode === "stable" ? undefined : solveDense(problem);
  const result = optimal ?? solveStable(problem);
  const certificate = optimal ? checkDenseCertificate(problem, optimal) : undefined;
  const lockedRows = new Set((problem.locks ?? []).map(([r]) => r));
  const pairs: MatchedPair[] = [];
  const unmatchedMentees: string[] = [];
  for (let i = 0; i < mentees.length; i++) {
    const mentee = mentees[i] as MatchingProfile;
    const j = result.columnOfRow[i] as number;
    if (j < 0) {
      unmatchedMentees.push(mentee.id);
      continue;
    }
    const mentor = mentors[j] as MatchingProfile;
    const components = scoreComponents(compileProfile(mentor, dict), compileProfile(mentee, dict));
    const locked = lockedRows.has(i);
    const reasons = explainPairForEveryone(mentor, mentee, components, weights, cohort.skillLabels, 3);
    if (locked) {
      const chosen = {
        fr: "Le responsable du programme a choisi de former ce binôme.",
        en: "The programme manager chose to form this pair.",
      };
      reasons.unshift({
        component: "teaching",
        contribution: 0,
        fr: "Le responsable du programme a verrouillé ce binôme.",
        en: "The programme manager locked this pair.",
        addressed: { mentor: chosen, mentee: chosen },
      });
    }
    pairs.push({ mentor: mentor.id, mentee: mentee.id, score: result.rowScore[i] as number, locked, components, reasons });
  }
  const review = options.alternatives > 0 ? explainReview(problem, result.columnOfRow, mentors, mentees, options.alternatives) : undefined;
  return {
    ...(review ?? {}),
    mode,
    pairs,
    unmatchedMentees,
    total: result.total,
    report: matchingReport(result.rowScore, mentors.length, countBlockingPairs(problem, result.columnOfRow)),
    ...(certificate ? { certificate: { ok: certificate.ok, gap: certificate.gap, violations: certificate.violations } } : {}),
  };
}

/** Best `k` allowed columns of a row other than `except`, best first (ties by column, i.e. by id). */
function topColumns(problem: DenseProblem, row: number, k: number, except: number): { col: number; score: number }[] {
  const best: { col: number; score: number }[] = [];
  const minScore = problem.minScore ?? 0;
  for (let j = 0; j < problem.cols; j++) {
    const score = problem.scores[row * problem.cols + j] as number;
    if (j === except || !(score >= minScore)) continue;
    if (best.length === k && score <= (best[k - 1] as { score: number }).score) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1] as { score: number }).score < score) at--;
    best.splice(at, 0, { col: j, score });
    if (best.length > k) best.pop();
  }
  return best;
}

function explainReview(
  problem: DenseProblem,
  columnOfRow: Int32Array,
  mentors: readonly MatchingProfile[],
  mentees: readonly MatchingProfile[],
  k: number,
): Pick<CohortReview, "alternatives" | "unmatched"> {
  const { rows, cols, scores } = problem;
  const minScore = problem.minScore ?? 0;
  const alternatives: Record<string, { mentor: string; score: number }[]> = {};
  const unmatched: UnmatchedReason[] = [];
  const used = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const j = columnOfRow[i] as number;
    if (j >= 0) used[j] = (used[j] as number) + 1;
  }
  /** Why a person with no pair has none, from their row (mentee) or column (mentor) of scores. */
  const why = (
    values: (n: number) => number,
    n: number,
  ): { why: UnmatchedReason["why"]; best: { index: number; score: number } | null } => {
    let allowed = false;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < n; t++) {
      const score = values(t);
      if (Number.isNaN(score) || score === Number.NEGATIVE_INFINITY) continue;
      allowed = true;
      if (score >= minScore && score > bestScore) {
        bestScore = score;
        best = t;
      }
    }
    if (!allowed) return { why: "no_compatible", best: null };
    if (best < 0) return { why: "below_min_score", best: null };
    return { why: "outbid", best: { index: best, score: bestScore } };
  };
  for (let i = 0; i < rows; i++) {
    const j = columnOfRow[i] as number;
    const mentee = mentees[i] as MatchingProfile;
    alternatives[mentee.id] = topColumns(problem, i, k, j).map((c) => ({ mentor: (mentors[c.col] as MatchingProfile).id, score: c.score }));
    if (j >= 0) continue;
    if (cols === 0) {
      unmatched.push({ id: mentee.id, side: "mentee", why: "no_mentor_left", best: null });
      continue;
    }
    const reason = why((t) => scores[i * cols + t] as number, cols);
    unmatched.push({
      id: mentee.id,
      side: "mentee",
      why: reason.why,
      best: reason.best ? { id: (mentors[reason.best.index] as MatchingProfile).id, score: reason.best.score } : null,
    });
  }
  const everyMenteeMatched = unmatched.length === 0;
  for (let j = 0; j < cols; j++) {
    if ((used[j] as number) > 0) continue;
    const mentor = mentors[j] as MatchingProfile;
    if (everyMenteeMatched) {
      unmatched.push({ id: mentor.id, side: "mentor", why: "no_mentee_left", best: null });
      continue;
    }
    const reason = why((t) => scores[t * cols + j] as number, rows);
    unmatched.push({
      id: mentor.id,
      side: "mentor",
      why: reason.why,
      best: reason.best ? { id: (mentees[reason.best.index] as MatchingProfile).id, score: reason.best.score } : null,
    });
  }
  return { alternatives, unmatched };
}
