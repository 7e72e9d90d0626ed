import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { Family, type SelfAssessmentScale } from "../../../contracts/skills.ts";

const Bilingual = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });
const Level = z.object({
  value: z.number().int(),
  label: Bilingual,
  // Exhaustive: a family added to the catalogue without its descriptions stops the start.
  description: z.record(Family, Bilingual),
  digcomp: z.object({ levels: z.array(z.number().int().min(1).max(8)), band: Bilingual }),
});
const SelfAssessmentFile = z
  .object({
    version: z.number().int(),
    scale: z.object({ min: z.number().int(), max: z.number().int(), levels: z.array(Level).min(2) }),
  })
  .superRefine((file, ctx) => {
    const { min, max, levels } = file.scale;
    levels.forEach((level, i) => {
      if (level.value !== min + i) ctx.addIssue({ code: "custom", path: ["scale", "levels", i, "value"], message: `expected ${min + i}` });
    });
    if (levels.at(-1)?.value !== max) ctx.addIssue({ code: "custom", path: ["scale", "max"], message: "is not the last level's value" });
  });

export const SELF_ASSESSMENT_PATH = new URL("../../../catalogue/self-assessment.yaml", import.meta.url);

/** Reads and checks catalogue/self-assessment.yaml; a malformed file fails with the path of the problem. */
export function readSelfAssessmentFile(url: URL = SELF_ASSESSMENT_PATH): SelfAssessmentScale {
  const parsed = SelfAssessmentFile.safeParse(parse(fs.readFileSync(url, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `catalogue/self-assessment.yaml is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data.scale;
}

let cached: SelfAssessmentScale | undefined;

/**
 * The self-assessment scale of the shipped catalogue, read once per process: the file is versioned
 * with the code, so it cannot change while the server runs.
 */
export function selfAssessmentScale(): SelfAssessmentScale {
  cached ??= readSelfAssessmentFile();
  return cached;
}
