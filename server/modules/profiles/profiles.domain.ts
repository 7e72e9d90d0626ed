import { type Completeness, type CompletenessItem, type ProfileBody, skillListsFor } from "../../../contracts/profiles.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";

/** What every profile needs, whatever the role: practical details for the matching, hopes, a first self-assessment. */
const COMMON_ITEMS = ["availability", "format", "languages", "hopes", "selfAssessment"] as const satisfies readonly CompletenessItem[];

/**
 * The items a profile needs for its person's programme roles: the skill lists those roles fill (a mentor
 * what they teach and want to learn in return, a mentee what they want to learn and offer in return), then
 * the common items. Someone in no programme yet needs something to learn and something to give, either way.
 */
export function requiredItems(roles: readonly ParticipantRole[]): CompletenessItem[] {
  const lists: CompletenessItem[] = roles.length ? skillListsFor(roles) : ["learn", "teachOrOffer"];
  return [...lists, ...COMMON_ITEMS];
}

/**
 * What a profile still lacks for a good match, for its person's programme roles (`requiredItems`), and the
 * share done. A missing item always leaves the percentage under 100.
 */
export function completenessOf(profile: ProfileBody | null, hasSelfAssessment: boolean, roles: readonly ParticipantRole[]): Completeness {
  const done: Record<CompletenessItem, boolean> = {
    teach: Boolean(profile?.teach.length),
    learn: Boolean(profile?.learn.length),
    offer: Boolean(profile?.offer.length),
    teachOrOffer: Boolean(profile && (profile.teach.length || profile.offer.length)),
    availability: Boolean(profile?.availability.length),
    format: Boolean(profile?.format),
    languages: Boolean(profile?.languages.length),
    hopes: Boolean(profile?.hopes),
    selfAssessment: hasSelfAssessment,
  };
  const items = requiredItems(roles);
  const missing = items.filter((item) => !done[item]);
  const percent = missing.length ? Math.min(99, Math.round((100 * (items.length - missing.length)) / items.length)) : 100;
  return { percent, missing };
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
