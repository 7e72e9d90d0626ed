import type { Tx } from "../../db/client.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import type { PairActor, PairFacts } from "./pairs.domain.ts";
import { pairActor } from "./pairs.policy.ts";
import * as repo from "./pairs.repository.ts";

/** A pair loaded for an action, locked, with the caller's part in it (404 when they have none). */
export async function pairForAction(tx: Tx, pairId: string, user: CurrentUser): Promise<{ pair: PairFacts; actor: PairActor }> {
  const pair = await repo.findPairForUpdate(tx, pairId);
  if (!pair) throw notFound();
  return { pair, actor: pairActor(pair, user) };
}
