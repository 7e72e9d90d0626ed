import type { Tx } from "../../db/client.ts";
import { invalidFields } from "../../platform/errors/app-error.ts";
import { listSkills } from "../skills/index.ts";

/**
 * The skills of a goal are skills of the catalogue, not archived — but a skill the goal already had
 * stays allowed after an admin archived it, so that editing the words does not force a new skill.
 */
export async function checkGoalSkills(tx: Tx, skillIds: readonly string[], alreadyThere: readonly string[] = []): Promise<void> {
  const active = new Set((await listSkills(tx)).filter((s) => !s.isArchived).map((s) => s.id));
  const unknown = skillIds.filter((id) => !active.has(id) && !alreadyThere.includes(id));
  if (unknown.length) throw invalidFields([{ path: "skillIds", messageKey: "fields.unknownSkill", params: { ids: unknown.join(", ") } }]);
}
