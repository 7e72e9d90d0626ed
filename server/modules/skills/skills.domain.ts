/** Skills catalogue: types and the free-text search (pure: no database). */

import type { Family } from "../../../contracts/skills.ts";

export type { Family } from "../../../contracts/skills.ts";
export type Bilingual = { fr: string; en: string };

export type Skill = {
  id: string;
  family: Family;
  categoryId: string;
  /** Label shown to people: the admin's rename when there is one, else the catalogue's. */
  label: Bilingual;
  description: Bilingual;
  synonyms: { fr: string[]; en: string[] };
  customSynonyms: string[];
  digcomp: string[];
  entrecomp: string[];
  isCustom: boolean;
  isArchived: boolean;
};
export type Category = { id: string; family: Family; label: Bilingual; position: number; isCustom: boolean };

/** Lower case, no accents, punctuation as spaces: "Tableau croisé-dynamique !" → "tableau croise dynamique". */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .trim();
}

const containsWords = (haystack: string, needle: string) => ` ${haystack} `.includes(` ${needle} `);

export type SkillMatch = { skill: Skill; score: number; matchedTerm: string };

/**
 * Suggests catalogue skills for what a person typed ("je veux apprendre à faire des pubs Facebook",
 * "dashboards Power BI", "chatgpt"): every label and synonym, in both languages whatever the
 * interface language, compared without accents, case or punctuation. Ranking: an exact term, then
 * the longest term found as whole words in the text, then a term starting with what was typed
 * (suggestions while typing). Archived skills are never suggested.
 */
export function searchSkills(skills: readonly Skill[], query: string, limit = 8): SkillMatch[] {
  const q = normaliseText(query);
  if (q.length < 2) return [];
  const matches: SkillMatch[] = [];
  for (const skill of skills) {
    if (skill.isArchived) continue;
    let best: { score: number; term: string } | undefined;
    const terms = [skill.label.fr, skill.label.en, ...skill.synonyms.fr, ...skill.synonyms.en, ...skill.customSynonyms];
    for (const raw of terms) {
      const term = normaliseText(raw);
      if (!term) continue;
      let score = 0;
      if (term === q) score = 10_000;
      else if (containsWords(q, term)) score = 1_000 + term.length;
      else if (q.length >= 3 && (term.startsWith(q) || containsWords(term, q))) score = 500 + q.length;
      else if (q.length >= 4 && term.includes(q)) score = 100 + q.length;
      if (score > (best?.score ?? 0)) best = { score, term: raw };
    }
    if (best) matches.push({ skill, score: best.score, matchedTerm: best.term });
  }
  return matches.sort((a, b) => b.score - a.score || a.skill.id.localeCompare(b.skill.id)).slice(0, limit);
}
