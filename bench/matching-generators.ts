/**
 * Generated data for the matching benchmark and tests: uniform score matrices and a company of mentors and mentees
 * (org tree, skills with popular ones, levels, priorities, interests, availability, formats, languages). Seeded:
 * the same arguments always give the same data.
 */
import type { MatchingProfile, SessionFormat } from "../server/modules/matching/matching.domain.ts";
import { seededRandom } from "../server/platform/random/seeded-random.ts";

/** n × n scores drawn uniformly in [0, 1). */
export function uniformScores(n: number, seed: number): Float64Array {
  const rand = seededRandom(seed);
  const scores = new Float64Array(n * n);
  for (let k = 0; k < scores.length; k++) scores[k] = rand();
  return scores;
}

/** Digital skills juniors teach (ids of the reference taxonomy), most popular first. */
// biome-ignore format: a table reads better than one id per line
export const DIGITAL_SKILLS = [
  "prompting", "excel", "dataviz", "linkedin", "zapier", "data_literacy", "instagram", "cloud_docs", "team_chat", "seo",
  "content", "nocode", "cyber_hygiene", "ai_critical", "hybrid_meetings", "crm_email", "web_analytics", "social_ads", "crud_sql", "growth",
  "scripting", "agile", "community", "ai_rules", "ai_media", "async_video", "note_taking", "privacy", "design_thinking", "tech_watch",
  "dev_basics", "wellbeing", "green_it", "blockchain",
];
/** Skills seniors give back. */
export const REVERSE_SKILLS = [
  "leadership",
  "strategy",
  "networking",
  "exec_comm",
  "org_codes",
  "negotiation",
  "business_acumen",
  "career",
  "risk_decision",
  "project_steering",
];
const TAGS = [
  "photo",
  "running",
  "cuisine",
  "jeux vidéo",
  "musique",
  "randonnée",
  "lecture",
  "cinéma",
  "voyage",
  "vélo",
  "théâtre",
  "jardinage",
  "échecs",
  "yoga",
  "football",
  "podcasts",
  "bénévolat",
  "dessin",
  "escalade",
  "natation",
];
const SLOTS = ["mon", "tue", "wed", "thu", "fri"].flatMap((d) => ["am", "pm", "eve"].map((p) => `${d}-${p}`));

/** Index drawn with Zipf-like popularity (rank r has weight 1/(r+1)). */
function zipfPicker(n: number, rand: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / (r + 1);
    cumulative[r] = sum;
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function distinct(count: number, pick: () => number): number[] {
  const set = new Set<number>();
  for (let guard = 0; set.size < count && guard < 50; guard++) set.add(pick());
  return [...set];
}

/** A generated company: mentors (juniors), mentees (seniors) and the org chart (employeeId → managerEmployeeId). */
export interface GeneratedCompany {
  mentors: MatchingProfile[];
  mentees: MatchingProfile[];
  orgChart: Record<string, string>;
}

/** Generates a company with `mentees` seniors and `mentors` juniors in one org tree (about 7 reports per manager). */
export function generateCompany(options: { mentees: number; mentors: number; seed: number; capacity?: number }): GeneratedCompany {
  const rand = seededRandom(options.seed);
  const pickDigital = zipfPicker(DIGITAL_SKILLS.length, rand);
  const pickReverse = zipfPicker(REVERSE_SKILLS.length, rand);
  const pickTag = zipfPicker(TAGS.length, rand);
  const total = options.mentees + options.mentors;
  // Seniors sit higher in the tree: positions are filled seniors first, then juniors, each position reporting to
  // position floor((p - 1) / 7).
  const orgChart: Record<string, string> = {};
  for (let p = 1; p < total; p++) orgChart[`E${p}`] = `E${Math.floor((p - 1) / 7)}`;
  const languages = (): string[] => {
    const x = rand();
    return x < 0.85 ? ["fr"] : x < 0.95 ? ["fr", "en"] : x < 0.99 ? ["en", "fr"] : ["en"];
  };
  const format = (): SessionFormat => {
    const x = rand();
    return x < 0.4 ? "online" : x < 0.6 ? "in_person" : "both";
  };
  const availability = (): string[] =>
    distinct(2 + Math.floor(rand() * 5), () => Math.floor(rand() * SLOTS.length)).map((k) => SLOTS[k] as string);
  const interests = (): string[] => distinct(Math.floor(rand() * 4), pickTag).map((k) => TAGS[k] as string);
  const person = (p: number): Pick<MatchingProfile, "employeeId" | "managerEmployeeId" | "team"> => ({
    employeeId: `E${p}`,
    managerEmployeeId: p > 0 ? `E${Math.floor((p - 1) / 7)}` : undefined,
    team: p > 0 ? `T${Math.floor((p - 1) / 7)}` : "T-root",
  });
  const mentees: MatchingProfile[] = [];
  for (let i = 0; i < options.mentees; i++) {
    mentees.push({
      id: `s${i}`,
      ...person(i),
      languages: languages(),
      teaches: [],
      wantsToLearn: distinct(1 + Math.floor(rand() * 3), pickDigital).map((k, q) => ({
        skill: DIGITAL_SKILLS[k] as string,
        priority: q + 1,
      })),
      offers: distinct(1 + Math.floor(rand() * 3), pickReverse).map((k) => REVERSE_SKILLS[k] as string),
      interests: interests(),
      availability: availability(),
      format: format(),
    });
  }
  const mentors: MatchingProfile[] = [];
  for (let j = 0; j < options.mentors; j++) {
    const popular = rand() < 0.1; // a tenth of the juniors are the go-to people: level 4 in everything they teach
    mentors.push({
      id: `m${j}`,
      ...person(options.mentees + j),
      languages: languages(),
      teaches: distinct(2 + Math.floor(rand() * 3), pickDigital).map((k) => {
        const x = rand();
        return { skill: DIGITAL_SKILLS[k] as string, level: popular ? 4 : x < 0.1 ? 1 : x < 0.35 ? 2 : x < 0.75 ? 3 : 4 };
      }),
      wantsToLearn: distinct(1 + Math.floor(rand() * 2), pickReverse).map((k, q) => ({
        skill: REVERSE_SKILLS[k] as string,
        priority: q + 1,
      })),
      offers: [],
      interests: interests(),
      availability: availability(),
      format: format(),
      capacity: options.capacity ?? 1,
    });
  }
  return { mentors, mentees, orgChart };
}
