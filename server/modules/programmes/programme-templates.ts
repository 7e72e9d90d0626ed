import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { Format } from "../../../contracts/profiles.ts";
import { ProgrammeMatchingSettings, type ProgrammeTemplate } from "../../../contracts/programmes.ts";

const Bilingual = z.object({ fr: z.string().min(1), en: z.string().min(1) });
const TemplatesFile = z.object({
  version: z.number().int(),
  templates: z.array(
    z.object({
      id: z.string().regex(/^[a-z][a-z0-9_]*$/),
      name: Bilingual,
      description: Bilingual,
      objectives: Bilingual,
      durationMonths: z.number().int().min(1),
      cadenceWeeks: z.number().int().min(1),
      sessionMinutes: z.union([z.literal(30), z.literal(45), z.literal(60)]),
      format: Format,
      pilot: z.object({ isPilot: z.boolean(), targetPairs: z.number().int().nullable() }),
      selfServiceProposals: z.boolean(),
      onboardingRequired: z.boolean(),
      proposalExpiryDays: z.number().int().min(1),
      matching: ProgrammeMatchingSettings,
      charter: Bilingual,
    }),
  ),
});

const TEMPLATES_PATH = new URL("../../../catalogue/programme-templates.yaml", import.meta.url);
let cached: ProgrammeTemplate[] | undefined;

/** The programme templates of catalogue/programme-templates.yaml, checked once (a malformed file fails loudly). */
export function programmeTemplates(): ProgrammeTemplate[] {
  if (cached) return cached;
  const parsed = TemplatesFile.safeParse(parse(fs.readFileSync(TEMPLATES_PATH, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `catalogue/programme-templates.yaml is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  cached = parsed.data.templates.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    objectives: t.objectives,
    durationMonths: t.durationMonths,
    cadenceWeeks: t.cadenceWeeks,
    sessionMinutes: t.sessionMinutes,
    format: t.format,
    isPilot: t.pilot.isPilot,
    targetPairs: t.pilot.targetPairs,
    allowsProposals: t.selfServiceProposals,
    requiresOnboarding: t.onboardingRequired,
    proposalExpiryDays: t.proposalExpiryDays,
    matchingSettings: t.matching,
    charter: { fr: t.charter.fr.trim(), en: t.charter.en.trim() },
  }));
  return cached;
}
