import type { Pair } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { carryOutDecision } from "./carry-out-decision.ts";
import { getMyPair } from "./list-my-pairs.ts";
import { pairForAction } from "./pair-for-action.ts";
import { decideIntroAnswer } from "./pairs.domain.ts";
import * as repo from "./pairs.repository.ts";
import type { PairsDeps } from "./pairs-deps.ts";

/**
 * "We will work well together" or "not a fit" after the intro. Both yes → active; any no → the pair
 * closes as not a fit (both back in the pool; the reason is for the managers only).
 */
export async function answerIntro(
  pairId: string,
  body: { isFit: boolean; reason?: string | null | undefined },
  user: CurrentUser,
  deps: PairsDeps,
): Promise<Pair> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { pair, actor } = await pairForAction(tx, pairId, user);
    const earlier = await repo.introAnswersOf(tx, [pair.id]);
    const decision = decideIntroAnswer(pair, actor, body, earlier, { userId: user.id, now });
    await repo.upsertIntroAnswer(tx, { pairId: pair.id, ...decision.answer, answeredAt: now });
    await carryOutDecision(tx, pair.id, decision, now);
  });
  return getMyPair(pairId, user, deps);
}
