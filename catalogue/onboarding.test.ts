import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Localised = { fr: string; en: string };
type Module = {
  id: string;
  audience: "mentor" | "mentee";
  order: number;
  minutes: number;
  title: Localised;
  summary: Localised;
  body: Localised;
  questions: Localised[];
};
type Onboarding = { version: number; modules: Module[] };
type Template = {
  id: string;
  name: Localised;
  description: Localised;
  objectives: Localised;
  durationMonths: number;
  cadenceWeeks: number;
  sessionMinutes: number;
  format: string;
  pilot: { isPilot: boolean; targetPairs: number };
  selfServiceProposals: boolean;
  onboardingRequired: boolean;
  proposalExpiryDays: number;
  matching: {
    weights: Record<string, number>;
    minScore: number;
    defaultCapacity: number;
    forbidSameTeam: boolean;
    managementChainDepth: number | null;
  };
  charter: Localised;
};
type Templates = { version: number; templates: Template[] };

const readYaml = (name: string): unknown => parse(readFileSync(new URL(name, import.meta.url), "utf8"));

const onboarding = readYaml("./onboarding.yaml") as Onboarding;
const programmeTemplates = readYaml("./programme-templates.yaml") as Templates;

const MENTOR_MODULES = [
  "mentor_teaching_senior",
  "mentor_plain_language",
  "mentor_patience",
  "mentor_active_listening",
  "mentor_upward_feedback",
  "mentor_legitimacy",
  "mentor_confidentiality",
];
const MENTEE_MODULES = [
  "mentee_growth_mindset",
  "mentee_admitting_unknowns",
  "mentee_owning_agenda",
  "mentee_learning_by_doing",
  "mentee_respecting_time",
];
const WEIGHT_KEYS = ["availability", "format", "interests", "language", "reciprocity", "teaching"];
/** Reading speed in words per minute. */
const WORDS_PER_MINUTE = { fr: 200, en: 220 } as const;
const LANGS = ["fr", "en"] as const;

const expectLocalised = (value: Localised | undefined, where: string): void => {
  expect(value, where).toBeDefined();
  for (const lang of LANGS) {
    expect(typeof value?.[lang], `${where}.${lang}`).toBe("string");
    expect(value?.[lang].trim().length, `${where}.${lang}`).toBeGreaterThan(0);
  }
};

/** Words are whitespace-separated tokens holding at least one letter or digit (Markdown markers do not count). */
const wordCount = (text: string): number => text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

const modulesOf = (audience: Module["audience"]): Module[] =>
  onboarding.modules.filter((m) => m.audience === audience).sort((a, b) => a.order - b.order);

/** Every localised text of both files, with where it comes from. */
const allTexts = (): { where: string; lang: (typeof LANGS)[number]; text: string }[] => {
  const texts: { where: string; lang: (typeof LANGS)[number]; text: string }[] = [];
  const add = (where: string, value: Localised): void => {
    for (const lang of LANGS) texts.push({ where: `${where}.${lang}`, lang, text: value[lang] });
  };
  for (const m of onboarding.modules) {
    add(`${m.id}.title`, m.title);
    add(`${m.id}.summary`, m.summary);
    add(`${m.id}.body`, m.body);
    m.questions.forEach((q, i) => {
      add(`${m.id}.questions[${i}]`, q);
    });
  }
  for (const t of programmeTemplates.templates) {
    add(`${t.id}.name`, t.name);
    add(`${t.id}.description`, t.description);
    add(`${t.id}.objectives`, t.objectives);
    add(`${t.id}.charter`, t.charter);
  }
  return texts;
};

