import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { GoalTemplate } from "../../../contracts/goals.ts";
import { ParticipantRole } from "../../../contracts/programmes.ts";

const Bilingual = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });
const GoalTemplateEntry = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  skillId: z.string().regex(/^[a-z][a-z0-9_]*$/),
  learnerRole: ParticipantRole,
  statement: Bilingual,
  target: Bilingual,
  weeks: z.number().int().min(2).max(26),
});
const GoalTemplatesFile = z.object({ version: z.number().int(), templates: z.array(GoalTemplateEntry).min(1) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.templates.forEach((t, i) => {
    if (seen.has(t.id)) ctx.addIssue({ code: "custom", path: ["templates", i, "id"], message: `duplicate id ${t.id}` });
    seen.add(t.id);
  });
});
export type GoalTemplatesFile = z.infer<typeof GoalTemplatesFile>;

export const GOAL_TEMPLATES_PATH = new URL("../../../catalogue/goal-templates.yaml", import.meta.url);

/** Reads and checks catalogue/goal-templates.yaml; a malformed file fails with the path of the problem. */
export function readGoalTemplatesFile(url: URL = GOAL_TEMPLATES_PATH): GoalTemplatesFile {
  const parsed = GoalTemplatesFile.safeParse(parse(fs.readFileSync(url, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `catalogue/goal-templates.yaml is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

let cached: readonly GoalTemplate[] | undefined;

/**
 * The goal templates we ship, read once per process: the file is versioned with the code, so it cannot
 * change while the server runs.
 */
export function goalTemplates(): readonly GoalTemplate[] {
  cached ??= readGoalTemplatesFile().templates;
  return cached;
}
