/**
 * The goals feature as other features use it: the pair page's section (both directions, agreement,
 * progress, sign-off), a goal's status badge, and the pair's goals query (the agenda links goals).
 */
export { GoalStatusBadge } from "./goal-status-badge.tsx";
export { GoalsSection } from "./goals-section.tsx";
export { goalKeys, pairGoalsQuery, usePairGoals } from "./queries.ts";
