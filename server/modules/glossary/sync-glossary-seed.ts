import { normaliseGlossaryText } from "../../../contracts/glossary.ts";
import type { Database } from "../../db/client.ts";
import { searchTextOf } from "./glossary.domain.ts";
import * as repo from "./glossary.repository.ts";
import { readGlossaryFile } from "./glossary-file.ts";

/**
 * Loads catalogue/glossary.yaml into the database (every start, after migrations, like the skills
 * catalogue): each seed key not yet in the database becomes an approved term without a proposer.
 * A key already there is left alone — a manager may have edited or rejected it — and so is a seed
 * whose term the organisation already has (proposed by someone before the seed existed).
 * Returns how many terms were added.
 */
export async function syncGlossaryFromFile(database: Database, now: Date): Promise<number> {
  const file = readGlossaryFile();
  return database.db.transaction(async (tx) => {
    await repo.lockTerms(tx);
    const known = await repo.seedKeys(tx);
    const taken = new Set((await repo.liveTermNames(tx)).map((t) => normaliseGlossaryText(t.term)));
    const added = file.terms.filter((t) => !known.has(t.key) && !taken.has(normaliseGlossaryText(t.term)));
    const ids = await repo.insertTerms(
      tx,
      added.map((t) => ({
        seedKey: t.key,
        term: t.term,
        definitionFr: t.definition.fr,
        definitionEn: t.definition.en,
        exampleFr: t.example.fr,
        exampleEn: t.example.en,
        skillIds: t.skills,
        status: "approved" as const,
        searchText: searchTextOf(t),
        proposedByPersonId: null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    return ids.length;
  });
}
