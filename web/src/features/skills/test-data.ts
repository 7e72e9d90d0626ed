/** A small skills catalogue as the API sends it, for the tests of the features that read it. */
import type { Catalogue, Category, Skill } from "../../../../contracts/skills.ts";

export function aCategory(overrides: Partial<Category> = {}): Category {
  return { id: "office", family: "digital", label: { fr: "Bureautique", en: "Office tools" }, position: 1, isCustom: false, ...overrides };
}

export function aSkill(overrides: Partial<Skill> = {}): Skill {
  return {
    id: "spreadsheets",
    family: "digital",
    categoryId: "office",
    label: { fr: "Tableur", en: "Spreadsheets" },
    description: { fr: "", en: "" },
    synonyms: { fr: ["excel"], en: [] },
    customSynonyms: [],
    digcomp: [],
    entrecomp: [],
    isCustom: false,
    isArchived: false,
    ...overrides,
  };
}

/** Two digital categories and one reverse; an archived skill and an organisation's own. */
export function aCatalogue(): Catalogue {
  return {
    categories: [
      aCategory(),
      aCategory({ id: "data", label: { fr: "Données", en: "Data" }, position: 2 }),
      aCategory({ id: "leadership", family: "reverse", label: { fr: "Leadership", en: "Leadership" }, position: 1 }),
    ],
    skills: [
      aSkill(),
      aSkill({ id: "slides", label: { fr: "Présentations", en: "Slides" }, synonyms: { fr: ["powerpoint"], en: [] } }),
      aSkill({ id: "power_bi", categoryId: "data", label: { fr: "Power BI", en: "Power BI" }, synonyms: { fr: [], en: [] } }),
      aSkill({
        id: "old_tool",
        categoryId: "data",
        label: { fr: "Lotus 1-2-3", en: "Lotus 1-2-3" },
        synonyms: { fr: [], en: [] },
        isArchived: true,
      }),
      aSkill({
        id: "feedback",
        family: "reverse",
        categoryId: "leadership",
        label: { fr: "Donner du feedback", en: "Giving feedback" },
        synonyms: { fr: [], en: [] },
        customSynonyms: ["retour constructif"],
        isCustom: true,
      }),
    ],
  };
}
