/**
 * Compatibility score of a (mentor, mentee) pair, its hard constraints and its explanation in French and English.
 *
 * Profiles are first compiled to typed arrays (skill, tag, slot and language ids) so that scoring one pair costs a
 * few array reads: the sparse path scores tens of millions of pairs. Age is never an input (there is none).
 */
import { FORMATS } from "../../../contracts/profiles.ts";
import {
  type Cohort,
  DEFAULT_WEIGHTS,
  type MatchingProfile,
  type MatchingSettings,
  type Reason,
  type ScoreWeights,
  type SessionFormat,
  type SkillLabels,
} from "./matching.domain.ts";

/** Weight of a wanted skill by priority (1 = most wanted). */
const PRIORITY_WEIGHT = [0, 3, 2, 1];
/** How much a teaching level counts (index = level): levels 3–4 are preferred, 1–2 count a little, 0 not at all. */
export const LEVEL_FACTOR: readonly number[] = [0, 0.25, 0.5, 0.85, 1];
/** Common slots needed for a full availability score (a fortnightly session needs one, two gives slack). */
const SLOTS_FOR_FULL_AVAILABILITY = 2;

/** A profile compiled against a cohort's dictionaries. */
export interface CompiledProfile {
  id: string;
  /** Teaching level + 1 per skill id (0 = does not teach it). */
  teach: Uint8Array;
  wantSkills: Int32Array;
  wantWeights: Float64Array;
  wantTotal: number;
  /** 1 when the person offers the skill in return. */
  offers: Uint8Array;
  interests: Int32Array;
  availability: Uint32Array;
  slotCount: number;
  format: number;
  languages: Int32Array;
}

/** Dictionaries shared by every compiled profile of a cohort. */
export interface Dictionaries {
  skills: Map<string, number>;
  skillIds: string[];
  tags: Map<string, number>;
  tagNames: string[];
  slots: Map<string, number>;
  slotNames: string[];
  languages: Map<string, number>;
  languageCodes: string[];
}

/** Builds the dictionaries of a set of profiles (ids in first-seen order, so compilation is deterministic). */
export function buildDictionaries(profiles: Iterable<MatchingProfile>): Dictionaries {
  const dict: Dictionaries = {
    skills: new Map(),
    skillIds: [],
    tags: new Map(),
    tagNames: [],
    slots: new Map(),
    slotNames: [],
    languages: new Map(),
    languageCodes: [],
  };
  const add = (map: Map<string, number>, list: string[], key: string): void => {
    if (!map.has(key)) {
      map.set(key, list.length);
      list.push(key);
    }
  };
  for (const p of profiles) {
    for (const t of p.teaches) add(dict.skills, dict.skillIds, t.skill);
    for (const w of p.wantsToLearn) add(dict.skills, dict.skillIds, w.skill);
    for (const o of p.offers) add(dict.skills, dict.skillIds, o);
    for (const tag of p.interests) add(dict.tags, dict.tagNames, normaliseTag(tag));
    for (const slot of p.availability) add(dict.slots, dict.slotNames, slot);
    for (const lang of p.languages) add(dict.languages, dict.languageCodes, lang.toLowerCase());
  }
  return dict;
}

