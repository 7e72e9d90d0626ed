import { z } from "zod";
import { searchText, text } from "./text.ts";

export const Bilingual = z.object({ fr: z.string(), en: z.string() });
/** The catalogue's two families: digital skills, and the expertise shared in return ("reverse"). */
export const SKILL_FAMILIES = ["digital", "reverse"] as const;
export const Family = z.enum(SKILL_FAMILIES);
export type Family = z.infer<typeof Family>;

export const Skill = z.object({
  id: z.string(),
  family: Family,
  categoryId: z.string(),
  label: Bilingual,
  description: Bilingual,
  synonyms: z.object({ fr: z.array(z.string()), en: z.array(z.string()) }),
  customSynonyms: z.array(z.string()),
  digcomp: z.array(z.string()),
  entrecomp: z.array(z.string()),
  isCustom: z.boolean(),
  isArchived: z.boolean(),
});
export type Skill = z.infer<typeof Skill>;
export const Category = z.object({ id: z.string(), family: Family, label: Bilingual, position: z.number().int(), isCustom: z.boolean() });
export type Category = z.infer<typeof Category>;

export const Catalogue = z.object({ categories: z.array(Category), skills: z.array(Skill) });
export type Catalogue = z.infer<typeof Catalogue>;

export const SkillSearchQuery = z.object({ q: searchText().max(300), limit: z.coerce.number().int().min(1).max(20).default(8) });
export const SkillSuggestions = z.object({ items: z.array(z.object({ skill: Skill, matchedTerm: z.string() })) });

/** Limits of a skill's texts, shared by the API's checks and the admin's form fields. */
export const SKILL_LABEL_MAX_LENGTH = 120;
export const SKILL_DESCRIPTION_MAX_LENGTH = 300;
export const SKILL_SYNONYM_MAX_LENGTH = 80;
export const SKILL_MAX_SYNONYMS = 50;

const Label = text().trim().min(1, { error: "fields.required" }).max(SKILL_LABEL_MAX_LENGTH);
const Synonym = text().trim().toLowerCase().min(1).max(SKILL_SYNONYM_MAX_LENGTH);
const Description = text().trim().max(SKILL_DESCRIPTION_MAX_LENGTH);

export const CreateSkillBody = z.object({
  categoryId: text().min(1),
  label: z.object({ fr: Label, en: Label }),
  description: z.object({ fr: Description, en: Description }).default({ fr: "", en: "" }),
  synonyms: z.array(Synonym).max(SKILL_MAX_SYNONYMS).default([]),
});
export const UpdateSkillBody = z
  .object({
    label: z.object({ fr: Label, en: Label }).optional(),
    /** Replaces the organisation's own synonyms (the catalogue's stay). */
    customSynonyms: z.array(Synonym).max(SKILL_MAX_SYNONYMS).optional(),
    isArchived: z.boolean().optional(),
  })
  .strict();
export const SkillIdParams = z.object({
  id: text()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(80),
});

/**
 * One level of the 0–4 self-assessment scale (catalogue/self-assessment.yaml): the same value and label
 * for every skill, and a description per family, since a reverse skill is not learnt the way a tool is.
 */
export const SelfAssessmentLevel = z.object({
  value: z.number().int(),
  label: Bilingual,
  /** What the level means for a skill of each family: the text shown under it for a digital or a reverse skill. */
  description: z.record(Family, Bilingual),
  /** The DigComp 2.2 proficiency levels a digital skill's rating stands for (none for 0), and their band's name. */
  digcomp: z.object({ levels: z.array(z.number().int()), band: Bilingual }),
});
export type SelfAssessmentLevel = z.infer<typeof SelfAssessmentLevel>;
export const SelfAssessmentScale = z.object({ min: z.number().int(), max: z.number().int(), levels: z.array(SelfAssessmentLevel) });
export type SelfAssessmentScale = z.infer<typeof SelfAssessmentScale>;
