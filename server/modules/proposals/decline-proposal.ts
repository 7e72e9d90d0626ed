import type { Proposal } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notify } from "../notifications/index.ts";
import { getMyProposal } from "./list-my-proposals.ts";
import { proposalForMentor } from "./proposal-for-mentor.ts";
import { decideDecline } from "./proposals.domain.ts";
import * as repo from "./proposals.repository.ts";
import type { ProposalsDeps } from "./proposals-deps.ts";

/** The mentor declines, with an optional reason the mentee reads; the mentee is told. */
export async function declineProposal(
  id: string,
  reason: string | null | undefined,
  user: CurrentUser,
  deps: ProposalsDeps,
): Promise<Proposal> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { proposal, programme } = await proposalForMentor(tx, id, user.personId);
    const decision = decideDecline(proposal, reason, programme.name, now);
    await repo.setProposalStatus(tx, decision.change);
    await notify(tx, decision.notices, now);
  });
  return getMyProposal(id, user, deps);
}
