import type { CreateGoalBody, Goal } from "../../../contracts/goals.ts";
import { invalidFields } from "../../platform/errors/app-error.ts";
import { notify } from "../notifications/index.ts";
import { pairAccess, pairMember } from "../pairs/index.ts";
import { personRefs } from "../people/index.ts";
import { checkGoalSkills } from "./check-goal-skills.ts";
import { goalTemplates } from "./goal-templates-file.ts";
import { checkDueOn, decideCreate, dueOnBounds } from "./goals.domain.ts";
import * as repo from "./goals.repository.ts";
import type { GoalsDeps, GoalsUser } from "./goals-deps.ts";
import { presentGoal } from "./list-pair-goals.ts";

/**
 * One of the pair writes a goal, for either direction (who learns): catalogue skills, a statement, a
 * measurable target, a due date within the programme, maybe the template it started from. The partner
 * is asked to agree to it.
 */
export async function createGoal(input: { pairId: string } & CreateGoalBody, user: GoalsUser, deps: GoalsDeps): Promise<Goal> {
  const now = deps.clock.now();
  const { pairId, ...body } = input;
  if (body.templateId && !goalTemplates().some((t) => t.id === body.templateId)) {
    throw invalidFields([{ path: "templateId", messageKey: "fields.unknownGoalTemplate" }]);
  }
  return deps.database.db.transaction(async (tx) => {
    // Locks the pair: a goal is not written while the pair is being closed.
    const access = await pairAccess(tx, pairId, user, { forUpdate: true });
    const member = pairMember(access);
    await checkGoalSkills(tx, body.skillIds);
    checkDueOn(body.dueOn, dueOnBounds(now, access.programme.endsOn));
    const decision = decideCreate({
      pair: { id: access.pairId, state: access.state, mentorId: access.mentorId, menteeId: access.menteeId },
      member,
      authorName: (await personRefs(tx, [member.personId])).name(member.personId),
      body,
      now,
    });
    const goal = await repo.insertGoal(tx, decision.goal);
    await notify(tx, decision.notices, now);
    return presentGoal(tx, goal.id, access, member);
  });
}
