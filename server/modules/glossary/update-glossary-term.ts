import type { GlossaryTerm, UpdateGlossaryTermBody } from "../../../contracts/glossary.ts";
import { isManager } from "../../platform/auth/roles.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { forbidden, notFound } from "../../platform/errors/app-error.ts";
import { requireSkills } from "../skills/index.ts";
import { duplicateOf, searchTextOf, termExists } from "./glossary.domain.ts";
import * as repo from "./glossary.repository.ts";
import type { GlossaryDeps } from "./glossary-deps.ts";
import { getGlossaryTerm } from "./list-glossary-terms.ts";

/** A manager corrects a term — its text, definitions, examples or skills — whatever its status (a seeded term too). */
export async function updateGlossaryTerm(
  id: string,
  body: UpdateGlossaryTermBody,
  user: CurrentUser,
  deps: GlossaryDeps,
): Promise<GlossaryTerm> {
  if (!isManager(user)) throw forbidden();
  const skillIds = body.skillIds && [...new Set(body.skillIds)];
  if (skillIds) await requireSkills(skillIds, "skillIds", deps);
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    await repo.lockTerms(tx);
    const current = await repo.findTerm(tx, id);
    if (!current) throw notFound();
    const next = {
      term: body.term ?? current.term,
      definition: body.definition ?? { fr: current.definitionFr, en: current.definitionEn },
      example: body.example ?? { fr: current.exampleFr, en: current.exampleEn },
    };
    if (current.status !== "rejected" && duplicateOf(next.term, await repo.liveTermNames(tx), id)) throw termExists(next.term);
    await repo.updateTerm(tx, id, {
      term: next.term,
      definitionFr: next.definition.fr,
      definitionEn: next.definition.en,
      exampleFr: next.example.fr,
      exampleEn: next.example.en,
      ...(skillIds && { skillIds }),
      searchText: searchTextOf(next),
      updatedAt: now,
    });
  });
  return getGlossaryTerm(id, user, deps);
}
