/** The profiles context as other contexts (and the demo seed) may use it. */
export { completenessOf } from "./profiles.domain.ts";
export { insertSelfAssessment, saveProfile } from "./profiles.repository.ts";
