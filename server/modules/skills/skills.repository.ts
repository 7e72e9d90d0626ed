import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { profileSkills, selfAssessmentAnswers, skillCategories, skills } from "../../db/schema.ts";
import type { CatalogueFile } from "./catalogue-file.ts";
import type { Category, Family, Skill } from "./skills.domain.ts";

/**
 * Writes the catalogue file into the database: categories and skills inserted or refreshed (the
 * admin's renames, extra synonyms and archiving untouched); catalogue skills gone from the file are
 * archived, never deleted. Two statements whatever the catalogue's size.
 */
export async function syncCatalogue(tx: Tx, file: CatalogueFile): Promise<void> {
  const categories = file.families.flatMap((family) =>
    family.categories.map((c, position) => ({ id: c.id, family: family.id, labelFr: c.label.fr, labelEn: c.label.en, position })),
  );
  const rows = file.families.flatMap((family) =>
    family.categories.flatMap((c) =>
      c.skills.map((s, position) => ({
        id: s.id,
        categoryId: c.id,
        labelFr: s.label.fr,
        labelEn: s.label.en,
        descriptionFr: s.description.fr,
        descriptionEn: s.description.en,
        synonymsFr: s.synonyms.fr,
        synonymsEn: s.synonyms.en,
        digcomp: s.digcomp,
        entrecomp: s.entrecomp,
        position,
      })),
    ),
  );
  await tx
    .insert(skillCategories)
    .values(categories.map((c) => ({ ...c, isCustom: false })))
    .onConflictDoUpdate({
      target: skillCategories.id,
      set: {
        family: sql`excluded.family`,
        labelFr: sql`excluded.label_fr`,
        labelEn: sql`excluded.label_en`,
        position: sql`excluded.position`,
      },
    });
  await tx
    .insert(skills)
    .values(rows.map((r) => ({ ...r, isCustom: false })))
    .onConflictDoUpdate({
      target: skills.id,
      set: {
        categoryId: sql`excluded.category_id`,
        labelFr: sql`excluded.label_fr`,
        labelEn: sql`excluded.label_en`,
        descriptionFr: sql`excluded.description_fr`,
        descriptionEn: sql`excluded.description_en`,
        synonymsFr: sql`excluded.synonyms_fr`,
        synonymsEn: sql`excluded.synonyms_en`,
        digcomp: sql`excluded.digcomp`,
        entrecomp: sql`excluded.entrecomp`,
        position: sql`excluded.position`,
      },
    });
  const ids = rows.map((r) => r.id);
  await tx
    .update(skills)
    .set({ isArchived: true })
    .where(and(eq(skills.isCustom, false), notInArray(skills.id, ids)));
}

type SkillRow = typeof skills.$inferSelect & { family: Family };

function toSkill(row: SkillRow): Skill {
  return {
    id: row.id,
    family: row.family,
    categoryId: row.categoryId,
    label: { fr: row.customLabelFr ?? row.labelFr, en: row.customLabelEn ?? row.labelEn },
    description: { fr: row.descriptionFr, en: row.descriptionEn },
    synonyms: { fr: row.synonymsFr, en: row.synonymsEn },
    customSynonyms: row.customSynonyms,
    digcomp: row.digcomp,
    entrecomp: row.entrecomp,
    isCustom: row.isCustom,
    isArchived: row.isArchived,
  };
}

export async function listCategories(db: Tx): Promise<Category[]> {
  const rows = await db.select().from(skillCategories).orderBy(asc(skillCategories.family), asc(skillCategories.position));
  return rows.map((r) => ({
    id: r.id,
    family: r.family,
    label: { fr: r.labelFr, en: r.labelEn },
    position: r.position,
    isCustom: r.isCustom,
  }));
}

/** Every skill in catalogue order (family, category, position), archived ones included. */
export async function listSkills(db: Tx): Promise<Skill[]> {
  const rows = await db
    .select({ skill: skills, family: skillCategories.family, categoryPosition: skillCategories.position })
    .from(skills)
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .orderBy(asc(skillCategories.family), asc(skillCategories.position), asc(skills.position), asc(skills.id));
  return rows.map((r) => toSkill({ ...r.skill, family: r.family }));
}

export async function findSkill(db: Tx, id: string): Promise<Skill | undefined> {
  const [row] = await db
    .select({ skill: skills, family: skillCategories.family })
    .from(skills)
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .where(eq(skills.id, id));
  return row ? toSkill({ ...row.skill, family: row.family }) : undefined;
}

export async function insertCustomSkill(
  db: Tx,
  values: {
    id: string;
    categoryId: string;
    labelFr: string;
    labelEn: string;
    descriptionFr: string;
    descriptionEn: string;
    synonyms: string[];
    now: Date;
  },
) {
  const [last] = await db
    .select({ max: sql<number>`coalesce(max(${skills.position}), -1)` })
    .from(skills)
    .where(eq(skills.categoryId, values.categoryId));
  await db.insert(skills).values({
    id: values.id,
    categoryId: values.categoryId,
    labelFr: values.labelFr,
    labelEn: values.labelEn,
    descriptionFr: values.descriptionFr,
    descriptionEn: values.descriptionEn,
    customSynonyms: values.synonyms,
    position: Number(last?.max ?? -1) + 1,
    isCustom: true,
    updatedAt: values.now,
  });
}

export async function updateSkill(db: Tx, id: string, values: Partial<typeof skills.$inferInsert>) {
  await db.update(skills).set(values).where(eq(skills.id, id));
}

export async function isSkillInUse(db: Tx, id: string): Promise<boolean> {
  const [inProfiles] = await db.select({ n: sql<number>`count(*)` }).from(profileSkills).where(eq(profileSkills.skillId, id));
  const [inAssessments] = await db
    .select({ n: sql<number>`count(*)` })
    .from(selfAssessmentAnswers)
    .where(eq(selfAssessmentAnswers.skillId, id));
  return Number(inProfiles?.n ?? 0) + Number(inAssessments?.n ?? 0) > 0;
}

export async function deleteSkill(db: Tx, id: string) {
  await db.delete(skills).where(eq(skills.id, id));
}
