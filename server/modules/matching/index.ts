/**
 * The matching context as other contexts may use it: a pure engine (no I/O) that scores mentor–mentee pairs,
 * matches them optimally (or stably), explains each pair in French and English and proves optimality.
 *
 * @example
 * ```ts
 * import { matchCohort } from "../matching/index.ts";
 * const result = matchCohort({ mentors, mentees, settings: { minScore: 0.3 }, skillLabels });
 * result.pairs[0]; // { mentor, mentee, score, locked, components, reasons: [{ fr, en, … }] }
 * result.certificate?.ok; // true: the dual prices prove the total is the maximum
 * ```
 */
export {
  buildTeachingIndex,
  type CandidateGraph,
  type CandidateOptions,
  generateCandidates,
  generateCandidatesParallel,
  type PricingOptions,
  pricedIndex,
  priceMentees,
  priceMenteesParallel,
  type TeachingIndex,
  tieRank,
} from "./candidates.ts";
export { type CertificateCheck, checkDenseCertificate, checkSparseCertificate } from "./certificate.ts";
export { CohortValidationError, cohortSchema, formatPath, parseCohort } from "./cohort-schema.ts";
export { type DenseSolveOptions, solveDense, solveDenseJv } from "./dense-solver.ts";
export { type LargeSolveOptions, type LargeSolveResult, solveLarge } from "./large-matching.ts";
export { cohortProblem, matchCohort, reviewCohort } from "./match-cohort.ts";
export * from "./matching.domain.ts";
export { buildOrgIndex, indexedHardConstraints, type OrgIndex } from "./org-index.ts";
export { matchingReport } from "./report.ts";
export {
  buildDictionaries,
  type CompiledProfile,
  compileProfile,
  explainPair,
  explainPairForEveryone,
  hardConstraints,
  managementChains,
  type ReasonPerspective,
  type ReasonReader,
  reasonsFor,
  resolveWeights,
  scoreComponents,
  scorePair,
} from "./score.ts";
export { canTranspose, menteeFavouredPrices, type SparseAssignment, type SparseProblem, solveSparse } from "./sparse-solver.ts";
export { countBlockingPairs, type StableAssignment, solveStable } from "./stable.ts";
