/** The profiles context as other contexts (and the demo seed) may use it. */
export { completenessOf } from "./profiles.domain.ts";
export {
  findProfile,
  findProfiles,
  insertSelfAssessment,
  type StoredProfile,
  saveProfile,
} from "./profiles.repository.ts";
export { ensurePersonForUser, refreshCompleteness } from "./profiles.service.ts";
