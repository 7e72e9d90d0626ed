import type { Tx } from "../../db/client.ts";
import { notify } from "../notifications/index.ts";
import { withdrawnNotices } from "./proposals.domain.ts";
import * as repo from "./proposals.repository.ts";

/**
 * Withdraws the open proposals of a programme sent by or to these people (all of them with `null`: the
 * programme closes), in the caller's transaction, and tells the other side of each.
 */
export async function withdrawOpenProposals(
  tx: Tx,
  programme: { id: string; name: string },
  personIds: string[] | null,
  now: Date,
): Promise<void> {
  const withdrawn = await repo.withdrawOpenProposals(tx, programme.id, personIds, now);
  await notify(tx, withdrawnNotices(withdrawn, personIds, programme.name), now);
}
