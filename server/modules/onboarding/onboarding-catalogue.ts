import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { ParticipantRole } from "../../../contracts/programmes.ts";

const Bilingual = z.object({ fr: z.string().min(1), en: z.string().min(1) });
const OnboardingModuleEntry = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  audience: ParticipantRole,
  order: z.number().int().min(1),
  minutes: z.number().int().min(3).max(5),
  title: Bilingual,
  summary: Bilingual,
  body: Bilingual,
  questions: z.array(Bilingual).min(2).max(3),
});
const OnboardingFile = z.object({ version: z.number().int(), modules: z.array(OnboardingModuleEntry).min(1) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.modules.forEach((m, i) => {
    for (const key of [`id ${m.id}`, `${m.audience} order ${m.order}`]) {
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["modules", i], message: `duplicate ${key}` });
      seen.add(key);
    }
  });
});
export type OnboardingFile = z.infer<typeof OnboardingFile>;
export type OnboardingModuleEntry = z.infer<typeof OnboardingModuleEntry>;

export const ONBOARDING_PATH = new URL("../../../catalogue/onboarding.yaml", import.meta.url);

/** Reads and checks catalogue/onboarding.yaml; a malformed file fails with the path of the problem. */
export function readOnboardingFile(url: URL = ONBOARDING_PATH): OnboardingFile {
  const parsed = OnboardingFile.safeParse(parse(fs.readFileSync(url, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `catalogue/onboarding.yaml is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

let cached: OnboardingModuleEntry[] | undefined;

/**
 * The onboarding modules of the shipped catalogue, read once per process: the file is versioned
 * with the code, so it cannot change while the server runs.
 */
export function onboardingModules(): readonly OnboardingModuleEntry[] {
  cached ??= readOnboardingFile().modules;
  return cached;
}
