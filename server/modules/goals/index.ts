/**
 * The goals context as other contexts (the managers' view of a pair, the agenda) and the demo seed may
 * use it: the use cases of a pair's goals, managers' counts (never the words), a pair's goals in a few
 * words, and the goal templates.
 */
export { addGoalUpdate } from "./add-goal-update.ts";
export { agreeToGoal } from "./agree-to-goal.ts";
export { createGoal } from "./create-goal.ts";
export { editGoal } from "./edit-goal.ts";
export { goalTemplates } from "./goal-templates-file.ts";
export { goalCountsOfPairs, goalSummariesOfPair } from "./goals.repository.ts";
export type { GoalsDeps, GoalsUser } from "./goals-deps.ts";
export { listPairGoals } from "./list-pair-goals.ts";
export { signOffGoal } from "./sign-off-goal.ts";
