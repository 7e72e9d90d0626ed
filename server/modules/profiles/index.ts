/** The profiles context as other contexts (and the demo seed) may use it. */
export { completenessOf } from "./profiles.domain.ts";
export {
  ensurePersonForUser,
  findPersonIdOfUser,
  findProfile,
  findProfiles,
  insertSelfAssessment,
  type StoredProfile,
  saveProfile,
} from "./profiles.repository.ts";
