import type { ManagedPairDetail } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { findProfiles } from "../profiles/index.ts";
import { capacityOf, checkPair, findEnrolment, findProgramme, matchingSettingsOf } from "../programmes/index.ts";
import { withdrawOpenProposals } from "../proposals/index.ts";
import { getManagedPair } from "./manager-pair-view.ts";
import { checkNewPair } from "./manager-pairs.domain.ts";
import { openPairs } from "./open-pairs.ts";
import * as repo from "./pairs.repository.ts";
import type { PairsDeps } from "./pairs-deps.ts";

/**
 * A manager pairs two people of the programme by hand — a rematch after a pair closed (origin "manual").
 * In one transaction, with both people's enrolments locked in person id order (as accepting a proposal
 * does, so that the two queue instead of deadlocking): matching must be open, the mentee free and the
 * mentor with a place left (409 otherwise, saying which), and the pair allowed as for a published run
 * (programmes' `checkPair`: enrolled, not set aside, neither forbidden nor tried already, the engine's hard
 * constraints), which also gives its score and reasons. The pair opens in intro and both people are told
 * (match_published); the mentee's open proposals are withdrawn and their mentors told. Answers the new pair.
 */
export async function formPair(
  programmeId: string,
  body: { mentorId: string; menteeId: string },
  user: CurrentUser,
  deps: PairsDeps,
): Promise<ManagedPairDetail> {
  const now = deps.clock.now();
  const pairId = await deps.database.db.transaction(async (tx) => {
    const programme = await findProgramme(tx, programmeId);
    if (!programme) throw notFound();
    for (const personId of [body.mentorId, body.menteeId].sort()) await findEnrolment(tx, programmeId, personId, { forUpdate: true });
    const mentor = await findEnrolment(tx, programmeId, body.mentorId);
    const profile = (await findProfiles(tx, [body.mentorId])).get(body.mentorId);
    checkNewPair({
      phase: programme.phase,
      menteeHasOpenPair: await repo.hasOpenPair(tx, programmeId, body.menteeId),
      mentorOpenPairs: await repo.countOpenPairsOfMentor(tx, programmeId, body.mentorId),
      mentorCapacity: capacityOf(mentor?.capacity ?? null, profile?.mentorCapacity, matchingSettingsOf(programme).defaultCapacity),
    });
    const explained = await checkPair(tx, programme, body.mentorId, body.menteeId);
    const [pair] = await openPairs(tx, programme, [{ mentorId: body.mentorId, menteeId: body.menteeId, ...explained }], {
      origin: "manual",
      byUserId: user.id,
      now,
    });
    if (!pair) throw new Error("the manager's pair was not created");
    await withdrawOpenProposals(tx, programme, [body.menteeId], now);
    return pair.id;
  });
  return getManagedPair(programmeId, pairId, deps);
}
