/**
 * Tables of the glossary context (server/modules/glossary): the organisation's jargon explained in
 * plain French and English. Seeded terms (catalogue/glossary.yaml) have no proposer.
 */
import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { GLOSSARY_TERM_STATUSES } from "../../../contracts/glossary.ts";
import { users } from "./accounts.ts";
import { people } from "./people.ts";

export const glossaryTerms = pgTable(
  "glossary_terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The seed's key (catalogue/glossary.yaml), so that seeding twice adds nothing; null for a proposed term. */
    seedKey: text("seed_key"),
    term: text("term").notNull(),
    definitionFr: text("definition_fr").notNull(),
    definitionEn: text("definition_en").notNull(),
    exampleFr: text("example_fr").notNull().default(""),
    exampleEn: text("example_en").notNull().default(""),
    skillIds: text("skill_ids").array().notNull().default(sql`'{}'::text[]`),
    status: text("status", { enum: GLOSSARY_TERM_STATUSES }).notNull(),
    /** Lower case, without accents: the term and both definitions, for search. */
    searchText: text("search_text").notNull(),
    proposedByPersonId: uuid("proposed_by_person_id").references(() => people.id, { onDelete: "set null" }),
    reviewedByUserId: uuid("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("glossary_terms_seed_key").on(t.seedKey), index("glossary_terms_status_idx").on(t.status, t.term)],
);
