import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SelfAssessmentScale, Skill } from "../../../../contracts/skills.ts";
import { renderWithProviders, testQueryClient } from "../../test/render.tsx";
import { selfAssessmentKeys } from "./queries.ts";
import { SkillQuestion } from "./skill-question.tsx";

const text = (s: string) => ({ fr: s, en: s });
const scale: SelfAssessmentScale = {
  min: 0,
  max: 4,
  levels: [0, 1, 2, 3, 4].map((value) => ({
    value,
    label: text(`niveau ${value}`),
    description: { digital: text(`outil ${value} avec un tutoriel`), reverse: text(`expérience ${value} avec des conseils`) },
    digcomp: { levels: [], band: text("-") },
  })),
};
const skill = (id: string, family: Skill["family"]): Skill => ({
  id,
  family,
  categoryId: family === "digital" ? "ai" : "leadership",
  label: text(id),
  description: text(`${id} au quotidien`),
  synonyms: { fr: [], en: [] },
  customSynonyms: [],
  digcomp: [],
  entrecomp: [],
  isCustom: false,
  isArchived: false,
});

function renderQuestion(question: Skill) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(selfAssessmentKeys.scale(), scale);
  renderWithProviders(<SkillQuestion skill={question} value="" onChange={() => {}} />, { queryClient });
}

describe("a self-assessment question", () => {
  it("describes the levels of a reverse skill in its own words, never as a tutorial", () => {
    renderQuestion(skill("Vision stratégique", "reverse"));
    expect(screen.getByText("expérience 1 avec des conseils")).toBeTruthy();
    expect(screen.queryByText(/tutoriel/)).toBeNull();
  });

  it("keeps the digital descriptions for a digital skill", () => {
    renderQuestion(skill("Assistants IA", "digital"));
    expect(screen.getByText("outil 1 avec un tutoriel")).toBeTruthy();
    expect(screen.queryByText(/expérience/)).toBeNull();
  });
});
