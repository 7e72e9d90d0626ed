/**
 * The programmes context as other contexts (and the demo seed) may use it: programmes and their
 * enrolment, cohort matching runs, and what pairing needs to know of a programme's cohort (the rules
 * of who may be paired, mentors' places, the engine's view of a profile). It opens pairs and withdraws
 * proposals through the pairs and proposals contexts; the proposals context reads programmes from here.
 */
export { publish, runMatching } from "./cohort-matching.service.ts";
export { capacityOf, placesLeftOf } from "./mentor-capacity.ts";
export { checkPair, excludedPairs, isAvailable } from "./pair-eligibility.ts";
export {
  acceptsProposals,
  engineSettings,
  engineSlot,
  isMatchable,
  matchingSettingsOf,
  pairKey,
  type StoredRun,
  type StoredRunSummary,
  toMatchingProfile,
} from "./programmes.domain.ts";
export { canSeeProgramme } from "./programmes.policy.ts";
export {
  cohortMembers,
  countEnrolledByAccount,
  enrolledWithoutAccount,
  findEnrolment,
  findProgramme,
  type ProgrammeRow,
  programmeNames,
} from "./programmes.repository.ts";
export { changePhase, createProgramme, enrol, listTemplates, respond } from "./programmes.service.ts";
