import { randomUUID } from "node:crypto";
import type { Proposal } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notify } from "../notifications/index.ts";
import { hasOpenPair } from "../pairs/index.ts";
import { personRefs } from "../people/index.ts";
import { checkPair, findEnrolment } from "../programmes/index.ts";
import { expireProposals } from "./expire-proposals.ts";
import { getMyProposal } from "./list-my-proposals.ts";
import { menteeOfProgramme } from "./mentee-of-programme.ts";
import { decideSend } from "./proposals.domain.ts";
import * as repo from "./proposals.repository.ts";
import type { ProposalsDeps } from "./proposals-deps.ts";

/** A mentee proposes to a mentor of the programme: goals and what they offer in return, at most 3 open at once. */
export async function sendProposal(
  programmeId: string,
  body: { mentorId: string; goals: string; offer: string },
  user: CurrentUser,
  deps: ProposalsDeps,
): Promise<Proposal> {
  // A proposal past its date still counts as open until the scheduled sweep closes it: close those
  // first (as the sweep would, telling both people), so they neither count against the limit of open
  // proposals nor block a new one to the same mentor.
  await expireProposals(deps);
  const now = deps.clock.now();
  const id = await deps.database.db.transaction(async (tx) => {
    const { programme, personId } = await menteeOfProgramme(tx, programmeId, user);
    // Locks my enrolment: two proposals sent at once cannot both pass the "3 open" check.
    await findEnrolment(tx, programmeId, personId, { forUpdate: true });
    const facts = {
      hasOpenPair: await hasOpenPair(tx, programmeId, personId),
      openProposals: await repo.countOpenProposals(tx, programmeId, personId),
      mentorEnrolment: await findEnrolment(tx, programmeId, body.mentorId),
      proposedTo: await repo.openProposalMentorIds(tx, programmeId, personId),
      name: (await personRefs(tx, [personId])).name(personId),
    };
    const decision = decideSend({
      proposalId: randomUUID(),
      programme,
      mentee: { id: personId, ...facts },
      mentorId: body.mentorId,
      mentorEnrolment: facts.mentorEnrolment,
      body,
      now,
    });
    // Still allowed (the pairing rules: not set aside, not forbidden, not tried already, the engine's hard constraints).
    await checkPair(tx, programme, body.mentorId, personId);
    await repo.insertProposal(tx, decision.proposal);
    await notify(tx, decision.notices, now);
    return decision.proposal.id;
  });
  return getMyProposal(id, user, deps);
}
