/**
 * The skills catalogue as other features use it (profile, self-assessment, programmes, proposals, the
 * directory): the catalogue query and its keys, lookups and labels in the UI language, options for a
 * Select, and the skill picker.
 */
export { type CatalogueIndex, categoriesOf, localized, normalize, skillLabel, skillOptions } from "./catalogue.ts";
export { catalogueQuery, skillKeys, useCatalogue, useSkillSuggestions } from "./queries.ts";
export { PickedSkill, SkillPicker } from "./skill-picker.tsx";
