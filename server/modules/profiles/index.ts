/** The profiles context as other contexts (and the demo seed) may use it. */
export { completenessOf } from "./profiles.domain.ts";
export {
  findPersonIdOfUser,
  findProfile,
  findProfiles,
  insertSelfAssessment,
  type StoredProfile,
  saveProfile,
} from "./profiles.repository.ts";
export { ensurePersonForUser } from "./profiles.service.ts";
