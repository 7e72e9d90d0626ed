/** Reading the skills catalogue: lookups by id, texts in the UI language, options for the pickers. */
import type { z } from "zod";
import type { Bilingual, Catalogue, Category, Family, Skill } from "../../../../contracts/skills.ts";
import { currentLanguage } from "../../i18n/index.ts";

/** The catalogue with lookups by id. */
export interface CatalogueIndex extends Catalogue {
  skillById: Map<string, Skill>;
  categoryById: Map<string, Category>;
}

/** The catalogue with its lookups, built once per answer (the query's `select`). */
export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  return {
    ...catalogue,
    skillById: new Map(catalogue.skills.map((skill) => [skill.id, skill])),
    categoryById: new Map(catalogue.categories.map((category) => [category.id, category])),
  };
}

/** A catalogue text in the UI language. Call it during render of a component that uses useTranslation. */
export function localized(text: z.infer<typeof Bilingual>): string {
  return text[currentLanguage()] || text.fr;
}

/** The label of a skill id, or the id itself while the catalogue loads. */
export function skillLabel(catalogue: CatalogueIndex | undefined, skillId: string): string {
  const skill = catalogue?.skillById.get(skillId);
  return skill ? localized(skill.label) : skillId;
}

/** The categories of a family in catalogue order. */
export function categoriesOf(catalogue: CatalogueIndex, family?: Family): Category[] {
  return catalogue.categories.filter((category) => !family || category.family === family).sort((a, b) => a.position - b.position);
}

/** Options for a grouped Select: one group per category, the skills that are not archived. */
export function skillOptions(catalogue: CatalogueIndex | undefined, family?: Family, exclude: readonly string[] = []) {
  if (!catalogue) return [];
  return categoriesOf(catalogue, family)
    .map((category) => ({
      group: localized(category.label),
      items: catalogue.skills
        .filter((skill) => skill.categoryId === category.id && !skill.isArchived && !exclude.includes(skill.id))
        .map((skill) => ({ value: skill.id, label: localized(skill.label) }))
        .sort((a, b) => a.label.localeCompare(b.label, currentLanguage())),
    }))
    .filter((group) => group.items.length > 0);
}

/** Lower case without accents, for matching what people type. */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}
