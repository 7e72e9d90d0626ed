import type { Pair } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { carryOutDecision } from "./carry-out-decision.ts";
import { getMyPair } from "./list-my-pairs.ts";
import { pairForAction } from "./pair-for-action.ts";
import { decideScheduleIntro } from "./pairs.domain.ts";
import type { PairsDeps } from "./pairs-deps.ts";
import { programmeCalendars } from "./workspace.repository.ts";

/** One of the pair schedules (or moves) the intro meeting, at a time to come within the programme; the partner is told. */
export async function scheduleIntro(
  pairId: string,
  body: { at: string; place: string },
  user: CurrentUser,
  deps: PairsDeps,
): Promise<Pair> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { pair, actor } = await pairForAction(tx, pairId, user);
    const programme = (await programmeCalendars(tx, [pair.programmeId])).get(pair.programmeId);
    if (!programme) throw new Error(`programme ${pair.programmeId} of pair ${pair.id} not found`);
    await carryOutDecision(
      tx,
      pair.id,
      decideScheduleIntro(pair, actor, { at: new Date(body.at), place: body.place }, now, programme),
      now,
    );
  });
  return getMyPair(pairId, user, deps);
}
