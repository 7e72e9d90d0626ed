/**
 * The self-assessment feature as other features may use it: the 0–4 scale and each level's description for
 * a skill's family, and the keys of its queries. The page itself is imported by the router.
 */
export { selfAssessmentKeys, useSelfAssessmentScale } from "./queries.ts";
export { levelDescription } from "./scale.ts";
