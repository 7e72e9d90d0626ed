/**
 * The pairs context as other contexts (and the demo seed, and the server's sweep) may use it: opening
 * pairs (a published run, an accepted proposal), closing a programme's pairs, the intro coffee, and
 * what the programme's cohort needs to know of its pairs. It imports no programme or proposal code:
 * it reads the programme's name and the enrolments through its own read-only joins. (The managers' view of a
 * pair and their rematch, registered by manager-pairs.routes.ts, use the programmes and proposals contexts as
 * accepting a proposal does; they are not exported here, which keeps programmes → pairs free of a cycle.)
 */
export { answerIntro } from "./answer-intro.ts";
export { closeProgrammePairs } from "./close-programme-pairs.ts";
export { openPairs } from "./open-pairs.ts";
export { canStartSessions, type PairAccess, pairAccess, pairMember } from "./pair-access.ts";
export { participantReasons } from "./pairs.domain.ts";
export {
  closedPairsOf,
  countOpenPairsOfMentor,
  hasOpenPair,
  needsRematch,
  openPairsOf,
  pairsOfProgramme,
} from "./pairs.repository.ts";
export { remindIntroAnswers } from "./remind-intro-answers.ts";
export { scheduleIntro } from "./schedule-intro.ts";
