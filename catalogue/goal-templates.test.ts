import { describe, expect, it } from "vitest";
import { readGoalTemplatesFile } from "../server/modules/goals/goal-templates-file.ts";
import { readCatalogueFile } from "../server/modules/skills/index.ts";

/** catalogue/goal-templates.yaml against the skills catalogue and the rules written at its top. */
const { templates } = readGoalTemplatesFile();
const catalogue = readCatalogueFile();
const skills = catalogue.families.flatMap((family) =>
  family.categories.flatMap((category) => category.skills.map((skill) => ({ id: skill.id, family: family.id }))),
);
const familyOf = new Map(skills.map((skill) => [skill.id, skill.family]));

describe("the goal templates", () => {
  it("point to skills of the catalogue", () => {
    expect(templates.filter((t) => !familyOf.has(t.skillId)).map((t) => `${t.id} → ${t.skillId}`)).toEqual([]);
  });

  it("give every skill of the catalogue at least one template, and the most common digital ones two", () => {
    const count = (skillId: string) => templates.filter((t) => t.skillId === skillId).length;
    expect(skills.filter((skill) => count(skill.id) === 0).map((skill) => skill.id)).toEqual([]);
    for (const common of ["linkedin", "instagram", "prompting", "ai_writing", "excel", "dataviz", "zapier", "cyber_hygiene", "cloud_docs"])
      expect(count(common), common).toBeGreaterThanOrEqual(2);
  });

  it("are learned by the senior for digital skills and by the junior for the skills given back", () => {
    const wrong = templates.filter((t) => (familyOf.get(t.skillId) === "digital" ? "mentee" : "mentor") !== t.learnerRole);
    expect(wrong.map((t) => t.id)).toEqual([]);
  });

  it("are written in French and in English, as full sentences, without words the interface does not use", () => {
    for (const t of templates) {
      for (const text of [t.statement, t.target]) {
        for (const language of ["fr", "en"] as const) {
          expect(text[language].trim(), `${t.id} ${language}`).not.toBe("");
          expect(text[language], `${t.id} ${language}`).toMatch(/^[\p{Lu}\d]/u);
          expect(text[language], `${t.id} ${language}`).toMatch(/\.$/);
        }
        expect(text.fr, t.id).not.toMatch(/\(e\)|(?<!\p{L})(tu|tes)(?!\p{L})|'/u);
        expect(text.fr, t.id).not.toBe(text.en);
      }
    }
  });
});
