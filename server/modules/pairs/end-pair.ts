import type { EndReason, PairState } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { carryOutDecision } from "./carry-out-decision.ts";
import { pairForAction } from "./pair-for-action.ts";
import { decideEnd } from "./pairs.domain.ts";
import type { PairsDeps } from "./pairs-deps.ts";

/** Either person (or a manager) ends the pair early, with a reason; the other side and the managers are told. */
export async function endPair(
  pairId: string,
  body: { reason: EndReason; note?: string | null | undefined },
  user: CurrentUser,
  deps: PairsDeps,
): Promise<{ state: PairState }> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { pair, actor } = await pairForAction(tx, pairId, user);
    await carryOutDecision(tx, pair.id, decideEnd(pair, actor, body, { personId: user.personId, userId: user.id, now }), now);
  });
  return { state: "ended_early" };
}
