/**
 * The programmes context as other contexts (and the demo seed) may use it: programmes and their
 * enrolment, cohort matching runs, pairs with their intro and lifecycle, self-service proposals.
 */
export { publish, runMatching } from "./cohort-matching.service.ts";
export { pairsOfProgramme } from "./pairs.repository.ts";
export { answerIntro, remindIntroAnswers, scheduleIntro } from "./pairs.service.ts";
export {
  PAIR_TRANSITIONS,
  type PairActor,
  type PairCause,
  type PairTransition,
  type StoredRun,
  type StoredRunSummary,
} from "./programmes.domain.ts";
export { changePhase, createProgramme, enrol, listTemplates, respond } from "./programmes.service.ts";
export { expireProposals, sendProposal } from "./proposals.service.ts";
