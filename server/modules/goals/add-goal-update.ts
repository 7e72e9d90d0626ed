import type { Goal, GoalProgressBody } from "../../../contracts/goals.ts";
import { notify } from "../notifications/index.ts";
import { personRefs } from "../people/index.ts";
import { goalOfMember } from "./goal-of-member.ts";
import { decideProgress, learnerOf } from "./goals.domain.ts";
import * as repo from "./goals.repository.ts";
import type { GoalsDeps, GoalsUser } from "./goals-deps.ts";
import { presentGoal } from "./list-pair-goals.ts";

/**
 * A progress update on a goal: words, optional evidence (a link or text), maybe a new status. Only the
 * learner marks it achieved, and the partner is then asked to sign it off.
 */
export async function addGoalUpdate(
  input: { goalId: string } & Omit<GoalProgressBody, "note"> & { note?: string },
  user: GoalsUser,
  deps: GoalsDeps,
): Promise<Goal> {
  const now = deps.clock.now();
  const { goalId, ...body } = input;
  return deps.database.db.transaction(async (tx) => {
    const { goal, access, member } = await goalOfMember(tx, goalId, user);
    const pair = { id: access.pairId, state: access.state, mentorId: access.mentorId, menteeId: access.menteeId };
    const learnerId = learnerOf(pair, goal.learnerRole);
    const decision = decideProgress({
      pair,
      goal,
      member,
      learnerName: (await personRefs(tx, [learnerId])).name(learnerId),
      body: { ...body, note: body.note ?? "" },
      now,
    });
    await repo.insertGoalUpdate(tx, decision.update);
    await repo.updateGoal(tx, goal.id, decision.goalValues ?? { updatedAt: now });
    await notify(tx, decision.notices, now);
    return presentGoal(tx, goal.id, access, member);
  });
}
