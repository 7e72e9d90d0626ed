import { useQuery } from "@tanstack/react-query";
import type { Family, SelfAssessmentScale } from "../../../../contracts/skills.ts";
import { api } from "../../lib/api.ts";
import { localized } from "../skills/catalogue.ts";

export const scaleQueryKey = ["self-assessment-scale"] as const;

/** The 0–4 scale as catalogue/self-assessment.yaml describes it; it only changes with a new version of the app. */
export function useSelfAssessmentScale() {
  return useQuery({
    queryKey: scaleQueryKey,
    queryFn: () => api.get<SelfAssessmentScale>("/api/self-assessment/scale"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * What a level means for a skill of this family, in the UI language (undefined while the scale loads).
 * Call it during render of a component that uses useTranslation.
 */
export function levelDescription(scale: SelfAssessmentScale | undefined, level: number, family: Family): string | undefined {
  const description = scale?.levels.find((l) => l.value === level)?.description[family];
  return description ? localized(description) : undefined;
}