describe("onboarding modules", () => {
  it("parses, with a version and modules", () => {
    expect(onboarding.version).toBe(1);
    expect(Array.isArray(onboarding.modules)).toBe(true);
    expect(onboarding.modules.length).toBeGreaterThan(0);
  });

  it("uses unique snake_case ids", () => {
    const ids = onboarding.modules.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it("has exactly the seven mentor topics and the five mentee topics, in order", () => {
    for (const m of onboarding.modules) expect(["mentor", "mentee"], m.id).toContain(m.audience);
    expect(modulesOf("mentor").map((m) => m.id)).toEqual(MENTOR_MODULES);
    expect(modulesOf("mentee").map((m) => m.id)).toEqual(MENTEE_MODULES);
    expect(modulesOf("mentor").map((m) => m.order)).toEqual(MENTOR_MODULES.map((_, i) => i + 1));
    expect(modulesOf("mentee").map((m) => m.order)).toEqual(MENTEE_MODULES.map((_, i) => i + 1));
  });

  it("gives every module a French and English title, summary, body and questions", () => {
    for (const m of onboarding.modules) {
      expectLocalised(m.title, `${m.id}.title`);
      expectLocalised(m.summary, `${m.id}.summary`);
      expectLocalised(m.body, `${m.id}.body`);
      for (const lang of LANGS) expect(m.summary[lang], `${m.id}.summary.${lang} is one line`).not.toContain("\n");
      m.questions.forEach((q, i) => {
        expectLocalised(q, `${m.id}.questions[${i}]`);
      });
    }
  });

  it("asks 2 or 3 reflection questions per module", () => {
    for (const m of onboarding.modules) {
      expect(Array.isArray(m.questions), m.id).toBe(true);
      expect(m.questions.length, m.id).toBeGreaterThanOrEqual(2);
      expect(m.questions.length, m.id).toBeLessThanOrEqual(3);
    }
  });

  it("takes 3 to 5 minutes to read in each language, in line with its minutes field", () => {
    for (const m of onboarding.modules) {
      expect(Number.isInteger(m.minutes), m.id).toBe(true);
      expect(m.minutes, m.id).toBeGreaterThanOrEqual(3);
      expect(m.minutes, m.id).toBeLessThanOrEqual(5);
      for (const lang of LANGS) {
        const readingMinutes = wordCount(m.body[lang]) / WORDS_PER_MINUTE[lang];
        const where = `${m.id}.body.${lang}: ${wordCount(m.body[lang])} words, ${readingMinutes.toFixed(2)} min`;
        expect(readingMinutes, where).toBeGreaterThanOrEqual(2.5);
        expect(readingMinutes, where).toBeLessThanOrEqual(5.5);
        expect(Math.abs(readingMinutes - m.minutes), `${where} vs minutes: ${m.minutes}`).toBeLessThanOrEqual(1.5);
      }
    }
  });

  it("points to the confidential channel in the confidentiality module", () => {
    const module = onboarding.modules.find((m) => m.id === "mentor_confidentiality");
    expect(module?.body.fr).toContain("canal confidentiel");
    expect(module?.body.en).toContain("confidential channel");
  });
});

describe("programme templates", () => {
  const template = programmeTemplates.templates.find((t) => t.id === "reverse_mentoring");

  it("parses, with the reverse-mentoring template", () => {
    expect(programmeTemplates.version).toBe(1);
    const ids = programmeTemplates.templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(template).toBeDefined();
  });

  it("gives every template a French and English name, description, objectives and charter", () => {
    for (const t of programmeTemplates.templates) {
      expectLocalised(t.name, `${t.id}.name`);
      expectLocalised(t.description, `${t.id}.description`);
      expectLocalised(t.objectives, `${t.id}.objectives`);
      expectLocalised(t.charter, `${t.id}.charter`);
      for (const lang of LANGS) {
        const items = t.objectives[lang].split("\n").filter((line) => line.startsWith("- "));
        expect(items.length, `${t.id}.objectives.${lang}`).toBeGreaterThanOrEqual(3);
        expect(items.length, `${t.id}.objectives.${lang}`).toBeLessThanOrEqual(5);
        const words = wordCount(t.charter[lang]);
        expect(words, `${t.id}.charter.${lang}`).toBeGreaterThanOrEqual(250);
        expect(words, `${t.id}.charter.${lang}`).toBeLessThanOrEqual(400);
      }
    }
  });

  it("has valid programme settings", () => {
    for (const t of programmeTemplates.templates) {
      expect([30, 45, 60], t.id).toContain(t.sessionMinutes);
      expect(["in_person", "online", "both"], t.id).toContain(t.format);
      for (const n of [t.durationMonths, t.cadenceWeeks, t.pilot.targetPairs, t.proposalExpiryDays]) {
        expect(Number.isInteger(n) && n > 0, t.id).toBe(true);
      }
      for (const flag of [t.pilot.isPilot, t.selfServiceProposals, t.onboardingRequired, t.matching.forbidSameTeam]) {
        expect(typeof flag, t.id).toBe("boolean");
      }
    }
    expect(template?.durationMonths).toBe(6);
    expect(template?.cadenceWeeks).toBe(2);
    expect(template?.pilot).toEqual({ isPilot: true, targetPairs: 10 });
  });

  it("has matching weights on the six score components that sum to 1", () => {
    for (const t of programmeTemplates.templates) {
      const { weights, minScore, defaultCapacity, managementChainDepth } = t.matching;
      expect(Object.keys(weights).sort(), t.id).toEqual(WEIGHT_KEYS);
      for (const w of Object.values(weights)) expect(w, t.id).toBeGreaterThanOrEqual(0);
      expect(
        Object.values(weights).reduce((sum, w) => sum + w, 0),
        t.id,
      ).toBeCloseTo(1, 9);
      expect(minScore, t.id).toBeGreaterThanOrEqual(0);
      expect(minScore, t.id).toBeLessThanOrEqual(1);
      expect(Number.isInteger(defaultCapacity) && defaultCapacity >= 1, t.id).toBe(true);
      expect(managementChainDepth === null || (Number.isInteger(managementChainDepth) && managementChainDepth >= 1), t.id).toBe(true);
    }
    expect(template?.matching.managementChainDepth).toBeNull();
  });

  it("covers the charter's commitments in both languages", () => {
    const fr = template?.charter.fr ?? "";
    const en = template?.charter.en ?? "";
    for (const term of [
      "Confidentialité",
      "Respect",
      "c’est le mentor junior qui mène",
      "prévenons",
      "évaluer",
      "mettre fin au binôme",
      "canal confidentiel",
    ]) {
      expect(fr, term).toContain(term);
    }
    for (const term of [
      "Confidentiality",
      "Respect",
      "the junior mentor leads",
      "warn",
      "evaluate",
      "end the pair",
      "confidential channel",
    ]) {
      expect(en, term).toContain(term);
    }
  });
});

describe("texts of both files", () => {
  it("never asks for or mentions an age or a date of birth", () => {
    const forbidden = [
      /(^|[^\p{L}])âges?([^\p{L}]|$)/iu,
      /\bages?\b/i,
      /\baged\b/i,
      /date de naissance/i,
      /birth/i,
      /years old/i,
      /\b(boomers?|millennials?|gen z|digital natives?)\b/i,
      /génération [xyz]\b/i,
      /\bgeneration [xyz]\b/i,
    ];
    for (const { where, text } of allTexts()) {
      for (const pattern of forbidden) expect(text, `${where} matches ${pattern}`).not.toMatch(pattern);
    }
  });

  it("states no percentage figures", () => {
    for (const { where, text } of allTexts()) expect(text, where).not.toMatch(/\d\s*%/);
  });

  it("follows the house typography: curly apostrophes, French non-breaking spaces", () => {
    for (const { where, lang, text } of allTexts()) {
      expect(text, `${where}: straight apostrophe`).not.toContain("'");
      if (lang === "fr") {
        expect(text, `${where}: ordinary space before : ; ? ! »`).not.toMatch(/ [:;?!»]/);
        expect(text, `${where}: ordinary space after «`).not.toMatch(/« /);
      }
    }
  });
});
