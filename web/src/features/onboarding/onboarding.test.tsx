import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MyOnboarding, OnboardingModule, ProgrammeOnboarding } from "../../../../contracts/onboarding.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { OnboardingCompletion } from "./onboarding-completion.tsx";
import { OnboardingPage } from "./onboarding-page.tsx";

const PROGRAMME = "6f1c8f0e-2b7a-4d3e-9c1b-000000000001";
const text = (s: string) => ({ fr: s, en: s });

type CompletionRow = ProgrammeOnboarding["items"][number];
const person = (name: string, done: number, charterAccepted: boolean, key: number): CompletionRow => ({
  personId: `6f1c8f0e-2b7a-4d3e-9c1b-00000000010${key}`,
  name,
  role: key % 2 ? "mentor" : "mentee",
  status: "joined",
  modulesDone: done,
  modulesTotal: 3,
  charterAccepted,
  isComplete: done === 3 && charterAccepted,
});

function renderCompletion(items: CompletionRow[]) {
  fakeApi({
    "GET /api/programmes/:id/onboarding": () => ({
      programmeId: PROGRAMME,
      requiresOnboarding: true,
      items,
      totals: { people: items.length, complete: items.filter((row) => row.isComplete).length },
    }),
  });
  return renderWithProviders(<OnboardingCompletion programmeId={PROGRAMME} />);
}

function firstCells(): string[] {
  const table = screen.getByRole("table", { name: "Préparation des participants" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0]?.textContent ?? "");
}

describe("the managers' view of a programme's preparation", () => {
  it("lists people by name, and sorted by preparation shows first those who have not started", async () => {
    const { user } = renderCompletion([
      person("Zoé Lemaire", 0, false, 1),
      person("Adèle Martin", 3, true, 2),
      person("Bernard Petit", 1, false, 3),
    ]);
    expect(await screen.findByText("1 personne sur 3 a terminé sa préparation.")).toBeTruthy();
    expect(firstCells()).toEqual(["Adèle Martin", "Bernard Petit", "Zoé Lemaire"]);
    await user.click(screen.getByRole("button", { name: /Préparation/ }));
    expect(firstCells()).toEqual(["Zoé Lemaire", "Bernard Petit", "Adèle Martin"]);
    expect(within(screen.getByRole("row", { name: /Zoé Lemaire/ })).getByText("Pas commencée")).toBeTruthy();
  });

  it("says so when nobody is enrolled yet", async () => {
    renderCompletion([]);
    expect(await screen.findByText("Personne n’est encore inscrit à ce programme.")).toBeTruthy();
  });
});

const modules: OnboardingModule[] = [1, 2].map((order) => ({
  id: `mentor_${order}`,
  audience: "mentor",
  order,
  minutes: 4,
  title: text(`Module ${order}`),
  summary: text(`Résumé ${order}`),
  body: text(`Texte du **module ${order}**.`),
  questions: [text(`Question ${order}.1`)],
}));

function onboardingWith(done: number): MyOnboarding {
  return {
    programmeId: PROGRAMME,
    role: "mentor",
    requiresOnboarding: true,
    modules: modules.map((m, i) => ({
      id: m.id,
      minutes: m.minutes,
      title: m.title,
      summary: m.summary,
      completedAt: i < done ? "2026-03-02T10:00:00.000Z" : null,
    })),
    modulesDone: done,
    modulesTotal: modules.length,
    charter: text("La **charte** du binôme."),
    charterAcceptedAt: null,
    isComplete: false,
  };
}

function renderOnboarding(item?: string) {
  let done = 0;
  const api = fakeApi({
    "GET /api/onboarding/modules": () => ({ items: modules }),
    "GET /api/me/programmes/:id/onboarding": () => onboardingWith(done),
    "GET /api/me/onboarding/modules/:moduleId": ({ params }) => ({ moduleId: params.moduleId, completedAt: null, reflections: [] }),
    "POST /api/me/onboarding/modules/:moduleId": ({ params, body }) => {
      done += 1;
      return { moduleId: params.moduleId, completedAt: "2026-03-02T10:00:00.000Z", ...(body as object) };
    },
  });
  const route = `/programmes/${PROGRAMME}/onboarding${item ? `?item=${item}` : ""}`;
  return { api, ...renderWithProviders(<OnboardingPage />, { route, path: "/programmes/:id/onboarding" }) };
}

describe("a participant's preparation", () => {
  it("opens on the first module not read, and marking it read keeps the private answers and moves to the next", async () => {
    const { api, user, location } = renderOnboarding();
    expect(await screen.findByRole("heading", { level: 2, name: "Module 1" })).toBeTruthy();
    await user.type(await screen.findByRole("textbox", { name: /Question 1.1/ }), "Écouter sans couper la parole.");
    await user.click(screen.getByRole("button", { name: "Marquer comme lu" }));
    await waitFor(() => expect(api.calls("POST /api/me/onboarding/modules/:moduleId")).toHaveLength(1));
    expect(api.calls("POST /api/me/onboarding/modules/:moduleId")[0]?.body).toEqual({ reflections: ["Écouter sans couper la parole."] });
    expect(await screen.findByRole("heading", { level: 2, name: "Module 2" })).toBeTruthy();
    expect(location().search).toBe("?item=mentor_2");
  });

  it("lets the charter be accepted only once every module is read", async () => {
    renderOnboarding("charter");
    // The charter's Markdown is rendered, not shown as typed.
    expect((await screen.findByText("charte")).tagName).toBe("STRONG");
    expect(screen.getByText(/Lisez d’abord tous les modules/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "J’accepte la charte" }).hasAttribute("disabled")).toBe(true);
  });
});
