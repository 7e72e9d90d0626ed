import type { GoalTemplate } from "../../../contracts/goals.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import { goalTemplates } from "./goal-templates-file.ts";

/** The goal templates to start from, for a skill and/or a direction (who learns), in the file's order. */
export function listGoalTemplates(filter: { skillId?: string; learnerRole?: ParticipantRole }): GoalTemplate[] {
  return goalTemplates().filter(
    (t) => (!filter.skillId || t.skillId === filter.skillId) && (!filter.learnerRole || t.learnerRole === filter.learnerRole),
  );
}