function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/** Compiles one profile. Invalid levels and priorities are clamped to their documented ranges. */
export function compileProfile(p: MatchingProfile, dict: Dictionaries): CompiledProfile {
  const numSkills = dict.skillIds.length;
  const teach = new Uint8Array(numSkills);
  for (const t of p.teaches) {
    const s = dict.skills.get(t.skill);
    if (s !== undefined) teach[s] = Math.max(teach[s] as number, 1 + clamp(Math.round(t.level), 0, 4));
  }
  const wanted = new Map<number, number>();
  for (const w of p.wantsToLearn) {
    const s = dict.skills.get(w.skill);
    if (s === undefined) continue;
    const weight = PRIORITY_WEIGHT[clamp(Math.round(w.priority), 1, 3)] as number;
    wanted.set(s, Math.max(wanted.get(s) ?? 0, weight));
  }
  const wantSkills = Int32Array.from(wanted.keys());
  const wantWeights = Float64Array.from(wanted.values());
  const offers = new Uint8Array(numSkills);
  for (const o of p.offers) {
    const s = dict.skills.get(o);
    if (s !== undefined) offers[s] = 1;
  }
  const interests = Int32Array.from(new Set(p.interests.map((t) => dict.tags.get(normaliseTag(t)) ?? -1).filter((t) => t >= 0))).sort();
  const availability = new Uint32Array(Math.ceil(Math.max(1, dict.slotNames.length) / 32));
  let slotCount = 0;
  for (const slot of new Set(p.availability)) {
    const k = dict.slots.get(slot);
    if (k === undefined) continue;
    availability[k >>> 5] = (availability[k >>> 5] as number) | (1 << (k & 31));
    slotCount++;
  }
  const languages = Int32Array.from(p.languages.map((l) => dict.languages.get(l.toLowerCase()) ?? -1).filter((l) => l >= 0));
  return {
    id: p.id,
    teach,
    wantSkills,
    wantWeights,
    wantTotal: wantWeights.reduce((a, b) => a + b, 0),
    offers,
    interests,
    availability,
    slotCount,
    format: Math.max(0, FORMATS.indexOf(p.format)),
    languages,
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;
}

/** Weights normalised to sum 1 (defaults filled in), so that every score stays in [0, 1]. */
export function resolveWeights(weights?: Partial<ScoreWeights>): ScoreWeights {
  const w = { ...DEFAULT_WEIGHTS, ...weights };
  const keys = Object.keys(DEFAULT_WEIGHTS) as (keyof ScoreWeights)[];
  for (const k of keys) if (!(Number.isFinite(w[k]) && w[k] >= 0)) throw new RangeError(`weight ${k} must be a non-negative number`);
  const sum = keys.reduce((a, k) => a + w[k], 0);
  if (sum <= 0) throw new RangeError("at least one weight must be positive");
  for (const k of keys) w[k] /= sum;
  return w;
}

/** Teaching coverage: the mentee's wanted skills, weighted by priority, times the mentor's level factor. */
export function teachingComponent(mentor: CompiledProfile, mentee: CompiledProfile): number {
  if (mentee.wantTotal === 0) return 0;
  let sum = 0;
  for (let k = 0; k < mentee.wantSkills.length; k++) {
    const level = mentor.teach[mentee.wantSkills[k] as number] as number;
    if (level > 0) sum += (mentee.wantWeights[k] as number) * (LEVEL_FACTOR[level - 1] as number);
  }
  return sum / mentee.wantTotal;
}

/** Reciprocity: how much of what the mentor wants to learn the mentee offers in return. */
export function reciprocityComponent(mentor: CompiledProfile, mentee: CompiledProfile): number {
  if (mentor.wantTotal === 0) return 0;
  let sum = 0;
  for (let k = 0; k < mentor.wantSkills.length; k++)
    if (mentee.offers[mentor.wantSkills[k] as number]) sum += mentor.wantWeights[k] as number;
  return sum / mentor.wantTotal;
}

function commonSorted(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Shared interests: common tags over the smaller set (overlap coefficient). */
export function interestsComponent(a: CompiledProfile, b: CompiledProfile): number {
  const smaller = Math.min(a.interests.length, b.interests.length);
  return smaller === 0 ? 0 : commonSorted(a.interests, b.interests) / smaller;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of weekly slots both people are available in. */
export function commonSlots(a: CompiledProfile, b: CompiledProfile): number {
  let n = 0;
  for (let k = 0; k < a.availability.length; k++) n += popcount((a.availability[k] as number) & (b.availability[k] as number));
  return n;
}

/** Availability overlap: 1 from two common weekly slots, 0.5 with one. */
export function availabilityComponent(a: CompiledProfile, b: CompiledProfile): number {
  return Math.min(1, commonSlots(a, b) / SLOTS_FOR_FULL_AVAILABILITY);
}

/** Format: same preference 1, one flexible ("both") 0.75, in person vs online 0. */
export function formatComponent(a: CompiledProfile, b: CompiledProfile): number {
  if (a.format === b.format) return 1;
  return a.format === 2 || b.format === 2 ? 0.75 : 0;
}

/** Language: 1 when both put the same language first, 0.5 when they only share another one, 0 (impossible) otherwise. */
export function languageComponent(a: CompiledProfile, b: CompiledProfile): number {
  if (a.languages.length === 0 || b.languages.length === 0) return 0;
  if (a.languages[0] === b.languages[0]) return 1;
  // Index loops: an iterator per pair costs seconds on a cohort's millions of pairs.
  for (let i = 0; i < a.languages.length; i++)
    for (let j = 0; j < b.languages.length; j++) if (a.languages[i] === b.languages[j]) return 0.5;
  return 0;
}

/** All components of a pair, each in [0, 1]. */
export function scoreComponents(mentor: CompiledProfile, mentee: CompiledProfile): ScoreWeights {
  return {
    teaching: teachingComponent(mentor, mentee),
    reciprocity: reciprocityComponent(mentor, mentee),
    interests: interestsComponent(mentor, mentee),
    availability: availabilityComponent(mentor, mentee),
    format: formatComponent(mentor, mentee),
    language: languageComponent(mentor, mentee),
  };
}

/** The weighted score in [0, 1]. `weights` must come from `resolveWeights`. */
export function scorePair(mentor: CompiledProfile, mentee: CompiledProfile, weights: ScoreWeights): number {
  return (
    weights.teaching * teachingComponent(mentor, mentee) +
    weights.reciprocity * reciprocityComponent(mentor, mentee) +
    weights.interests * interestsComponent(mentor, mentee) +
    weights.availability * availabilityComponent(mentor, mentee) +
    weights.format * formatComponent(mentor, mentee) +
    weights.language * languageComponent(mentor, mentee)
  );
}

/**
 * Management chains, depth-limited: for each employee, the managers above them up to `depth` levels
 * (default: the whole chain). Cycles in bad HR data stop the walk instead of looping.
 */
export function managementChains(
  profiles: Iterable<MatchingProfile>,
  orgChart: Readonly<Record<string, string>> = {},
  depth = Number.POSITIVE_INFINITY,
): (employeeId: string) => ReadonlySet<string> {
  const managerOf = new Map<string, string>(Object.entries(orgChart));
  for (const p of profiles)
    if (p.employeeId && p.managerEmployeeId && !managerOf.has(p.employeeId)) managerOf.set(p.employeeId, p.managerEmployeeId);
  const cache = new Map<string, ReadonlySet<string>>();
  return (employeeId) => {
    const cached = cache.get(employeeId);
    if (cached) return cached;
    const chain = new Set<string>();
    let current = managerOf.get(employeeId);
    while (current !== undefined && chain.size < depth && !chain.has(current) && current !== employeeId) {
      chain.add(current);
      current = managerOf.get(current);
    }
    cache.set(employeeId, chain);
    return chain;
  };
}

/** Why a pair is impossible, or null when it is allowed. Locks are checked by the caller (they bypass this). */
export type ForbiddenReason = "same_person" | "management_chain" | "same_team" | "no_common_language" | "forbidden";

/** Hard-constraint checker for a cohort. */
export function hardConstraints(
  cohort: Cohort,
): (
  mentor: MatchingProfile,
  mentee: MatchingProfile,
  compiledMentor: CompiledProfile,
  compiledMentee: CompiledProfile,
) => ForbiddenReason | null {
  const settings: MatchingSettings = cohort.settings ?? {};
  const chainOf = managementChains([...cohort.mentors, ...cohort.mentees], cohort.orgChart, settings.managementChainDepth);
  const forbidden = new Set((settings.forbid ?? []).map((f) => `${f.mentor}\u0000${f.mentee}`));
  return (mentor, mentee, cm, ce) => {
    if (mentor.id === mentee.id || (mentor.employeeId !== undefined && mentor.employeeId === mentee.employeeId)) return "same_person";
    // The key is only built when there are forbids: on 5 million candidate checks the string costs seconds.
    if (forbidden.size > 0 && forbidden.has(`${mentor.id}\u0000${mentee.id}`)) return "forbidden";
    if (mentor.employeeId && mentee.employeeId) {
      if (chainOf(mentee.employeeId).has(mentor.employeeId) || chainOf(mentor.employeeId).has(mentee.employeeId)) return "management_chain";
    }
    if (settings.forbidSameTeam && mentor.team !== undefined && mentor.team === mentee.team) return "same_team";
    if (languageComponent(cm, ce) === 0) return "no_common_language";
    return null;
  };
}

/** Language names in each reader's language, from the platform's ICU data rather than a hand-kept list. */
const languageNames = {
  fr: new Intl.DisplayNames(["fr"], { type: "language", fallback: "code" }),
  en: new Intl.DisplayNames(["en"], { type: "language", fallback: "code" }),
};
const DAY_NAMES: Record<string, { fr: string; en: string }> = {
  mon: { fr: "lundi", en: "Monday" },
  tue: { fr: "mardi", en: "Tuesday" },
  wed: { fr: "mercredi", en: "Wednesday" },
  thu: { fr: "jeudi", en: "Thursday" },
  fri: { fr: "vendredi", en: "Friday" },
  sat: { fr: "samedi", en: "Saturday" },
  sun: { fr: "dimanche", en: "Sunday" },
};
const PART_NAMES: Record<string, { fr: string; en: string }> = {
  am: { fr: "matin", en: "morning" },
  pm: { fr: "après-midi", en: "afternoon" },
  eve: { fr: "soir", en: "evening" },
  // The profile's slots (contracts/profiles.ts), as the programmes context passes them: "mon-lunch".
  morning: { fr: "matin", en: "morning" },
  lunch: { fr: "midi", en: "lunchtime" },
  afternoon: { fr: "après-midi", en: "afternoon" },
  evening: { fr: "soir", en: "evening" },
};

function slotLabel(slot: string): { fr: string; en: string } {
  const [day, part] = slot.split("-");
  const d = day ? DAY_NAMES[day] : undefined;
  const p = part ? PART_NAMES[part] : undefined;
  return d && p ? { fr: `${d.fr} ${p.fr}`, en: `${d.en} ${p.en}` } : { fr: slot, en: slot };
}

function listOf(items: string[], lang: "fr" | "en"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "fr" ? "et" : "and"} ${items.at(-1)}`;
}

/**
 * Who reads the reasons, each addressed as docs/terminology.md says: the mentor of the pair ("Vous enseignez…, que
 * votre mentoré·e veut apprendre"), its mentee ("Votre mentor enseigne…, que vous voulez apprendre"), a mentee
 * browsing the mentors of a programme ("Ce mentor enseigne…"), or the programme's managers, who read about both
 * people in the third person ("Le mentor enseigne…, que la personne mentorée veut apprendre").
 */
export type ReasonPerspective = "mentor" | "mentee" | "mentee-browsing" | "manager";
/** A person of a pair, or the managers: who reads a pair's stored reasons (`reasonsFor`). */
export type ReasonReader = "mentor" | "mentee" | "manager";

type Text = { fr: string; en: string };

/** How each reader names the two people: the mentor alone, and both together (FR verbs in the 2nd or 3rd plural). */
const VOICES: Record<ReasonPerspective, { mentor: Text; both: Text; isYou: boolean }> = {
  mentor: { mentor: { fr: "Vous", en: "You" }, both: { fr: "Votre mentoré·e et vous", en: "You and your mentee" }, isYou: true },
  mentee: {
    mentor: { fr: "Votre mentor", en: "Your mentor" },
    both: { fr: "Votre mentor et vous", en: "You and your mentor" },
    isYou: true,
  },
  "mentee-browsing": {
    mentor: { fr: "Ce mentor", en: "This mentor" },
    both: { fr: "Ce mentor et vous", en: "You and this mentor" },
    isYou: true,
  },
  manager: {
    mentor: { fr: "Le mentor", en: "The mentor" },
    both: { fr: "Le mentor et la personne mentorée", en: "The mentor and the mentee" },
    isYou: false,
  },
};

/** French verb in the reader's person: "vous préférez" / "ils préfèrent". */
const verb = (perspective: ReasonPerspective, you: string, they: string): string => (VOICES[perspective].isYou ? you : they);

/** A reason before it is written for a reader: what earned the points, and its sentence for any reader. */
interface Draft {
  component: Reason["component"];
  contribution: number;
  text: (perspective: ReasonPerspective) => Text;
}

function teachingText(perspective: ReasonPerspective, skill: Text, expert: boolean, priority: number): Text {
  const level = { fr: expert ? " (niveau expert)" : "", en: expert ? " (expert level)" : "" };
  switch (perspective) {
    case "mentor":
      return {
        fr: `Vous enseignez ${skill.fr}${level.fr}, que votre mentoré·e veut apprendre (priorité ${priority}).`,
        en: `You teach ${skill.en}${level.en}, which your mentee wants to learn (priority ${priority}).`,
      };
    case "manager":
      return {
        fr: `Le mentor enseigne ${skill.fr}${level.fr}, que la personne mentorée veut apprendre (priorité ${priority}).`,
        en: `The mentor teaches ${skill.en}${level.en}, which the mentee wants to learn (priority ${priority}).`,
      };
    default: {
      const mentor = VOICES[perspective].mentor;
      return {
        fr: `${mentor.fr} enseigne ${skill.fr}${level.fr}, que vous voulez apprendre (priorité ${priority}).`,
        en: `${mentor.en} teaches ${skill.en}${level.en}, which you want to learn (priority ${priority}).`,
      };
    }
  }
}

function reciprocityText(perspective: ReasonPerspective, skills: Text): Text {
  switch (perspective) {
    case "mentor":
      return {
        fr: `Vous voulez apprendre ${skills.fr}, que votre mentoré·e peut vous apporter en retour.`,
        en: `You want to learn ${skills.en}, which your mentee can offer you in return.`,
      };
    case "manager":
      return {
        fr: `Le mentor veut apprendre ${skills.fr}, que la personne mentorée peut lui apporter en retour.`,
        en: `The mentor wants to learn ${skills.en}, which the mentee can offer in return.`,
      };
    default: {
      const mentor = VOICES[perspective].mentor;
      return {
        fr: `${mentor.fr} veut apprendre ${skills.fr}, que vous pouvez lui apporter en retour.`,
        en: `${mentor.en} wants to learn ${skills.en}, which you can offer in return.`,
      };
    }
  }
}

function formatText(perspective: ReasonPerspective, mentorFormat: SessionFormat, menteeFormat: SessionFormat): Text {
  const both = VOICES[perspective].both;
  if (mentorFormat !== menteeFormat)
    return VOICES[perspective].isYou
      ? { fr: "Vos formats de séance sont compatibles.", en: "Your session formats are compatible." }
      : { fr: "Leurs formats de séance sont compatibles.", en: "Their session formats are compatible." };
  if (mentorFormat === "both")
    return {
      fr: `${both.fr} ${verb(perspective, "acceptez", "acceptent")} les séances en ligne comme en présentiel.`,
      en: `${both.en} are both open to online and in-person sessions.`,
    };
  const format = mentorFormat === "online" ? { fr: "en ligne", en: "online" } : { fr: "en présentiel", en: "in-person" };
  return {
    fr: `${both.fr} ${verb(perspective, "préférez", "préfèrent")} les séances ${format.fr}.`,
    en: `${both.en} both prefer ${format.en} sessions.`,
  };
}

/** The reasons of a pair for any reader, most important first (ties: by component, then by the managers' text). */
function draftReasons(
  mentor: MatchingProfile,
  mentee: MatchingProfile,
  components: ScoreWeights,
  weights: ScoreWeights,
  labels: SkillLabels,
  maxReasons: number,
): Draft[] {
  const skill = (id: string): Text => labels[id] ?? { fr: id, en: id };
  const drafts: Draft[] = [];
  // Teaching: one reason per covered wanted skill, by the points it brings.
  const wantTotal = mentee.wantsToLearn.reduce((sum, w) => sum + (PRIORITY_WEIGHT[clamp(Math.round(w.priority), 1, 3)] as number), 0);
  for (const w of mentee.wantsToLearn) {
    const level = Math.max(-1, ...mentor.teaches.filter((t) => t.skill === w.skill).map((t) => t.level));
    if (level <= 0 || wantTotal === 0) continue;
    const priority = clamp(Math.round(w.priority), 1, 3);
    const share = ((PRIORITY_WEIGHT[priority] as number) * (LEVEL_FACTOR[clamp(Math.round(level), 0, 4)] as number)) / wantTotal;
    const label = skill(w.skill);
    drafts.push({
      component: "teaching",
      contribution: weights.teaching * share,
      text: (p) => teachingText(p, label, level >= 4, priority),
    });
  }
  if (components.reciprocity > 0) {
    const given = mentor.wantsToLearn
      .filter((w) => mentee.offers.includes(w.skill))
      .sort((a, b) => a.priority - b.priority)
      .map((w) => skill(w.skill));
    const skills = {
      fr: listOf(
        given.map((g) => g.fr),
        "fr",
      ),
      en: listOf(
        given.map((g) => g.en),
        "en",
      ),
    };
    drafts.push({
      component: "reciprocity",
      contribution: weights.reciprocity * components.reciprocity,
      text: (p) => reciprocityText(p, skills),
    });
  }
  if (components.interests > 0) {
    const mine = new Set(mentor.interests.map(normaliseTag));
    const shared = [...new Set(mentee.interests.map(normaliseTag))].filter((t) => mine.has(t)).slice(0, 3);
    const many = shared.length > 1;
    drafts.push({
      component: "interests",
      contribution: weights.interests * components.interests,
      text: (p) => ({
        fr: `${VOICES[p].both.fr} ${verb(p, "partagez", "partagent")} ${many ? "des centres d’intérêt" : "un centre d’intérêt"} : ${listOf(shared, "fr")}.`,
        en: `${VOICES[p].both.en} share ${many ? "interests" : "an interest"}: ${listOf(shared, "en")}.`,
      }),
    });
  }
  if (components.availability > 0) {
    const mine = new Set(mentor.availability);
    const common = [...new Set(mentee.availability)].filter((s) => mine.has(s));
    const shown = common.slice(0, 2).map(slotLabel);
    const more = common.length > 2;
    const when = {
      fr: listOf(
        shown.map((s) => `le ${s.fr}`),
        "fr",
      ),
      en: listOf(
        shown.map((s) => s.en),
        "en",
      ),
    };
    drafts.push({
      component: "availability",
      contribution: weights.availability * components.availability,
      text: (p) => ({
        fr: `${VOICES[p].both.fr} ${verb(p, "êtes", "sont")} disponibles ${when.fr}${more ? ` (${common.length} créneaux en commun)` : ""}.`,
        en: `${VOICES[p].both.en} are both available on ${when.en}${more ? ` (${common.length} common slots)` : ""}.`,
      }),
    });
  }
  if (components.format > 0) {
    drafts.push({
      component: "format",
      contribution: weights.format * components.format,
      text: (p) => formatText(p, mentor.format, mentee.format),
    });
  }
  if (components.language > 0) {
    const common = mentee.languages.find((l) => mentor.languages.some((m) => m.toLowerCase() === l.toLowerCase()));
    if (common) {
      const code = common.toLowerCase();
      const name = { fr: languageNames.fr.of(code) ?? code, en: languageNames.en.of(code) ?? code };
      drafts.push({
        component: "language",
        contribution: weights.language * components.language,
        text: (p) => ({
          fr: `${VOICES[p].both.fr} ${verb(p, "parlez", "parlent")} ${name.fr}.`,
          en: `${VOICES[p].both.en} both speak ${name.en}.`,
        }),
      });
    }
  }
  // Stable order for equal contributions, the same for every reader: by component, then by the managers' text.
  const order = Object.keys(DEFAULT_WEIGHTS);
  const key = new Map(drafts.map((d) => [d, d.text("manager").en]));
  drafts.sort(
    (a, b) =>
      b.contribution - a.contribution ||
      order.indexOf(a.component) - order.indexOf(b.component) ||
      ((key.get(a) as string) < (key.get(b) as string) ? -1 : 1),
  );
  return drafts.slice(0, maxReasons);
}

/**
 * The reasons behind a pair, most important first: each names the skill, tag, slot or format that earned the
 * points, as a full sentence written for `perspective`.
 */
export function explainPair(
  mentor: MatchingProfile,
  mentee: MatchingProfile,
  components: ScoreWeights,
  weights: ScoreWeights,
  labels: SkillLabels = {},
  maxReasons = 3,
  perspective: ReasonPerspective = "manager",
): Reason[] {
  return draftReasons(mentor, mentee, components, weights, labels, maxReasons).map((d) => ({
    component: d.component,
    contribution: d.contribution,
    ...d.text(perspective),
  }));
}

/**
 * The reasons of a pair as they are kept with it: the managers' text, and the same reasons addressed to the
 * mentor and to the mentee, so that `reasonsFor` gives each reader their own.
 */
export function explainPairForEveryone(
  mentor: MatchingProfile,
  mentee: MatchingProfile,
  components: ScoreWeights,
  weights: ScoreWeights,
  labels: SkillLabels = {},
  maxReasons = 3,
): Reason[] {
  return draftReasons(mentor, mentee, components, weights, labels, maxReasons).map((d) => ({
    component: d.component,
    contribution: d.contribution,
    ...d.text("manager"),
    addressed: { mentor: d.text("mentor"), mentee: d.text("mentee") },
  }));
}

/**
 * A pair's kept reasons as `reader` reads them. Reasons kept before they were addressed to each person (no
 * `addressed`) are returned as they are.
 */
export function reasonsFor(reasons: readonly Reason[], reader: ReasonReader): Reason[] {
  return reasons.map(({ addressed, ...reason }) => (addressed && reader !== "manager" ? { ...reason, ...addressed[reader] } : reason));
}
