import type { PairState } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { carryOutDecision } from "./carry-out-decision.ts";
import { pairForAction } from "./pair-for-action.ts";
import { decideCompletion } from "./pairs.domain.ts";
import type { PairsDeps } from "./pairs-deps.ts";

/** Completing needs both people's agreement (or a manager); the first one's request waits for the partner. */
export async function completePair(pairId: string, user: CurrentUser, deps: PairsDeps): Promise<{ state: PairState }> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { pair, actor } = await pairForAction(tx, pairId, user);
    const decision = decideCompletion(pair, actor, { personId: user.personId, userId: user.id, now });
    await carryOutDecision(tx, pair.id, decision, now);
    return { state: decision.state };
  });
}
