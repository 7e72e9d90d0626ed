import { z } from "zod";

/**
 * Goals of a pair, both ways (server/modules/goals): the senior's digital goals (the mentee learns)
 * and the junior's own — leadership, visibility, understanding the business (the mentor learns).
 */
export const GOAL_STATUSES = ["not_started", "in_progress", "achieved", "dropped"] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatus>;
