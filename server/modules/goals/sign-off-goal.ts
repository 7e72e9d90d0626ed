import type { Goal } from "../../../contracts/goals.ts";
import { notify } from "../notifications/index.ts";
import { personRefs } from "../people/index.ts";
import { goalOfMember } from "./goal-of-member.ts";
import { decideSignOff } from "./goals.domain.ts";
import * as repo from "./goals.repository.ts";
import type { GoalsDeps, GoalsUser } from "./goals-deps.ts";
import { presentGoal } from "./list-pair-goals.ts";

/** The learner's partner confirms they saw the goal achieved ("J'ai constaté"), once; the learner is told. */
export async function signOffGoal(input: { goalId: string }, user: GoalsUser, deps: GoalsDeps): Promise<Goal> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { goal, access, member } = await goalOfMember(tx, input.goalId, user);
    const decision = decideSignOff({
      pair: { id: access.pairId, state: access.state, mentorId: access.mentorId, menteeId: access.menteeId },
      goal,
      member,
      signerName: (await personRefs(tx, [member.personId])).name(member.personId),
      now,
    });
    await repo.updateGoal(tx, goal.id, decision.values);
    await notify(tx, decision.notices, now);
    return presentGoal(tx, goal.id, access, member);
  });
}
