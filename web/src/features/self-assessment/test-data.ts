/** The self-assessment scale as the API sends it, for the self-assessment's tests. */
import type { SelfAssessmentScale } from "../../../../contracts/skills.ts";

/** Levels 0 to 4, each described in the words of digital skills (a tutorial) and of reverse ones (advice). */
export function aScale(): SelfAssessmentScale {
  const text = (s: string) => ({ fr: s, en: s });
  return {
    min: 0,
    max: 4,
    levels: [0, 1, 2, 3, 4].map((value) => ({
      value,
      label: text(`niveau ${value}`),
      description: { digital: text(`outil ${value} avec un tutoriel`), reverse: text(`expérience ${value} avec des conseils`) },
      digcomp: { levels: [], band: text("-") },
    })),
  };
}
