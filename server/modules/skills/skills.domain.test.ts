import { describe, expect, it } from "vitest";
import { readCatalogueFile } from "./catalogue-file.ts";
import { normaliseText, type Skill, searchSkills } from "./skills.domain.ts";

/** The real catalogue file as the database would hold it, without a database. */
const skills: Skill[] = readCatalogueFile().families.flatMap((family) =>
  family.categories.flatMap((category) =>
    category.skills.map((s) => ({
      id: s.id,
      family: family.id,
      categoryId: category.id,
      label: s.label,
      description: s.description,
      synonyms: s.synonyms,
      customSynonyms: [],
      digcomp: s.digcomp,
      entrecomp: s.entrecomp,
      isCustom: false,
      isArchived: false,
    })),
  ),
);
const top = (query: string) => searchSkills(skills, query)[0]?.skill.id;

describe("free text → skills", () => {
  it("ignores accents, case and punctuation", () => {
    expect(normaliseText("  Tableau CROISÉ-dynamique ! ")).toBe("tableau croise dynamique");
    expect(normaliseText("Lœuillet")).toBe("loeuillet");
  });

  it.each([
    ["chatgpt", "prompting"],
    ["ChatGPT", "prompting"],
    ["tableau croisé", "excel"],
    ["Tableau croisé dynamique", "excel"],
    ["zapier", "zapier"],
    ["référencement", "seo"],
    ["REFERENCEMENT", "seo"],
    ["growth", "growth"],
    ["je veux apprendre à faire des pubs Facebook", "social_ads"],
    ["dashboards Power BI", "dataviz"],
    ["I am new to managing a team", "leadership"],
    ["canva", "content"],
  ])("%j → %s first", (query, expected) => {
    expect(top(query)).toBe(expected);
  });

  it("suggests while typing, and nothing for one letter or an archived skill", () => {
    expect(top("zapi")).toBe("zapier");
    expect(searchSkills(skills, "z")).toEqual([]);
    const archived = skills.map((s) => (s.id === "zapier" ? { ...s, isArchived: true } : s));
    expect(searchSkills(archived, "zapier").map((m) => m.skill.id)).not.toContain("zapier");
  });
});
