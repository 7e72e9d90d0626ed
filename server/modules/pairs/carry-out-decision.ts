import type { Tx } from "../../db/client.ts";
import { notify, notifyManagers } from "../notifications/index.ts";
import type { PairDecision } from "./pairs.domain.ts";
import * as repo from "./pairs.repository.ts";

/** Writes what a decision about one pair says, in the caller's transaction: the pair's change, its event, the notifications. */
export async function carryOutDecision(tx: Tx, pairId: string, decision: PairDecision, now: Date): Promise<void> {
  if (decision.change) await repo.updatePair(tx, pairId, decision.change);
  if (decision.event) await repo.insertPairEvents(tx, [decision.event]);
  if (decision.notices.length) await notify(tx, decision.notices, now);
  if (decision.managersNotice) await notifyManagers(tx, decision.managersNotice, now);
}
