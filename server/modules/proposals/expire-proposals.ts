import { notify } from "../notifications/index.ts";
import { programmeNames } from "../programmes/index.ts";
import { decideExpiry, remindersDueBefore } from "./proposals.domain.ts";
import * as repo from "./proposals.repository.ts";
import type { ProposalsDeps } from "./proposals-deps.ts";

/**
 * The expiry sweep (the "proposals-expire" job, every five minutes): mentors are reminded two days
 * before a proposal expires; expired ones close and both people are told. Reads do not run it: they
 * present a proposal past its date as expired (proposal-status.ts).
 */
export async function expireProposals(deps: ProposalsDeps): Promise<{ reminded: number; expired: number }> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const toRemind = await repo.proposalsToRemind(tx, remindersDueBefore(now));
    const expired = await repo.expiredOpenProposals(tx, now);
    const names = await programmeNames(tx, [...new Set([...toRemind, ...expired].map((p) => p.programmeId))]);
    const decision = decideExpiry(toRemind, expired, names, now);
    await repo.markReminded(tx, decision.remindedIds, now);
    await repo.setProposalStatus(tx, decision.expired);
    await notify(tx, decision.notices, now);
    return { reminded: decision.remindedIds.length, expired: expired.length };
  });
}
