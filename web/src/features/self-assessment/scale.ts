import type { z } from "zod";
import type { Bilingual, Family } from "../../../../contracts/skills.ts";
import { localized } from "../skills/index.ts";

/** What `levelDescription` reads of the scale: each level's description per family (the API types them by any key). */
type ScaleLevels = { levels: readonly { value: number; description: Partial<Record<Family, z.infer<typeof Bilingual>>> }[] };

/**
 * What a level means for a skill of this family, in the UI language (undefined while the scale loads).
 * Call it during render of a component that uses useTranslation.
 */
export function levelDescription(scale: ScaleLevels | undefined, level: number, family: Family): string | undefined {
  const description = scale?.levels.find((l) => l.value === level)?.description[family];
  return description ? localized(description) : undefined;
}
