/** All of the glossary's SQL. Reads the proposer's name from the directory (people), read-only. */
import { and, arrayContains, count, eq, like, ne, type SQL, sql } from "drizzle-orm";
import type { GlossaryTermStatus } from "../../../contracts/glossary.ts";
import type { Tx } from "../../db/client.ts";
import { likePattern } from "../../db/like-pattern.ts";
import { glossaryTerms, people } from "../../db/schema.ts";
import type { StoredTerm } from "./glossary.domain.ts";

const columns = {
  id: glossaryTerms.id,
  seedKey: glossaryTerms.seedKey,
  term: glossaryTerms.term,
  definitionFr: glossaryTerms.definitionFr,
  definitionEn: glossaryTerms.definitionEn,
  exampleFr: glossaryTerms.exampleFr,
  exampleEn: glossaryTerms.exampleEn,
  skillIds: glossaryTerms.skillIds,
  status: glossaryTerms.status,
  proposedByPersonId: glossaryTerms.proposedByPersonId,
  proposerName: sql<string | null>`${people.firstName} || ' ' || ${people.lastName}`,
  createdAt: glossaryTerms.createdAt,
  reviewedAt: glossaryTerms.reviewedAt,
};

function selectTerms(db: Tx) {
  return db.select(columns).from(glossaryTerms).leftJoin(people, eq(people.id, glossaryTerms.proposedByPersonId));
}

export type TermFilter = {
  status: GlossaryTermStatus;
  /** Already normalised (normaliseGlossaryText); matched anywhere in the term, definitions and examples. */
  search?: string | undefined;
  skillId?: string | undefined;
  /** Only this person's proposals. */
  proposerId?: string | undefined;
};

/** The terms of a filter, unordered (the domain ranks them). */
export async function listTerms(db: Tx, filter: TermFilter): Promise<StoredTerm[]> {
  const conditions: SQL[] = [eq(glossaryTerms.status, filter.status)];
  // search_text is stored lower case and without accents: a plain LIKE on the normalised search is accent- and case-blind.
  if (filter.search) conditions.push(like(glossaryTerms.searchText, likePattern(filter.search)));
  if (filter.skillId) conditions.push(arrayContains(glossaryTerms.skillIds, [filter.skillId]));
  if (filter.proposerId) conditions.push(eq(glossaryTerms.proposedByPersonId, filter.proposerId));
  return selectTerms(db).where(and(...conditions));
}

export async function findTerm(db: Tx, id: string): Promise<StoredTerm | undefined> {
  const [row] = await selectTerms(db).where(eq(glossaryTerms.id, id));
  return row;
}

export async function countProposed(db: Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(glossaryTerms).where(eq(glossaryTerms.status, "proposed"));
  return row?.n ?? 0;
}

/** Every proposed or approved term's id and text: what a new or renamed term must not repeat. */
export async function liveTermNames(db: Tx): Promise<{ id: string; term: string }[]> {
  return db.select({ id: glossaryTerms.id, term: glossaryTerms.term }).from(glossaryTerms).where(ne(glossaryTerms.status, "rejected"));
}

/** The seed keys already in the database. */
export async function seedKeys(db: Tx): Promise<Set<string>> {
  const rows = await db.select({ key: glossaryTerms.seedKey }).from(glossaryTerms).where(sql`${glossaryTerms.seedKey} is not null`);
  return new Set(rows.map((r) => r.key as string));
}

/**
 * Writers of terms take this lock first: the check that a term is new and its insert (or rename)
 * then happen one transaction at a time. The table has no column for the normalised term to hold a
 * unique index, and proposals are rare.
 */
export async function lockTerms(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table ${glossaryTerms} in share row exclusive mode`);
}

export type NewTerm = {
  seedKey: string | null;
  term: string;
  definitionFr: string;
  definitionEn: string;
  exampleFr: string;
  exampleEn: string;
  skillIds: string[];
  status: GlossaryTermStatus;
  searchText: string;
  proposedByPersonId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Inserts terms; a seed key already present is skipped (seeding twice adds nothing). Returns the new ids. */
export async function insertTerms(tx: Tx, terms: NewTerm[]): Promise<string[]> {
  if (!terms.length) return [];
  const rows = await tx.insert(glossaryTerms).values(terms).onConflictDoNothing().returning({ id: glossaryTerms.id });
  return rows.map((r) => r.id);
}

export type TermChanges = Partial<
  Pick<NewTerm, "term" | "definitionFr" | "definitionEn" | "exampleFr" | "exampleEn" | "skillIds" | "searchText" | "status">
> & { updatedAt: Date; reviewedByUserId?: string; reviewedAt?: Date };

export async function updateTerm(tx: Tx, id: string, changes: TermChanges): Promise<void> {
  await tx.update(glossaryTerms).set(changes).where(eq(glossaryTerms.id, id));
}
