import type { Tx } from "../../db/client.ts";
import { notify } from "../notifications/index.ts";
import { closePairSessions } from "./carry-out-decision.ts";
import { decideProgrammeClose } from "./pairs.domain.ts";
import * as repo from "./pairs.repository.ts";

/**
 * A programme closes (in its transaction): active pairs are completed, pairs still in intro end
 * (cause "programme_closed"), both people told, their sessions to come cancelled (a job). The open pairs are locked first, so a pair action
 * under way finishes before (and its new state is the one closed) or fails after.
 */
export async function closeProgrammePairs(tx: Tx, programme: { id: string; name: string }, userId: string, now: Date): Promise<void> {
  const open = await repo.openPairsForUpdate(tx, programme.id);
  const decision = decideProgrammeClose(open, { programmeName: programme.name, userId, now });
  await repo.setPairStates(tx, decision.completed, { state: "completed", updatedAt: now });
  await repo.setPairStates(tx, decision.ended, { state: "ended_early", endReason: "other", updatedAt: now });
  await repo.insertPairEvents(tx, decision.events);
  await notify(tx, decision.notices, now);
  await closePairSessions(tx, [...decision.completed, ...decision.ended]);
}
