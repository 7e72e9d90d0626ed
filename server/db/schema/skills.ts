/** Tables of the skills context (server/modules/skills): the catalogue's categories and skills, and the organisation's own. */
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { SKILL_FAMILIES } from "../../../contracts/skills.ts";

/** Skill categories: the catalogue's (catalogue/skills.yaml, synced at start) and the organisation's own. */
export const skillCategories = pgTable("skill_categories", {
  id: text("id").primaryKey(),
  family: text("family", { enum: SKILL_FAMILIES }).notNull(),
  labelFr: text("label_fr").notNull(),
  labelEn: text("label_en").notNull(),
  position: integer("position").notNull(),
  isCustom: boolean("is_custom").notNull().default(false),
});

/**
 * Skills. Catalogue columns are rewritten at each start from catalogue/skills.yaml; the admin's
 * renames and extra synonyms live in their own columns so that they survive. A skill is archived,
 * never deleted, once anything refers to it (foreign keys use "restrict").
 */
export const skills = pgTable(
  "skills",
  {
    id: text("id").primaryKey(),
    categoryId: text("category_id")
      .notNull()
      .references(() => skillCategories.id, { onDelete: "restrict" }),
    labelFr: text("label_fr").notNull(),
    labelEn: text("label_en").notNull(),
    descriptionFr: text("description_fr").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    synonymsFr: text("synonyms_fr").array().notNull().default(sql`'{}'::text[]`),
    synonymsEn: text("synonyms_en").array().notNull().default(sql`'{}'::text[]`),
    customLabelFr: text("custom_label_fr"),
    customLabelEn: text("custom_label_en"),
    customSynonyms: text("custom_synonyms").array().notNull().default(sql`'{}'::text[]`),
    digcomp: text("digcomp").array().notNull().default(sql`'{}'::text[]`),
    entrecomp: text("entrecomp").array().notNull().default(sql`'{}'::text[]`),
    position: integer("position").notNull(),
    isCustom: boolean("is_custom").notNull().default(false),
    isArchived: boolean("is_archived").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("skills_category_idx").on(t.categoryId)],
);
