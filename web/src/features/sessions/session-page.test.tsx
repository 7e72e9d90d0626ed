import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionDetail } from "../../../../contracts/sessions.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aPair } from "../pairs/test-data.ts";
import { SessionPage } from "./session-page.tsx";
import { aSession, PAIR_ID, SESSION_ID } from "./test-data.ts";

const GOAL = {
  id: "00000000-0000-4000-8000-0000000000c1",
  statement: "Publier seule sur LinkedIn",
};
const MENTEE_ITEM = {
  id: "00000000-0000-4000-8000-0000000000d1",
  kind: "topic" as const,
  text: "Mon profil LinkedIn",
  goalId: GOAL.id,
  fromActionItemId: null,
  author: "mentee" as const,
  canEdit: true,
  createdAt: "2026-03-09T09:00:00.000Z",
};
const MENTOR_ITEM = {
  ...MENTEE_ITEM,
  id: "00000000-0000-4000-8000-0000000000d2",
  kind: "practice" as const,
  text: "Publier un post",
  goalId: null,
  author: "mentor" as const,
};

function renderPage(session: SessionDetail, routes: Parameters<typeof fakeApi>[0] = {}) {
  const pair = aPair({ state: "active", canStartSessions: true, myRole: session.myRole });
  const api = fakeApi({
    "GET /api/sessions/:id": () => session,
    "GET /api/pairs/:id": () => pair,
    "GET /api/pairs/:id/goals": () => ({
      items: [{ ...GOAL }],
      agreement: { isAsked: false, hasAgreedGoals: false },
    }),
    "GET /api/glossary": () => ({ items: [], proposedCount: null }),
    "GET /api/sessions/:id/notes": () => ({ sessionId: session.id, canWrite: true, mine: null, partner: null }),
    "GET /api/pairs/:id/action-items": () => ({ items: [] }),
    ...routes,
  });
  const rendered = renderWithProviders(<SessionPage />, {
    route: `/pairs/${PAIR_ID}/sessions/${SESSION_ID}`,
    path: "/pairs/:pairId/sessions/:sessionId",
  });
  return { ...rendered, api };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-03-10T09:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("SessionPage", () => {
  it("shows the session in my time zone, its place, its calendar file, and the agenda the mentee prepares", async () => {
    const { user, api } = renderPage(aSession({ agenda: [MENTEE_ITEM, { ...MENTOR_ITEM, canEdit: true }], agendaCount: 2 }), {
      "POST /api/sessions/:id/agenda-items": ({ body }) => ({
        ...MENTEE_ITEM,
        ...(body as object),
        id: "00000000-0000-4000-8000-0000000000d3",
      }),
    });
    expect(await screen.findByRole("heading", { name: "Séance avec Inès Haddad", level: 1 })).toBeTruthy();
    expect(screen.getByText("Séance n° 1 · mardi 17 mars 2026 à 12:30 – 13:15")).toBeTruthy();
    expect(screen.getByText("Heure de votre fuseau : Europe/Paris")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).getAttribute("href")).toBe(
      `/api/sessions/${SESSION_ID}/calendar.ics`,
    );
    expect(screen.getByText(/Vous préparez l’ordre du jour avant le dimanche 15 mars 2026 à 12:30/)).toBeTruthy();
    expect(screen.getByText("Ajouté par votre mentor")).toBeTruthy();
    expect(await screen.findByText("Objectif : Publier seule sur LinkedIn")).toBeTruthy();
    // Not started: no outcome yet, no notes.
    expect(screen.queryByRole("button", { name: "Séance tenue" })).toBeNull();
    expect(api.calls("GET /api/sessions/:id/notes")).toHaveLength(0);

    await user.click(screen.getByRole("combobox", { name: "Type" }));
    await user.click(await screen.findByRole("option", { name: "Question" }));
    // The privacy hint beside the item's text, as beside every note-like field.
    const text = screen.getByRole("textbox", {
      name: "Point à l’ordre du jour",
      description: "Tenez-vous-en aux faits, sans donnée sensible : la personne concernée peut les lire.",
    });
    await user.type(text, "Qui voit mes publications ?");
    await user.click(screen.getByRole("combobox", { name: "Objectif lié" }));
    await user.click(await screen.findByRole("option", { name: "Publier seule sur LinkedIn" }));
    await user.click(screen.getByRole("button", { name: "Ajouter" }));
    await waitFor(() =>
      expect(api.calls("POST /api/sessions/:id/agenda-items")[0]?.body).toEqual({
        kind: "question",
        text: "Qui voit mes publications ?",
        goalId: GOAL.id,
      }),
    );
  });

  it("carries an open action item into the agenda in one click", async () => {
    const suggestion = {
      actionItemId: "00000000-0000-4000-8000-0000000000e1",
      text: "Créer un compte LinkedIn",
      owner: "mentee" as const,
      dueOn: "2026-03-16",
    };
    const { user, api } = renderPage(aSession({ suggestions: [suggestion] }), {
      "POST /api/sessions/:id/agenda-items": ({ body }) => ({ ...MENTEE_ITEM, ...(body as object) }),
    });
    expect(await screen.findByText("Pour vous · avant le 16 mars 2026")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Ajouter « Créer un compte LinkedIn » à l’ordre du jour" }));
    await waitFor(() =>
      expect(api.calls("POST /api/sessions/:id/agenda-items")[0]?.body).toEqual({
        kind: "topic",
        text: "Créer un compte LinkedIn",
        fromActionItemId: suggestion.actionItemId,
      }),
    );
  });

  it("lets the mentor change only her own items", async () => {
    const { user, api } = renderPage(aSession({ myRole: "mentor", agenda: [{ ...MENTEE_ITEM, canEdit: false }, MENTOR_ITEM] }), {
      "PATCH /api/agenda-items/:id": ({ body }) => ({ ...MENTOR_ITEM, ...(body as object) }),
    });
    expect(await screen.findByText(/Votre mentoré·e prépare l’ordre du jour/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Modifier « Mon profil LinkedIn »" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Modifier « Publier un post »" }));
    const text = screen.getByDisplayValue("Publier un post");
    await user.clear(text);
    await user.type(text, "Publier deux posts");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() =>
      expect(api.calls("PATCH /api/agenda-items/:id")[0]).toMatchObject({
        params: { id: MENTOR_ITEM.id },
        body: { kind: "practice", text: "Publier deux posts", goalId: null },
      }),
    );
  });

  it("cancels with a reason my partner will read", async () => {
    const { user, api } = renderPage(aSession(), {
      "POST /api/sessions/:id/cancel": () => ({ id: SESSION_ID, status: "cancelled" }),
    });
    await user.click(await screen.findByRole("button", { name: "Annuler la séance" }));
    const dialog = screen.getByRole("dialog", { name: "Annuler la séance" });
    await user.click(within(dialog).getByRole("button", { name: "Annuler la séance" }));
    expect(within(dialog).getByText("Ce champ est obligatoire.")).toBeTruthy();
    await user.type(within(dialog).getByRole("textbox", { name: /Pourquoi/ }), "Comité de direction imprévu");
    await user.click(within(dialog).getByRole("button", { name: "Annuler la séance" }));
    await waitFor(() => expect(api.calls("POST /api/sessions/:id/cancel")[0]?.body).toEqual({ reason: "Comité de direction imprévu" }));
  });

  it("once started, asks whether it took place and opens my notes", async () => {
    vi.setSystemTime(new Date("2026-03-17T12:00:00Z"));
    const { user, api } = renderPage(aSession({ hasStarted: true }), {
      "POST /api/sessions/:id/outcome": ({ body }) => ({ id: SESSION_ID, ...(body as object) }),
    });
    expect(await screen.findByText("À confirmer : tenue ou manquée ?")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Séance tenue" }));
    await waitFor(() => expect(api.calls("POST /api/sessions/:id/outcome")[0]?.body).toEqual({ status: "held" }));
    await waitFor(() => expect(api.calls("GET /api/sessions/:id/notes")).toHaveLength(1));
  });

  it("shows a cancelled session with its reason and nothing to change", async () => {
    renderPage(
      aSession({ status: "cancelled", cancelReason: "Malade", canEditAgenda: false, agenda: [{ ...MENTEE_ITEM, canEdit: false }] }),
    );
    expect(await screen.findByText("Motif : Malade")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Déplacer" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Ajouter" })).toBeNull();
    expect(screen.getByText("La séance est passée ou annulée : son ordre du jour ne change plus.")).toBeTruthy();
  });

  it("says so when the session is not mine to see", async () => {
    renderPage(aSession(), { "GET /api/sessions/:id": () => apiError(403, "FORBIDDEN", "Vous n’avez pas accès à cette action.") });
    expect(await screen.findByText("Cette séance n’existe pas ou n’est pas celle de votre binôme.")).toBeTruthy();
  });
});
