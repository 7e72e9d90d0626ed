import type { Goal } from "../../../contracts/goals.ts";
import { goalOfMember } from "./goal-of-member.ts";
import { decideAgree } from "./goals.domain.ts";
import * as repo from "./goals.repository.ts";
import type { GoalsDeps, GoalsUser } from "./goals-deps.ts";
import { presentGoal } from "./list-pair-goals.ts";

/** The partner of whoever wrote a goal agrees to it as written (the author gets a 403, a second agreement a 409). */
export async function agreeToGoal(input: { goalId: string }, user: GoalsUser, deps: GoalsDeps): Promise<Goal> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { goal, access, member } = await goalOfMember(tx, input.goalId, user);
    const values = decideAgree({
      pair: { id: access.pairId, state: access.state, mentorId: access.mentorId, menteeId: access.menteeId },
      goal,
      member,
      now,
    });
    await repo.updateGoal(tx, goal.id, values);
    return presentGoal(tx, goal.id, access, member);
  });
}
