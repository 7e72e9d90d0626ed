import { OPEN_PAIR_STATES, type PairState } from "../../../contracts/pairs.ts";
import type { Tx } from "../../db/client.ts";
import { enqueue, enqueueMany } from "../../platform/jobs/job-queue.ts";
import { notify, notifyManagers } from "../notifications/index.ts";
import type { PairDecision } from "./pairs.domain.ts";
import * as repo from "./pairs.repository.ts";

/** Writes what a decision about one pair says, in the caller's transaction: the pair's change, its event, the notifications. */
export async function carryOutDecision(tx: Tx, pairId: string, decision: PairDecision, now: Date): Promise<void> {
  if (decision.change) await repo.updatePair(tx, pairId, decision.change);
  if (decision.event) await repo.insertPairEvents(tx, [decision.event]);
  if (decision.notices.length) await notify(tx, decision.notices, now);
  if (decision.managersNotice) await notifyManagers(tx, decision.managersNotice, now);
  if (decision.change?.state && isClosed(decision.change.state)) await closePairSessions(tx, [pairId]);
}

const isClosed = (state: PairState) => !(OPEN_PAIR_STATES as readonly PairState[]).includes(state);

/**
 * Pairs just closed (ended early, completed, not a fit, their programme closed): their sessions still to come
 * are cancelled and both people told, by the sessions context's "pair-sessions-close" job (the sessions
 * context reads pairs: it cannot be called from here). Enqueued in the closing transaction: the job exists
 * exactly when the pair closed.
 */
export async function closePairSessions(tx: Tx, pairIds: readonly string[]): Promise<void> {
  if (pairIds.length === 1) await enqueue(tx, "pair-sessions-close", { pairId: pairIds[0] as string });
  else if (pairIds.length)
    await enqueueMany(
      tx,
      "pair-sessions-close",
      pairIds.map((pairId) => ({ pairId })),
    );
}
