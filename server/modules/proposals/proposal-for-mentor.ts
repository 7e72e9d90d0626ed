import type { Tx } from "../../db/client.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { findEnrolment, findProgramme, type ProgrammeRow } from "../programmes/index.ts";
import { checkMentorOf, checkOpen } from "./proposals.domain.ts";
import * as repo from "./proposals.repository.ts";

/**
 * An open proposal addressed to me (the mentor; the mentee who sent it gets a 403, anyone else a 404),
 * locked, with its programme. Locks, always in the same order so that concurrent accepts queue instead
 * of deadlocking: both people's enrolments (in id order), then the proposal, read again once locked.
 */
export async function proposalForMentor(
  tx: Tx,
  id: string,
  personId: string | null,
): Promise<{ proposal: repo.ProposalRow; programme: ProgrammeRow }> {
  const unlocked = await repo.findProposal(tx, id);
  if (!unlocked) throw notFound();
  checkMentorOf(unlocked, personId);
  for (const person of [unlocked.mentorId, unlocked.menteeId].sort())
    await findEnrolment(tx, unlocked.programmeId, person, { forUpdate: true });
  const proposal = await repo.findProposal(tx, id, { forUpdate: true });
  if (!proposal) throw notFound();
  checkOpen(proposal);
  const programme = await findProgramme(tx, proposal.programmeId);
  if (!programme) throw notFound();
  return { proposal, programme };
}
