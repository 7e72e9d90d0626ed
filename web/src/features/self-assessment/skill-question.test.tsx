import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Skill } from "../../../../contracts/skills.ts";
import { renderWithProviders, testQueryClient } from "../../test/render.tsx";
import { aSkill } from "../skills/test-data.ts";
import { selfAssessmentKeys } from "./queries.ts";
import { SkillQuestion } from "./skill-question.tsx";
import { aScale } from "./test-data.ts";

const skill = (id: string, family: Skill["family"]): Skill =>
  aSkill({ id, family, categoryId: family === "digital" ? "ai" : "leadership", label: { fr: id, en: id } });

function renderQuestion(question: Skill) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(selfAssessmentKeys.scale(), aScale());
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
