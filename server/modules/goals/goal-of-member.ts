import type { Tx } from "../../db/client.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { type PairAccess, pairAccess, pairMember } from "../pairs/index.ts";
import type { Member } from "./goals.domain.ts";
import { findGoal, type GoalRow } from "./goals.repository.ts";
import type { GoalsUser } from "./goals-deps.ts";

/**
 * A goal and the caller as one of its pair, the goal's row locked: an unknown goal, or one of a pair
 * the caller is not in, is a 404; a manager gets a 403 (goals are the pair's).
 */
export async function goalOfMember(
  tx: Tx,
  goalId: string,
  user: GoalsUser,
): Promise<{ goal: GoalRow; access: PairAccess; member: Member }> {
  const goal = await findGoal(tx, goalId, { forUpdate: true });
  if (!goal) throw notFound();
  const access = await pairAccess(tx, goal.pairId, user);
  return { goal, access, member: pairMember(access) };
}
