import type { GlossaryTerm } from "../../../contracts/glossary.ts";
import { isManager } from "../../platform/auth/roles.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { forbidden, notFound } from "../../platform/errors/app-error.ts";
import { decideApproval, decideRejection, duplicateOf, type ReviewDecision, type StoredTerm, termExists } from "./glossary.domain.ts";
import * as repo from "./glossary.repository.ts";
import type { GlossaryDeps } from "./glossary-deps.ts";
import { getGlossaryTerm } from "./list-glossary-terms.ts";

async function review(id: string, decide: (term: StoredTerm) => ReviewDecision, user: CurrentUser, deps: GlossaryDeps) {
  if (!isManager(user)) throw forbidden();
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    await repo.lockTerms(tx);
    const term = await repo.findTerm(tx, id);
    if (!term) throw notFound();
    const decision = decide(term);
    if (decision.kind === "unchanged") return;
    if (decision.checkDuplicate && duplicateOf(term.term, await repo.liveTermNames(tx), term.id)) throw termExists(term.term);
    await repo.updateTerm(tx, id, { status: decision.status, reviewedByUserId: user.id, reviewedAt: now, updatedAt: now });
  });
  return getGlossaryTerm(id, user, deps);
}

/** A manager approves a term (defined in both languages): everyone sees it from now on. Approving it again changes nothing. */
export function approveGlossaryTerm(id: string, user: CurrentUser, deps: GlossaryDeps): Promise<GlossaryTerm> {
  return review(id, decideApproval, user, deps);
}

/** A manager rejects a proposed term or withdraws an approved one: only managers and its proposer still see it. */
export function rejectGlossaryTerm(id: string, user: CurrentUser, deps: GlossaryDeps): Promise<GlossaryTerm> {
  return review(id, decideRejection, user, deps);
}
