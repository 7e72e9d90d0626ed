/** Skills catalogue use cases: sync at start, read, search, and the admin's own skills. */
import type { SelfAssessmentScale } from "../../../contracts/skills.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, invalidFields, notFound } from "../../platform/errors/app-error.ts";
import { readCatalogueFile } from "./catalogue-file.ts";
import { selfAssessmentScale } from "./self-assessment-file.ts";
import { normaliseText, type Skill, searchSkills } from "./skills.domain.ts";
import * as repo from "./skills.repository.ts";

export type SkillsDeps = { database: Database; clock: Clock };

/**
 * Loads catalogue/skills.yaml into the database (every start, after migrations). The self-assessment
 * scale is read too, so that a malformed self-assessment.yaml stops the start rather than a questionnaire.
 */
export async function syncCatalogueFromFile(database: Database): Promise<void> {
  const file = readCatalogueFile();
  selfAssessmentScale();
  await database.db.transaction((tx) => repo.syncCatalogue(tx, file));
}

export async function getCatalogue(deps: SkillsDeps) {
  const { db } = deps.database;
  return { categories: await repo.listCategories(db), skills: await repo.listSkills(db) };
}

/** The 0–4 self-assessment scale, each level described for a digital and for a reverse skill. */
export function getSelfAssessmentScale(): SelfAssessmentScale {
  return selfAssessmentScale();
}

export async function suggestSkills(query: string, limit: number, deps: SkillsDeps) {
  const matches = searchSkills(await repo.listSkills(deps.database.db), query, limit);
  return matches.map((m) => ({ skill: m.skill, matchedTerm: m.matchedTerm }));
}

/** The active skills with these ids, or a 400 naming the unknown ones (for profiles and assessments). */
/** Every skill's FR/EN label by id, as the matching engine's explanations need them. */
export async function skillLabels(db: Tx): Promise<Record<string, { fr: string; en: string }>> {
  return Object.fromEntries((await repo.listSkills(db)).map((s) => [s.id, { fr: s.label.fr, en: s.label.en }]));
}

export async function requireSkills(ids: string[], path: string, deps: Pick<SkillsDeps, "database">): Promise<Map<string, Skill>> {
  const all = new Map((await repo.listSkills(deps.database.db)).map((s) => [s.id, s]));
  const unknown = ids.filter((id) => !all.get(id) || all.get(id)?.isArchived);
  if (unknown.length) {
    throw invalidFields([{ path, messageKey: "fields.unknownSkill", params: { ids: unknown.join(", ") } }]);
  }
  return all;
}

export async function createSkill(
  input: { categoryId: string; label: { fr: string; en: string }; description: { fr: string; en: string }; synonyms: string[] },
  deps: SkillsDeps,
): Promise<Skill> {
  const { db } = deps.database;
  const categories = await repo.listCategories(db);
  if (!categories.some((c) => c.id === input.categoryId)) {
    throw invalidFields([{ path: "categoryId", messageKey: "fields.invalidValue" }]);
  }
  // Organisation skills get a stable id of their own, from the French label: "org_" + slug (+ a number if taken).
  const base = `org_${normaliseText(input.label.fr).replace(/\s+/g, "_").slice(0, 40) || "skill"}`;
  let id = base;
  for (let n = 2; await repo.findSkill(db, id); n++) id = `${base}_${n}`;
  await repo.insertCustomSkill(db, {
    id,
    categoryId: input.categoryId,
    labelFr: input.label.fr,
    labelEn: input.label.en,
    descriptionFr: input.description.fr,
    descriptionEn: input.description.en,
    synonyms: [...new Set(input.synonyms)],
    now: deps.clock.now(),
  });
  return (await repo.findSkill(db, id)) as Skill;
}

/** Renames (kept across catalogue updates), sets the organisation's synonyms, archives or restores a skill. */
export async function updateSkill(
  id: string,
  input: { label?: { fr: string; en: string } | undefined; customSynonyms?: string[] | undefined; isArchived?: boolean | undefined },
  deps: SkillsDeps,
): Promise<Skill> {
  const { db } = deps.database;
  const skill = await repo.findSkill(db, id);
  if (!skill) throw notFound();
  await repo.updateSkill(db, id, {
    ...(input.label &&
      (skill.isCustom
        ? { labelFr: input.label.fr, labelEn: input.label.en }
        : { customLabelFr: input.label.fr, customLabelEn: input.label.en })),
    ...(input.customSynonyms && { customSynonyms: [...new Set(input.customSynonyms)] }),
    ...(input.isArchived !== undefined && { isArchived: input.isArchived }),
    updatedAt: deps.clock.now(),
  });
  return (await repo.findSkill(db, id)) as Skill;
}

/** Only an organisation's own skill that nothing refers to can be deleted; any other is archived. */
export async function deleteSkill(id: string, deps: SkillsDeps): Promise<void> {
  const { db } = deps.database;
  const skill = await repo.findSkill(db, id);
  if (!skill) throw notFound();
  if (!skill.isCustom || (await repo.isSkillInUse(db, id))) throw new AppError("SKILL_IN_USE");
  await repo.deleteSkill(db, id);
}
