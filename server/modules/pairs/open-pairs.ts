import { randomUUID } from "node:crypto";
import type { PairOrigin } from "../../../contracts/pairs.ts";
import type { Tx } from "../../db/client.ts";
import { AppError } from "../../platform/errors/app-error.ts";
import type { Reason } from "../matching/index.ts";
import { notify } from "../notifications/index.ts";
import { personRefs } from "../people/index.ts";
import { decideOpening } from "./pairs.domain.ts";
import * as repo from "./pairs.repository.ts";

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

export type NewPair = { mentorId: string; menteeId: string; score: number | null; reasons: Reason[] };

/**
 * Opens pairs in "intro" in the caller's transaction (a published run opens thousands: a few
 * statements, not a few per pair), records their first event and tells both people. A mentee
 * already in an open pair of the programme is refused by the database itself (partial unique
 * index) as a 409, and nothing is written.
 */
export async function openPairs(
  tx: Tx,
  programme: { id: string; name: string },
  items: NewPair[],
  context: { origin: PairOrigin; byUserId: string; now: Date },
): Promise<repo.PairRow[]> {
  if (!items.length) return [];
  const { name } = await personRefs(
    tx,
    items.flatMap((p) => [p.mentorId, p.menteeId]),
  );
  const decision = decideOpening(
    items.map((p) => ({ ...p, id: randomUUID() })),
    { programme, ...context, nameOf: name },
  );
  let created: repo.PairRow[];
  try {
    created = await tx.transaction((inner) => repo.insertPairs(inner, decision.pairs));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("ALREADY_PAIRED");
    throw error;
  }
  await repo.insertPairEvents(tx, decision.events);
  await notify(tx, decision.notices, context.now);
  return created;
}
