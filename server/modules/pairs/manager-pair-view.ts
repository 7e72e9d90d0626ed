import type { ManagedPairDetail } from "../../../contracts/pairs.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { personRefs } from "../people/index.ts";
import { presentActivity } from "./manager-pairs.domain.ts";
import * as managerRepo from "./manager-pairs.repository.ts";
import * as repo from "./pairs.repository.ts";
import type { PairsDeps } from "./pairs-deps.ts";
import { presentManagedPair } from "./present-managed-pair.ts";

/**
 * One pair of a programme as its managers follow it (route-access: managers only): the pair as in the
 * programme's list (score, intro answers with their reasons, history with the notes left when ending it),
 * and its workspace as counts and dates — never an agenda, a goal's statement or a note (docs/pairs.md).
 * A pair of another programme is answered as an unknown id.
 */
export async function getManagedPair(programmeId: string, pairId: string, deps: PairsDeps): Promise<ManagedPairDetail> {
  const { db } = deps.database;
  const found = await managerRepo.findPairOfProgramme(db, programmeId, pairId);
  if (!found) throw notFound();
  const { pair, programme } = found;
  const events = await repo.eventsOf(db, [pair.id]);
  const answers = await repo.introAnswersOf(db, [pair.id]);
  const { ref } = await personRefs(db, [pair.mentorId, pair.menteeId]);
  const activity = await managerRepo.pairActivity(db, pair.id, deps.clock.now());
  return { ...presentManagedPair(pair, events, answers, ref), programme, activity: presentActivity(activity) };
}
