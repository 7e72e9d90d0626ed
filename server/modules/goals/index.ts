/**
 * The goals context as the demo seed and the benchmark may use it: the use cases of a pair's goals and
 * the goal templates. (The managers' counts are read by pairs/manager-pairs.repository.ts.)
 */
export { addGoalUpdate } from "./add-goal-update.ts";
export { agreeToGoal } from "./agree-to-goal.ts";
export { createGoal } from "./create-goal.ts";
export { editGoal } from "./edit-goal.ts";
export { goalTemplates } from "./goal-templates-file.ts";
export type { GoalsDeps, GoalsUser } from "./goals-deps.ts";
export { listPairGoals } from "./list-pair-goals.ts";
export { signOffGoal } from "./sign-off-goal.ts";
