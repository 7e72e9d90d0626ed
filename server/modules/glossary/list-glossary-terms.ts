import type { GlossaryQuery, GlossaryTerm, GlossaryTermList } from "../../../contracts/glossary.ts";
import { normaliseGlossaryText } from "../../../contracts/glossary.ts";
import { isManager } from "../../platform/auth/roles.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { canSee, listScope, presentTerm, rankTerms } from "./glossary.domain.ts";
import * as repo from "./glossary.repository.ts";
import type { GlossaryDeps } from "./glossary-deps.ts";

/**
 * The glossary's terms of a status (approved by default), searched in the term, both definitions and
 * both examples whatever the UI language, accents and case ignored; proposed and rejected terms are
 * every such term for managers, one's own proposals for anyone else.
 */
export async function listGlossaryTerms(query: GlossaryQuery, user: CurrentUser, deps: GlossaryDeps): Promise<GlossaryTermList> {
  const { db } = deps.database;
  const scope = listScope(query.status, user);
  const search = normaliseGlossaryText(query.q ?? "");
  const terms = scope ? await repo.listTerms(db, { ...scope, search, skillId: query.skill }) : [];
  return {
    items: rankTerms(terms, search).map((t) => presentTerm(t, user)),
    proposedCount: isManager(user) ? await repo.countProposed(db) : null,
  };
}

/** One term: an approved one for anyone logged in; a proposed or rejected one for managers and its proposer (404 for others). */
export async function getGlossaryTerm(id: string, user: CurrentUser, deps: GlossaryDeps): Promise<GlossaryTerm> {
  const term = await repo.findTerm(deps.database.db, id);
  if (!term || !canSee(term, user)) throw notFound();
  return presentTerm(term, user);
}
