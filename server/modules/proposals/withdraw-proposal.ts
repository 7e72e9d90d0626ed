import type { Proposal } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { notify } from "../notifications/index.ts";
import { findProgramme } from "../programmes/index.ts";
import { getMyProposal } from "./list-my-proposals.ts";
import { checkMenteeOf, decideWithdraw } from "./proposals.domain.ts";
import * as repo from "./proposals.repository.ts";
import type { ProposalsDeps } from "./proposals-deps.ts";

/** The mentee takes back an open proposal; the mentor is told. */
export async function withdrawProposal(id: string, user: CurrentUser, deps: ProposalsDeps): Promise<Proposal> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const proposal = await repo.findProposal(tx, id, { forUpdate: true });
    if (!proposal) throw notFound();
    checkMenteeOf(proposal, user.personId);
    const programme = await findProgramme(tx, proposal.programmeId);
    const decision = decideWithdraw(proposal, programme?.name ?? "", now);
    await repo.setProposalStatus(tx, decision.change);
    await notify(tx, decision.notices, now);
  });
  return getMyProposal(id, user, deps);
}
