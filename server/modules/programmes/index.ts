/**
 * The programmes context as other contexts (and the demo seed) may use it: programmes and their
 * enrolment, cohort matching runs, pairs with their intro and lifecycle, self-service proposals.
 */
export { publish, runMatching } from "./cohort-matching.service.ts";
export { insertProposal, pairsOfProgramme } from "./pairs.repository.ts";
export { recordIntroAnswer, remindIntroAnswers } from "./pairs.service.ts";
export { PAIR_TRANSITIONS, type PairActor, type PairCause, type PairTransition } from "./programmes.domain.ts";
export { setEnrolmentAnswers } from "./programmes.repository.ts";
export { changePhase, createProgramme, enrol, listTemplates } from "./programmes.service.ts";
export { expireProposals } from "./proposals.service.ts";
