/** The skills context as other contexts may use it. */
export { readCatalogueFile } from "./catalogue-file.ts";
export { normaliseText, type Skill } from "./skills.domain.ts";
export { listSkills } from "./skills.repository.ts";
export { requireSkills, skillLabels, syncCatalogueFromFile } from "./skills.service.ts";
