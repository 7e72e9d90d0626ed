import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Goal, GoalList, GoalTemplate } from "../../../../contracts/goals.ts";
import { type FakeHandler, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aPair } from "../pairs/test-data.ts";
import { aCatalogue } from "../skills/test-data.ts";
import { GoalsSection } from "./goals-section.tsx";

/** Brigitte (the mentee, the senior) reads her pair with Inès (the mentor, the junior). */
const pair = aPair({ state: "active", canStartSessions: true });
const PRIVACY_HINT = "Tenez-vous-en aux faits, sans donnée sensible : la personne concernée peut les lire.";
const NOTHING = { edit: false, agree: false, update: false, achieve: false, signOff: false };

const aGoal = (overrides: Partial<Goal> = {}): Goal => ({
  id: "00000000-0000-4000-8000-0000000000d1",
  pairId: pair.id,
  learnerRole: "mentee",
  skillIds: ["spreadsheets"],
  templateId: null,
  statement: "Analyser mes ventes avec un tableau croisé dynamique",
  target: "2 tableaux construits sans aide",
  dueOn: "2026-05-29",
  status: "in_progress",
  authorRole: "mentor",
  agreedAt: null,
  achievedAt: null,
  signedOffAt: null,
  createdAt: "2026-03-10T09:00:00.000Z",
  updatedAt: "2026-03-10T09:00:00.000Z",
  updates: [],
  can: { ...NOTHING, edit: true, agree: true, update: true, achieve: true },
  ...overrides,
});

const list = (items: Goal[], agreement: Partial<GoalList["agreement"]> = {}): GoalList => ({
  items,
  agreement: { needed: false, sessionsHeld: 0, missing: [], ...agreement },
});

function renderGoals(goals: GoalList, routes: Record<string, FakeHandler> = {}) {
  const api = fakeApi({ "GET /api/skills": () => aCatalogue(), "GET /api/pairs/:id/goals": () => goals, ...routes });
  return { ...renderWithProviders(<GoalsSection pair={pair} />), api };
}

afterEach(() => vi.useRealTimers());

