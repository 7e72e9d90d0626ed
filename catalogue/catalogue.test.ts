import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Localised = { fr: string; en: string };
type Skill = {
  id: string;
  label: Localised;
  description: Localised;
  synonyms: { fr: string[]; en: string[] };
  digcomp?: string[];
  entrecomp?: string[];
};
type Category = { id: string; label: Localised; skills: Skill[] };
type Family = { id: string; label: Localised; categories: Category[] };
type Catalogue = { version: number; families: Family[] };
type Level = {
  value: number;
  label: Localised;
  description: Record<string, Localised>;
  digcomp: { levels: number[]; band: Localised };
};
type SelfAssessment = {
  version: number;
  scale: { min: number; max: number; levels: Level[] };
  questionnaire: { intro: Localised; stems: Record<string, { question: Localised }> };
};

const readYaml = (name: string): unknown => parse(readFileSync(new URL(name, import.meta.url), "utf8"));

const catalogue = readYaml("./skills.yaml") as Catalogue;
const selfAssessment = readYaml("./self-assessment.yaml") as SelfAssessment;

const DIGCOMP_IDS = new Set([
  "1.1",
  "1.2",
  "1.3",
  "2.1",
  "2.2",
  "2.3",
  "2.4",
  "2.5",
  "2.6",
  "3.1",
  "3.2",
  "3.3",
  "3.4",
  "4.1",
  "4.2",
  "4.3",
  "4.4",
  "5.1",
  "5.2",
  "5.3",
  "5.4",
]);

const ENTRECOMP = new Set([
  "Spotting opportunities",
  "Creativity",
  "Vision",
  "Valuing ideas",
  "Ethical and sustainable thinking",
  "Self-awareness and self-efficacy",
  "Motivation and perseverance",
  "Mobilising resources",
  "Financial and economic literacy",
  "Mobilising others",
  "Taking the initiative",
  "Planning and management",
  "Coping with uncertainty, ambiguity and risk",
  "Working with others",
  "Learning through experience",
]);

const family = (id: string): Family => {
  const found = catalogue.families.find((f) => f.id === id);
  if (!found) throw new Error(`family ${id} missing`);
  return found;
};
const skillsOf = (f: Family): Skill[] => f.categories.flatMap((c) => c.skills);
const allSkills = catalogue.families.flatMap(skillsOf);

const expectLocalised = (value: Localised | undefined, where: string): void => {
  expect(value, where).toBeDefined();
  for (const lang of ["fr", "en"] as const) {
    expect(typeof value?.[lang], `${where}.${lang}`).toBe("string");
    expect(value?.[lang].trim().length, `${where}.${lang}`).toBeGreaterThan(0);
  }
};

