import type { Proposal } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notify, notifyManagers } from "../notifications/index.ts";
import { countOpenPairsOfMentor, hasOpenPair, openPairs } from "../pairs/index.ts";
import { personRefs } from "../people/index.ts";
import { findProfiles } from "../profiles/index.ts";
import { acceptsProposals, capacityOf, checkPair, findEnrolment, matchingSettingsOf } from "../programmes/index.ts";
import { getMyProposal } from "./list-my-proposals.ts";
import { proposalForMentor } from "./proposal-for-mentor.ts";
import { checkAccept, decideAccepted } from "./proposals.domain.ts";
import * as repo from "./proposals.repository.ts";
import type { ProposalsDeps } from "./proposals-deps.ts";

/**
 * The mentor accepts: in one transaction, with both people's enrolments locked, check places left
 * and that the mentee is free, open the pair, withdraw the mentee's other open proposals and tell
 * those mentors, and tell the managers a pair was formed.
 */
export async function acceptProposal(id: string, user: CurrentUser, deps: ProposalsDeps): Promise<Proposal> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { proposal, programme } = await proposalForMentor(tx, id, user.personId);
    const mentor = await findEnrolment(tx, proposal.programmeId, proposal.mentorId);
    const profile = (await findProfiles(tx, [proposal.mentorId])).get(proposal.mentorId);
    checkAccept({
      proposal,
      acceptsProposals: acceptsProposals(programme),
      mentorCapacity: capacityOf(mentor?.capacity ?? null, profile?.mentorCapacity, matchingSettingsOf(programme).defaultCapacity),
      mentorOpenPairs: await countOpenPairsOfMentor(tx, proposal.programmeId, proposal.mentorId),
      menteeHasOpenPair: await hasOpenPair(tx, proposal.programmeId, proposal.menteeId),
      now,
    });
    // Still allowed now (set aside, declined, forbidden since it was sent…), with its score and reasons.
    const explained = await checkPair(tx, programme, proposal.mentorId, proposal.menteeId);
    const [pair] = await openPairs(tx, programme, [{ mentorId: proposal.mentorId, menteeId: proposal.menteeId, ...explained }], {
      origin: "proposal",
      byUserId: user.id,
      now,
    });
    if (!pair) throw new Error("the accepted proposal's pair was not created");
    const others = (await repo.openProposalsOfMentee(tx, proposal.programmeId, proposal.menteeId)).filter((p) => p.id !== proposal.id);
    const names = await personRefs(tx, [proposal.mentorId, proposal.menteeId]);
    const decision = decideAccepted(proposal, {
      pairId: pair.id,
      othersOpen: others,
      programmeName: programme.name,
      mentorName: names.name(proposal.mentorId),
      menteeName: names.name(proposal.menteeId),
      now,
    });
    await repo.setProposalStatus(tx, { ...decision.accepted, pairId: pair.id });
    const withdrawn = await repo.setProposalStatus(tx, decision.withdrawn);
    await notify(tx, decision.notices(withdrawn), now);
    await notifyManagers(tx, decision.managersNotice, now);
  });
  return getMyProposal(id, user, deps);
}
