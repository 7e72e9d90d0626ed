import type { GlossaryTerm, ProposeGlossaryTermBody } from "../../../contracts/glossary.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notifyManagers } from "../notifications/index.ts";
import { requireSkills } from "../skills/index.ts";
import { duplicateOf, presentTerm, type StoredTerm, searchTextOf, termExists } from "./glossary.domain.ts";
import * as repo from "./glossary.repository.ts";
import type { GlossaryDeps } from "./glossary-deps.ts";

/**
 * Anyone logged in proposes a term (a participant or a manager): it waits, "proposed", for a
 * manager's review, and the managers are told. A term the glossary already has (accents, case and
 * punctuation ignored) is refused with a 409 on `term`.
 */
export async function proposeGlossaryTerm(body: ProposeGlossaryTermBody, user: CurrentUser, deps: GlossaryDeps): Promise<GlossaryTerm> {
  const skillIds = [...new Set(body.skillIds)];
  await requireSkills(skillIds, "skillIds", deps);
  const now = deps.clock.now();
  const id = await deps.database.db.transaction(async (tx) => {
    await repo.lockTerms(tx);
    if (duplicateOf(body.term, await repo.liveTermNames(tx))) throw termExists(body.term);
    const [inserted] = await repo.insertTerms(tx, [
      {
        seedKey: null,
        term: body.term,
        definitionFr: body.definition.fr,
        definitionEn: body.definition.en,
        exampleFr: body.example.fr,
        exampleEn: body.example.en,
        skillIds,
        status: "proposed",
        searchText: searchTextOf(body),
        proposedByPersonId: user.personId,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await notifyManagers(
      tx,
      { kind: "managers_glossary_term_proposed", params: { term: body.term }, link: "/glossary?status=proposed" },
      now,
    );
    return inserted as string;
  });
  // Its proposer reads it back even without a directory entry (then nobody but the managers will see it again).
  return presentTerm((await repo.findTerm(deps.database.db, id)) as StoredTerm, user);
}
