import type { Proposal } from "../../../contracts/pairs.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { personRefs } from "../people/index.ts";
import { proposalStatusAt } from "./proposal-status.ts";
import * as repo from "./proposals.repository.ts";
import type { ProposalsDeps } from "./proposals-deps.ts";

/**
 * My proposals (sent or received; `personId`: the session's). Reading writes nothing: one past its date
 * shows as expired even before the expiry sweep (the "proposals-expire" job) closes it.
 */
export async function listMyProposals(user: { personId: string | null }, deps: ProposalsDeps): Promise<Proposal[]> {
  return presentMyProposals(user.personId, deps);
}

/** One of my proposals, just written by the caller. */
export async function getMyProposal(id: string, user: { personId: string | null }, deps: ProposalsDeps): Promise<Proposal> {
  const proposal = (await presentMyProposals(user.personId, deps)).find((p) => p.id === id);
  if (!proposal) throw notFound();
  return proposal;
}

async function presentMyProposals(personId: string | null, deps: ProposalsDeps): Promise<Proposal[]> {
  const { db } = deps.database;
  if (!personId) return [];
  const rows = await repo.proposalsOfPerson(db, personId);
  const now = deps.clock.now();
  const { ref } = await personRefs(
    db,
    rows.flatMap((r) => [r.proposal.mentorId, r.proposal.menteeId]),
  );
  return rows.map(({ proposal: p, programmeName }) => {
    const { status, decidedAt } = proposalStatusAt(p, now);
    return {
      id: p.id,
      programme: { id: p.programmeId, name: programmeName },
      mentor: ref(p.mentorId),
      mentee: ref(p.menteeId),
      direction: p.menteeId === personId ? "sent" : "received",
      goals: p.goals,
      offer: p.offer,
      status,
      declineReason: p.declineReason,
      pairId: p.pairId,
      createdAt: p.createdAt.toISOString(),
      expiresAt: p.expiresAt.toISOString(),
      decidedAt: decidedAt?.toISOString() ?? null,
    };
  });
}
