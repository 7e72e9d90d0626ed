import type { Goal, UpdateGoalBody } from "../../../contracts/goals.ts";
import { notify } from "../notifications/index.ts";
import { personRefs } from "../people/index.ts";
import { checkGoalSkills } from "./check-goal-skills.ts";
import { goalOfMember } from "./goal-of-member.ts";
import { checkDueOn, decideEdit, dueOnBounds } from "./goals.domain.ts";
import * as repo from "./goals.repository.ts";
import type { GoalsDeps, GoalsUser } from "./goals-deps.ts";
import { presentGoal } from "./list-pair-goals.ts";

/**
 * Either of the pair edits a goal still pursued (statement, target, due date, skills): the editor
 * becomes the author of the wording, the partner's agreement is cleared and asked again.
 */
export async function editGoal(input: { goalId: string } & UpdateGoalBody, user: GoalsUser, deps: GoalsDeps): Promise<Goal> {
  const now = deps.clock.now();
  const { goalId, ...changes } = input;
  return deps.database.db.transaction(async (tx) => {
    const { goal, access, member } = await goalOfMember(tx, goalId, user);
    const pair = { id: access.pairId, state: access.state, mentorId: access.mentorId, menteeId: access.menteeId };
    const decision = decideEdit({
      pair,
      goal,
      member,
      editorName: (await personRefs(tx, [member.personId])).name(member.personId),
      changes,
      now,
    });
    if (decision.values) {
      if (decision.values.skillIds) await checkGoalSkills(tx, decision.values.skillIds, goal.skillIds);
      if (decision.values.dueOn) checkDueOn(decision.values.dueOn, dueOnBounds(now, access.programme.endsOn));
      await repo.updateGoal(tx, goal.id, decision.values);
      await notify(tx, decision.notices, now);
    }
    return presentGoal(tx, goal.id, access, member);
  });
}
