import type { Completeness, ProfileBody } from "../../../contracts/profiles.ts";

/**
 * What a profile still lacks for a good match: something to learn, something to teach or offer in
 * return (both directions of a reverse-mentoring pair), availability, format, languages, hopes,
 * and a first self-assessment.
 */
export function completenessOf(profile: ProfileBody | null, hasSelfAssessment: boolean): Completeness {
  const done = {
    learn: Boolean(profile?.learn.length),
    teachOrOffer: Boolean(profile && (profile.teach.length || profile.offer.length)),
    availability: Boolean(profile?.availability.length),
    format: Boolean(profile?.format),
    languages: Boolean(profile?.languages.length),
    hopes: Boolean(profile?.hopes),
    selfAssessment: hasSelfAssessment,
  };
  const missing = (Object.keys(done) as (keyof typeof done)[]).filter((k) => !done[k]);
  return { percent: Math.round((100 * (7 - missing.length)) / 7), missing };
}

/** Skill ids listed twice in one list of a profile or an assessment. */
export function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** Average level per category of the answered skills, in catalogue order of first appearance. */
export function averagesByCategory(answers: { skillId: string; level: number }[], categoryOf: (skillId: string) => string | undefined) {
  const sums = new Map<string, { total: number; count: number }>();
  for (const { skillId, level } of answers) {
    const categoryId = categoryOf(skillId);
    if (!categoryId) continue;
    const entry = sums.get(categoryId) ?? { total: 0, count: 0 };
    entry.total += level;
    entry.count += 1;
    sums.set(categoryId, entry);
  }
  return [...sums].map(([categoryId, { total, count }]) => ({ categoryId, average: Math.round((total / count) * 100) / 100, count }));
}