describe("GoalsSection", () => {
  it("shows both directions by name, each goal with its target, due date, skills and progress, and asks to agree before session 3", async () => {
    const mine = aGoal({
      updates: [
        {
          id: "00000000-0000-4000-8000-0000000000e1",
          authorRole: "mentee",
          status: "in_progress",
          note: "Premier tableau fait",
          evidenceUrl: "https://exemple.fr/tableau",
          evidenceText: null,
          createdAt: "2026-03-20T09:00:00.000Z",
        },
      ],
    });
    const { user, api } = renderGoals(list([mine], { needed: true, sessionsHeld: 2, missing: ["mentee", "mentor"] }), {
      "POST /api/goals/:id/agree": () => ({ ...mine, agreedAt: "2026-03-21T09:00:00.000Z", can: { ...mine.can, agree: false } }),
    });

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("Accordez-vous sur vos objectifs")).toBeTruthy();
    expect(within(banner).getByText(/Vous avez tenu 2 séances/)).toBeTruthy();
    expect(within(banner).getByText("Ce que vous apprenez : un objectif à écrire ou à accepter.")).toBeTruthy();
    expect(within(banner).getByText("Ce qu’Inès apprend : un objectif à écrire ou à accepter.")).toBeTruthy();

    const myGoals = screen.getByRole("region", { name: "Ce que vous apprenez" });
    const card = within(myGoals).getByRole("article", { name: mine.statement });
    expect(within(card).getByText("Cible : 2 tableaux construits sans aide")).toBeTruthy();
    expect(within(card).getByText("Échéance : 29 mai 2026")).toBeTruthy();
    expect(await within(card).findByText("Tableur")).toBeTruthy();
    expect(within(card).getByText("En cours", { selector: ".mantine-Badge-label" })).toBeTruthy();
    expect(within(card).getByText("En attente de votre accord")).toBeTruthy();
    expect(within(card).getByRole("link", { name: "https://exemple.fr/tableau" }).getAttribute("href")).toBe("https://exemple.fr/tableau");
    expect(within(card).getByText("Premier tableau fait")).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "Ce qu’Inès apprend" })).getByText("Aucun objectif pour l’instant.")).toBeTruthy();

    await user.click(within(card).getByRole("button", { name: "Donner mon accord" }));
    await waitFor(() => expect(api.calls("POST /api/goals/:id/agree")).toHaveLength(1));
    expect(api.calls("POST /api/goals/:id/agree")[0]?.params.id).toBe(mine.id);
  });

  it("writes a goal from a template of a skill, due some weeks from today in Paris", async () => {
    // 21:00 on 6 December in Paris (the server's calendar for due dates) is already the 7th in Kathmandu, the browser's.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-06T20:00:00Z"));
    const template: GoalTemplate = {
      id: "excel_pivot",
      skillId: "spreadsheets",
      learnerRole: "mentee",
      statement: { fr: "Analyser un fichier avec un tableau croisé dynamique", en: "Analyse a file with a pivot table" },
      target: { fr: "2 tableaux croisés construits sans aide", en: "2 pivot tables built without help" },
      weeks: 4,
    };
    const { user, api } = renderGoals(list([]), {
      "GET /api/goal-templates": () => ({ items: [template] }),
      "POST /api/pairs/:id/goals": ({ body }) => aGoal(body as Partial<Goal>),
    });
    await user.click(await screen.findByRole("button", { name: "Ajouter un objectif : Ce que vous apprenez" }));
    const dialog = await screen.findByRole("dialog", { name: "Nouvel objectif · Ce que vous apprenez" });
    await user.click(within(dialog).getByRole("combobox", { name: "Partir d’un modèle" }));
    await user.click(await screen.findByRole("option", { name: "Tableur" }));
    await user.click(await within(dialog).findByRole("button", { name: `Partir du modèle « ${template.statement.fr} »` }));
    await waitFor(() => expect(api.calls("GET /api/goal-templates")[0]?.query.get("learnerRole")).toBe("mentee"));
    expect((within(dialog).getByRole("textbox", { name: /^Objectif/ }) as HTMLTextAreaElement).value).toBe(template.statement.fr);
    await user.click(within(dialog).getByRole("button", { name: "Ajouter l’objectif" }));

    await waitFor(() => expect(api.calls("POST /api/pairs/:id/goals")).toHaveLength(1));
    expect(api.calls("POST /api/pairs/:id/goals")[0]?.body).toEqual({
      learnerRole: "mentee",
      skillIds: ["spreadsheets"],
      statement: template.statement.fr,
      target: template.target.fr,
      dueOn: "2027-01-03",
      templateId: "excel_pivot",
    });
  });

  it("refuses a blank goal before asking the server", async () => {
    const { user, api } = renderGoals(list([]));
    await user.click(await screen.findByRole("button", { name: "Ajouter un objectif : Ce qu’Inès apprend" }));
    const dialog = await screen.findByRole("dialog", { name: "Nouvel objectif · Ce qu’Inès apprend" });
    await user.click(within(dialog).getByRole("button", { name: "Ajouter l’objectif" }));
    expect(within(dialog).getAllByText("Ce champ est obligatoire.").length).toBeGreaterThanOrEqual(3);
    expect(within(dialog).getByText("Choisissez au moins une compétence.")).toBeTruthy();
    expect(api.calls("POST /api/pairs/:id/goals")).toHaveLength(0);
  });

  it("marks my goal achieved with evidence", async () => {
    const mine = aGoal({ agreedAt: "2026-03-11T09:00:00.000Z", can: { ...NOTHING, edit: true, update: true, achieve: true } });
    const { user, api } = renderGoals(list([mine]), {
      "POST /api/goals/:id/updates": () => ({ ...mine, status: "achieved" }),
    });
    await user.click(await screen.findByRole("button", { name: "Mettre à jour" }));
    const dialog = await screen.findByRole("dialog", { name: "Mettre à jour l’objectif" });
    await user.click(within(dialog).getByRole("combobox", { name: "État" }));
    await user.click(await screen.findByRole("option", { name: "Atteint" }));
    expect(within(dialog).getByText("Inès recevra une notification pour confirmer l’objectif atteint.")).toBeTruthy();
    // The privacy hint beside the words and the evidence, as beside every note-like field.
    for (const name of [/Où en êtes-vous/, /Preuve en quelques mots/])
      expect(within(dialog).getByRole("textbox", { name, description: PRIVACY_HINT })).toBeTruthy();
    await user.type(within(dialog).getByRole("textbox", { name: /Où en êtes-vous/ }), "Fait");
    await user.type(within(dialog).getByRole("textbox", { name: /Lien vers une preuve/ }), "pas-un-lien");
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer la mise à jour" }));
    expect(within(dialog).getByText(/commençant par http/)).toBeTruthy();
    expect(api.calls("POST /api/goals/:id/updates")).toHaveLength(0);

    const url = within(dialog).getByRole("textbox", { name: /Lien vers une preuve/ });
    await user.clear(url);
    await user.type(url, "https://exemple.fr/ventes");
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer la mise à jour" }));
    await waitFor(() => expect(api.calls("POST /api/goals/:id/updates")).toHaveLength(1));
    expect(api.calls("POST /api/goals/:id/updates")[0]?.body).toEqual({
      status: "achieved",
      note: "Fait",
      evidenceUrl: "https://exemple.fr/ventes",
      evidenceText: null,
    });
  });

  it("lets the learner's partner sign off an achieved goal", async () => {
    const theirs = aGoal({
      learnerRole: "mentor",
      statement: "Animer une réunion d’équipe",
      status: "achieved",
      authorRole: "mentee",
      agreedAt: "2026-03-11T09:00:00.000Z",
      achievedAt: "2026-04-01T09:00:00.000Z",
      can: { ...NOTHING, update: true, signOff: true },
    });
    const { user, api } = renderGoals(list([theirs]), {
      "POST /api/goals/:id/sign-off": () => ({
        ...theirs,
        signedOffAt: "2026-04-02T09:00:00.000Z",
        can: { ...theirs.can, signOff: false },
      }),
    });
    const card = await screen.findByRole("article", { name: "Animer une réunion d’équipe" });
    expect(within(card).queryByRole("button", { name: "Modifier" })).toBeNull();
    await user.click(within(card).getByRole("button", { name: "J’ai constaté" }));
    await waitFor(() => expect(api.calls("POST /api/goals/:id/sign-off")).toHaveLength(1));
  });
});
