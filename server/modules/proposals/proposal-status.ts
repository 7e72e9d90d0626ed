/**
 * A proposal's status as it is at a given moment. The expiry sweep (the "proposals-expire" job, every
 * five minutes) is what closes a proposal past its date and tells both people; until it has run, the
 * row still says "open". Reading never writes (no sweep in a GET), so readers present such a proposal
 * as expired already, and accepting it is refused (checkAccept: PROPOSAL_EXPIRED).
 */
import type { ProposalStatus } from "../../../contracts/pairs.ts";

/** True when the proposal is open and its date is not past at `now` (it expires at `expiresAt` itself). */
export function isOpenAt(proposal: { status: ProposalStatus; expiresAt: Date }, now: Date): boolean {
  return proposal.status === "open" && proposal.expiresAt.getTime() > now.getTime();
}

/**
 * The status to show at `now`, and when it was decided: an open proposal past its date is "expired",
 * decided at its expiry date; any other keeps its own.
 */
export function proposalStatusAt(
  proposal: { status: ProposalStatus; expiresAt: Date; decidedAt: Date | null },
  now: Date,
): { status: ProposalStatus; decidedAt: Date | null } {
  if (proposal.status === "open" && !isOpenAt(proposal, now)) return { status: "expired", decidedAt: proposal.expiresAt };
  return { status: proposal.status, decidedAt: proposal.decidedAt };
}
