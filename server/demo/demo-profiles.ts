/**
 * Profiles and self-assessments for every demo person, deterministic and plausible: recent hires
 * teach digital skills from their own trade and want leadership or business know-how in return;
 * long-tenured people want digital skills and offer leadership, strategy and the company's codes.
 */
import type { ProfileBody } from "../../contracts/profiles.ts";
import { AVAILABILITY_SLOTS } from "../../contracts/profiles.ts";
import { seededRandom } from "../platform/random/seeded-random.ts";
import type { DemoPerson } from "./demo-company.ts";

const pick = <T>(rand: () => number, items: readonly T[], n: number): T[] => {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < n && pool.length) chosen.push(pool.splice(Math.floor(rand() * pool.length), 1)[0] as T);
  return chosen;
};

/** Digital skills a person is likely to master, from their department's trade. */
const TRADE_SKILLS: Record<string, string[]> = {
  "Marketing et communication": ["social_ads", "instagram", "content", "seo", "growth", "video_editing", "crm_email"],
  "Systèmes d'information": ["dev_basics", "scripting", "crud_sql", "zapier", "nocode", "cyber_hygiene", "agile"],
  Finance: ["excel", "dataviz", "data_cleaning", "data_literacy", "zapier"],
  Ventes: ["linkedin", "crm_email", "prompting", "ecommerce"],
  "Service client": ["team_chat", "prompting", "ai_writing", "forms_surveys"],
  "Ressources humaines": ["linkedin", "forms_surveys", "cloud_docs", "prompting"],
};
const COMMON_DIGITAL = [
  "prompting",
  "ai_critical",
  "excel",
  "dataviz",
  "linkedin",
  "zapier",
  "cloud_docs",
  "hybrid_meetings",
  "cyber_hygiene",
  "team_chat",
];
const REVERSE = [
  "leadership",
  "feedback",
  "strategy",
  "business_acumen",
  "finance_pl",
  "org_codes",
  "networking",
  "exec_comm",
  "public_speaking",
  "negotiation",
  "career",
  "change_management",
];
const INTERESTS = [
  "photographie",
  "randonnée",
  "cuisine",
  "jeux vidéo",
  "musique",
  "course à pied",
  "jardinage",
  "théâtre",
  "vélo",
  "podcasts",
  "lecture",
  "voile",
];
const HOPES = [
  "Gagner en aisance avec les outils d’IA au quotidien.",
  "Comprendre comment les décisions se prennent au comité de direction.",
  "Transmettre ce que je sais et apprendre à expliquer simplement.",
  "Oser prendre la parole devant des dirigeants.",
  "Automatiser les tâches répétitives de mon équipe.",
  "Élargir mon réseau au-delà de mon service.",
];

export type DemoProfile = { profile: ProfileBody; assessment: { skillId: string; level: number }[] };

/**
 * A profile and a first self-assessment for one person, given the catalogue's category of each
 * skill. Recent hires (2018 or later) lean digital, people hired before 2008 lean reverse.
 */
export function demoProfileOf(person: DemoPerson, categoryOf: Map<string, string>): DemoProfile {
  // Seeded by the employee id: the same demo at every start.
  const rand = seededRandom(person.employeeId);
  const isJunior = person.hireYear >= 2018;
  const isSenior = person.hireYear < 2008;
  const trade = [...new Set([...(TRADE_SKILLS[person.department] ?? []), ...COMMON_DIGITAL])];
  const digitalStrengths = pick(rand, trade.slice(0, 7), isJunior ? 3 : 1);
  const reverseStrengths = pick(rand, REVERSE, isSenior ? 3 : 1);

  const teach = isJunior
    ? digitalStrengths.map((skillId, i) => ({ skillId, level: i === 0 ? 4 : 3 + Math.round(rand()) }))
    : reverseStrengths.slice(0, 2).map((skillId) => ({ skillId, level: isSenior ? 4 : 3 }));
  const wanted = isJunior ? pick(rand, REVERSE, 3) : pick(rand, COMMON_DIGITAL, 3);
  const learn = wanted.filter((id) => !teach.some((t) => t.skillId === id)).map((skillId, i) => ({ skillId, priority: i + 1 }));
  const offer = isJunior ? [] : reverseStrengths.filter((id) => !learn.some((l) => l.skillId === id));

  const profile: ProfileBody = {
    teach,
    learn,
    offer,
    interests: pick(rand, INTERESTS, 1 + Math.floor(rand() * 3)),
    availability: pick(rand, AVAILABILITY_SLOTS, 2 + Math.floor(rand() * 4)).sort(),
    format: (["online", "both", "in_person", "online"] as const)[Math.floor(rand() * 4)] ?? "both",
    languages: person.languages,
    mentorCapacity: isJunior && rand() < 0.3 ? 2 : 1,
    hopes: pick(rand, HOPES, 1)[0] ?? null,
  };

  // The questionnaire covers the categories of the skills in the profile, as the real one does.
  const categories = new Set([...teach.map((t) => t.skillId), ...learn.map((l) => l.skillId), ...offer].map((id) => categoryOf.get(id)));
  const assessment = [...categoryOf]
    .filter(([, category]) => categories.has(category))
    .map(([skillId]) => {
      const isReverse =
        REVERSE.includes(skillId) ||
        ["leadership", "business", "organisation", "projects", "communication", "career"].includes(categoryOf.get(skillId) ?? "");
      const strength = isReverse ? (isSenior ? 3 : isJunior ? 0.8 : 2) : isJunior ? 2.8 : isSenior ? 1 : 2;
      const own = teach.find((t) => t.skillId === skillId)?.level;
      return { skillId, level: own ?? Math.max(0, Math.min(4, Math.round(strength + (rand() - 0.5) * 2))) };
    });
  return { profile, assessment };
}