describe("skills catalogue", () => {
  it("has a version and the two families", () => {
    expect(catalogue.version).toBe(1);
    expect(catalogue.families.map((f) => f.id)).toEqual(["digital", "reverse"]);
  });

  it("uses unique snake_case ids for skills, and for categories within the catalogue", () => {
    const ids = allSkills.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    const categoryIds = catalogue.families.flatMap((f) => f.categories.map((c) => c.id));
    expect(new Set(categoryIds).size).toBe(categoryIds.length);
    for (const id of categoryIds) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("gives every family, category and skill a French and English label, and every skill a description", () => {
    for (const f of catalogue.families) {
      expectLocalised(f.label, f.id);
      for (const c of f.categories) {
        expectLocalised(c.label, `${f.id}/${c.id}`);
        expect(c.skills.length, c.id).toBeGreaterThan(0);
        for (const s of c.skills) {
          expectLocalised(s.label, `${s.id}.label`);
          expectLocalised(s.description, `${s.id}.description`);
        }
      }
    }
  });

  it("keeps synonyms in lower case, without duplicates within a skill", () => {
    for (const s of allSkills) {
      expect(Array.isArray(s.synonyms.fr), `${s.id}.synonyms.fr`).toBe(true);
      expect(Array.isArray(s.synonyms.en), `${s.id}.synonyms.en`).toBe(true);
      const all = [...s.synonyms.fr, ...s.synonyms.en];
      expect(all.length, s.id).toBeGreaterThan(0);
      for (const term of all) {
        expect(typeof term, `${s.id}: ${term}`).toBe("string");
        expect(term, s.id).toBe(term.toLowerCase());
        expect(term.trim(), s.id).toBe(term);
        expect(term.length, s.id).toBeGreaterThan(0);
      }
      const duplicates = all.filter((term, i) => all.indexOf(term) !== i);
      expect(duplicates, s.id).toEqual([]);
    }
  });

  it("references existing DigComp 2.2 competences on every digital skill", () => {
    for (const s of skillsOf(family("digital"))) {
      expect(s.digcomp?.length ?? 0, s.id).toBeGreaterThan(0);
      for (const id of s.digcomp ?? []) expect(DIGCOMP_IDS.has(id), `${s.id}: ${id}`).toBe(true);
      expect(s.entrecomp, s.id).toBeUndefined();
    }
  });

  it("gives reverse skills no DigComp reference, and only official EntreComp competences", () => {
    for (const s of skillsOf(family("reverse"))) {
      expect(s.digcomp, s.id).toBeUndefined();
      for (const name of s.entrecomp ?? []) expect(ENTRECOMP.has(name), `${s.id}: ${name}`).toBe(true);
    }
  });

  it("has enough skills in each family", () => {
    expect(skillsOf(family("digital")).length).toBeGreaterThanOrEqual(40);
    expect(skillsOf(family("reverse")).length).toBeGreaterThanOrEqual(15);
  });
});

describe("self-assessment scale", () => {
  it("has exactly the levels 0 to 4, each with a French and English label, and a description for each family", () => {
    const { scale } = selfAssessment;
    expect(scale.min).toBe(0);
    expect(scale.max).toBe(4);
    expect(scale.levels.map((l) => l.value)).toEqual([0, 1, 2, 3, 4]);
    for (const level of scale.levels) {
      expectLocalised(level.label, `level ${level.value} label`);
      expect(Object.keys(level.description).sort(), `level ${level.value} description`).toEqual(catalogue.families.map((f) => f.id).sort());
      for (const f of catalogue.families) expectLocalised(level.description[f.id], `level ${level.value} description.${f.id}`);
    }
    expect(scale.levels[4]?.label.en).toBe("I can guide others");
  });

  it("keeps the DigComp mapping of the digital levels", () => {
    expect(selfAssessment.scale.levels.map((l) => l.digcomp.levels)).toEqual([[], [1, 2], [3, 4], [5], [6, 7, 8]]);
    for (const level of selfAssessment.scale.levels) expectLocalised(level.digcomp.band, `level ${level.value} DigComp band`);
  });

  it("describes the reverse skills' levels in their own words: no tutorial, no tool", () => {
    for (const level of selfAssessment.scale.levels) {
      const reverse = level.description.reverse;
      const digital = level.description.digital;
      expect(reverse?.fr, `level ${level.value}`).not.toBe(digital?.fr);
      expect(reverse?.en, `level ${level.value}`).not.toBe(digital?.en);
      expect(`${reverse?.fr} ${reverse?.en}`, `level ${level.value}`).not.toMatch(/tutori|outil|\btool/i);
    }
    expect(selfAssessment.scale.levels[1]?.description.digital?.fr).toMatch(/tutoriel/);
  });

  it("has the same level labels as the web app's translations", () => {
    for (const [language, file] of [
      ["fr", "../web/src/i18n/fr.json"],
      ["en", "../web/src/i18n/en.json"],
    ] as const) {
      const web = JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")) as {
        selfAssessment: { levels: Record<string, { label: string }> };
      };
      for (const level of selfAssessment.scale.levels)
        expect(web.selfAssessment.levels[String(level.value)]?.label, `${language} level ${level.value}`).toBe(level.label[language]);
    }
  });

  it("has an intro and a question stem with the skill placeholder for each family", () => {
    expectLocalised(selfAssessment.questionnaire.intro, "intro");
    for (const f of catalogue.families) {
      const stem = selfAssessment.questionnaire.stems[f.id];
      expectLocalised(stem?.question, `stem ${f.id}`);
      expect(stem?.question.fr).toContain("{{skill}}");
      expect(stem?.question.en).toContain("{{skill}}");
    }
  });
});
