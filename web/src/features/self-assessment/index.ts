/** The self-assessment feature as other features may use it: the 0–4 scale and each level's description for a skill's family. */
export { levelDescription, useSelfAssessmentScale } from "./scale.ts";
