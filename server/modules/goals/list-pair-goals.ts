import type { Goal, GoalList } from "../../../contracts/goals.ts";
import type { Tx } from "../../db/client.ts";
import { type PairAccess, pairAccess, pairMember } from "../pairs/index.ts";
import { agreementOf, type Member } from "./goals.domain.ts";
import * as repo from "./goals.repository.ts";
import type { GoalsDeps, GoalsUser } from "./goals-deps.ts";
import { toGoal } from "./present-goal.ts";

/** The pair's goals as the caller reads them (oldest first, updates newest first). */
export async function presentGoals(tx: Tx, access: PairAccess, member: Member): Promise<{ rows: repo.GoalRow[]; items: Goal[] }> {
  const rows = await repo.goalsOfPair(tx, access.pairId);
  const updates = await repo.updatesOfGoals(
    tx,
    rows.map((r) => r.id),
  );
  return { rows, items: rows.map((row) => toGoal(row, updates, access, member)) };
}

/** One goal as the caller reads it, after a change. */
export async function presentGoal(tx: Tx, goalId: string, access: PairAccess, member: Member): Promise<Goal> {
  const row = await repo.findGoal(tx, goalId);
  if (!row) throw new Error(`goal ${goalId} vanished`);
  return toGoal(row, await repo.updatesOfGoals(tx, [goalId]), access, member);
}

/**
 * The pair's goals, both ways, for its two people only (a manager gets 403: they see counts on the
 * programme's pairs; anyone else 404), and whether the app asks them to agree their goals.
 */
export async function listPairGoals(pairId: string, user: GoalsUser, deps: GoalsDeps): Promise<GoalList> {
  const { db } = deps.database;
  const access = await pairAccess(db, pairId, user);
  const member = pairMember(access);
  const { rows, items } = await presentGoals(db, access, member);
  return { items, agreement: agreementOf(rows, await repo.countHeldSessions(db, pairId), access.state) };
}
