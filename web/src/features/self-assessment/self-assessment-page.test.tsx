import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Profile, SelfAssessment } from "../../../../contracts/profiles.ts";
import type { Catalogue } from "../../../../contracts/skills.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aCategory, aSkill } from "../skills/test-data.ts";
import { SelfAssessmentPage } from "./self-assessment-page.tsx";
import { aScale } from "./test-data.ts";

const label = (fr: string) => ({ fr, en: fr });
const catalogue: Catalogue = {
  categories: [
    aCategory({ id: "ai", label: label("IA générative"), position: 1 }),
    aCategory({ id: "data", label: label("Données"), position: 2 }),
    aCategory({ id: "leadership", family: "reverse", label: label("Leadership"), position: 3 }),
  ],
  skills: [
    aSkill({ id: "prompting", categoryId: "ai", label: label("Assistants IA") }),
    aSkill({ id: "ai_critical", categoryId: "ai", label: label("Esprit critique face à l’IA") }),
    aSkill({ id: "dataviz", categoryId: "data", label: label("Tableaux de bord") }),
    aSkill({ id: "leadership", family: "reverse", categoryId: "leadership", label: label("Leadership") }),
  ],
};
const profile: Profile = {
  teach: [],
  learn: [{ skillId: "prompting", priority: 1 }],
  offer: [],
  interests: [],
  availability: [],
  format: null,
  languages: ["fr"],
  mentorCapacity: 1,
  hopes: null,
  updatedAt: null,
  roles: ["mentee"],
  completeness: { percent: 29, missing: ["offer", "availability", "format", "hopes", "selfAssessment"] },
};

function renderPage(assessments: SelfAssessment[]) {
  const api = fakeApi({
    "GET /api/skills": () => catalogue,
    "GET /api/self-assessment/scale": () => aScale(),
    "GET /api/me/profile": () => profile,
    "GET /api/me/self-assessments": () => ({ items: assessments }),
    "POST /api/me/self-assessments": ({ body }) =>
      Response.json(
        { id: "0b8e2f3c-1d1e-4c1a-9a55-000000000001", takenAt: "2026-03-02T10:00:00.000Z", byCategory: [], ...(body as object) },
        { status: 201 },
      ),
  });
  return { api, ...renderWithProviders(<SelfAssessmentPage />) };
}

describe("the self-assessment", () => {
  it("starts from the categories of the profile's skills and saves only the answered questions", async () => {
    const { api, user } = renderPage([]);
    expect(await screen.findByRole("heading", { name: "Catégorie « IA générative »" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Catégorie « Données »" })).toBeNull();
    const save = screen.getByRole("button", { name: "Enregistrer mon autoévaluation" });
    expect(save.hasAttribute("disabled")).toBe(true);

    await user.click(within(screen.getByRole("radiogroup", { name: /Assistants IA/ })).getByRole("radio", { name: /^3 · / }));
    await user.click(
      within(screen.getByRole("radiogroup", { name: /Esprit critique/ })).getByRole("radio", { name: "Je préfère ne pas répondre" }),
    );
    expect(screen.getByText("1 réponse sur 2 questions")).toBeTruthy();
    await user.click(save);
    await waitFor(() => expect(api.calls("POST /api/me/self-assessments")).toHaveLength(1));
    expect(api.calls("POST /api/me/self-assessments")[0]?.body).toEqual({ answers: [{ skillId: "prompting", level: 3 }] });
  });

  it("adds the questions of a category ticked by hand", async () => {
    const { user } = renderPage([]);
    await user.click(await screen.findByRole("checkbox", { name: "Leadership" }));
    expect(await screen.findByRole("radiogroup", { name: /Quelle maîtrise avez-vous de « Leadership »/ })).toBeTruthy();
  });

  it("shows the latest results by category once taken, and offers to take it again", async () => {
    const { user } = renderPage([
      {
        id: "0b8e2f3c-1d1e-4c1a-9a55-000000000002",
        takenAt: "2026-03-02T10:00:00.000Z",
        answers: [{ skillId: "prompting", level: 3 }],
        byCategory: [
          { categoryId: "ai", average: 2.5, count: 2 },
          { categoryId: "data", average: 3, count: 1 },
        ],
      },
    ]);
    expect(await screen.findByRole("heading", { name: "Mes résultats par catégorie" })).toBeTruthy();
    const table = screen.getByRole("table", { name: "Mes résultats par catégorie" });
    const categories = () =>
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent);
    expect(categories()).toEqual(["IA générative2,5 / 4", "Données3 / 4"]);
    await user.click(within(table).getByRole("button", { name: /Moyenne/ }));
    expect(categories()).toEqual(["Données3 / 4", "IA générative2,5 / 4"]);
    await user.click(screen.getByRole("button", { name: "Refaire mon autoévaluation" }));
    expect(await screen.findByRole("button", { name: "Enregistrer mon autoévaluation" })).toBeTruthy();
  });
});
