import type { InvitationBatch } from "../../../contracts/invitations.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import type { AccountsDeps } from "./accounts.service.ts";
import { presentBatch } from "./invitations.domain.ts";
import * as repo from "./invitations.repository.ts";

/**
 * A bulk invitation and its progress. Managers and administrators see every batch, not only their own:
 * they share the directory and the programmes, and a colleague may follow one another's invitations.
 */
export async function getInvitationBatch(id: string, deps: Pick<AccountsDeps, "database">): Promise<InvitationBatch> {
  const batch = await repo.findBatch(deps.database.db, id);
  if (!batch) throw notFound();
  return presentBatch(batch);
}
