import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ActionItem, SessionNotes } from "../../../../contracts/session-notes.ts";
import { apiError, type FakeHandler, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aPair, BRIGITTE, INES } from "../pairs/test-data.ts";
import { SessionNotesPanel } from "./session-notes-panel.tsx";

const SESSION = "00000000-0000-4000-8000-0000000000b1";
const OTHER_SESSION = "00000000-0000-4000-8000-0000000000b2";
const HINT = "Tenez-vous-en aux faits, sans donnée sensible : la personne concernée peut les lire.";
const pair = aPair({ state: "active", canStartSessions: true });

const notes = (overrides: Partial<SessionNotes> = {}): SessionNotes => ({
  sessionId: SESSION,
  canWrite: true,
  whyClosed: null,
  mine: null,
  partner: null,
  ...overrides,
});

const anItem = (overrides: Partial<ActionItem> = {}): ActionItem => ({
  id: "00000000-0000-4000-8000-0000000000c1",
  sessionId: SESSION,
  sessionStartsAt: "2026-03-10T17:30:00.000Z",
  text: "Publier un post LinkedIn",
  owner: BRIGITTE,
  dueOn: "2026-03-20",
  doneAt: null,
  createdAt: "2026-03-10T18:30:00.000Z",
  ...overrides,
});

function renderPanel(routes: Record<string, FakeHandler>) {
  const api = fakeApi({ "GET /api/pairs/:id/action-items": () => ({ items: [] }), ...routes });
  return { ...renderWithProviders(<SessionNotesPanel pair={pair} sessionId={SESSION} />), api };
}

describe("SessionNotesPanel", () => {
  it("writes my notes and journal, each with the reminder to stay factual, and shares the notes only", async () => {
    const { user, api } = renderPanel({
      "GET /api/sessions/:id/notes": () => notes(),
      "PUT /api/sessions/:id/notes": ({ body }) =>
        notes({ mine: { ...(body as { notes: string; journal: string; isShared: boolean }), updatedAt: "2026-03-10T19:00:00.000Z" } }),
    });
    const myNotes = await screen.findByRole("textbox", { name: "Mes notes" });
    const journal = screen.getByRole("textbox", { name: "Mon journal de bord" });
    // The reminder is each field's description.
    expect(myNotes.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(myNotes.getAttribute("aria-describedby")?.split(" ")[0] ?? "")?.textContent).toBe(HINT);
    expect(document.getElementById(journal.getAttribute("aria-describedby")?.split(" ")[0] ?? "")?.textContent).toContain(HINT);
    expect(screen.getByText(/Votre journal de bord reste privé : Inès ne le lit jamais/)).toBeTruthy();
    expect(screen.getByText("Inès n’a pas partagé de notes pour cette séance.")).toBeTruthy();

    await user.type(myNotes, "Zapier : relance des devis automatisée.");
    await user.type(journal, "Un déclencheur, puis une action.");
    const share = screen.getByRole("switch", { name: /^Partager mes notes avec Inès/ });
    expect((share as HTMLInputElement).checked).toBe(false);
    await user.click(share);
    await user.click(screen.getByRole("button", { name: "Enregistrer mes notes" }));

    await waitFor(() => expect(api.calls("PUT /api/sessions/:id/notes")).toHaveLength(1));
    expect(api.calls("PUT /api/sessions/:id/notes")[0]).toMatchObject({
      params: { id: SESSION },
      body: { notes: "Zapier : relance des devis automatisée.", journal: "Un déclencheur, puis une action.", isShared: true },
    });
    expect(await screen.findByText(/^Enregistré le/)).toBeTruthy();
  });

  it("shows the notes my partner shared, read-only", async () => {
    renderPanel({
      "GET /api/sessions/:id/notes": () =>
        notes({
          mine: { notes: "Les miennes", journal: "Mon journal", isShared: false, updatedAt: "2026-03-10T19:00:00.000Z" },
          partner: { notes: "On a vu le CRUD et les KPI.", updatedAt: "2026-03-10T19:30:00.000Z" },
        }),
    });
    const shared = await screen.findByRole("region", { name: "Notes partagées par Inès" });
    expect(within(shared).getByText("On a vu le CRUD et les KPI.")).toBeTruthy();
    expect(within(shared).queryByRole("textbox")).toBeNull();
    expect((screen.getByRole("textbox", { name: "Mes notes" }) as HTMLTextAreaElement).value).toBe("Les miennes");
    expect((screen.getByRole("textbox", { name: "Mon journal de bord" }) as HTMLTextAreaElement).value).toBe("Mon journal");
  });

  it("waits for the session to begin, and says when it was cancelled", async () => {
    const first = renderPanel({ "GET /api/sessions/:id/notes": () => notes({ canWrite: false, whyClosed: "not_started" }) });
    expect(await screen.findByText(/une fois la séance commencée/)).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Mes notes" })).toBeNull();
    first.unmount();
    renderPanel({ "GET /api/sessions/:id/notes": () => notes({ canWrite: false, whyClosed: "cancelled" }) });
    expect(await screen.findByText(/Cette séance a été annulée/)).toBeTruthy();
  });

  it("shows the error of a refused save next to the field", async () => {
    const { user } = renderPanel({
      "GET /api/sessions/:id/notes": () => notes(),
      "PUT /api/sessions/:id/notes": () =>
        apiError(400, "VALIDATION_ERROR", "Certaines informations sont invalides.", [
          { path: "notes", message: "Au plus 10000 caractères." },
        ]),
    });
    await user.type(await screen.findByRole("textbox", { name: "Mes notes" }), "Trop long");
    await user.click(screen.getByRole("button", { name: "Enregistrer mes notes" }));
    expect(await screen.findByText("Au plus 10000 caractères.")).toBeTruthy();
  });

  it("lists this session's action items: done, owner, due date, delete; and adds one for my partner", async () => {
    let items = [anItem(), anItem({ id: "00000000-0000-4000-8000-0000000000c2", sessionId: OTHER_SESSION, text: "D’une autre séance" })];
    const { user, api } = renderPanel({
      "GET /api/sessions/:id/notes": () => notes(),
      "GET /api/pairs/:id/action-items": () => ({ items }),
      "PATCH /api/action-items/:id": ({ params, body }) => {
        const changed = body as { isDone?: boolean; ownerPersonId?: string };
        items = items.map((item) =>
          item.id === params.id
            ? {
                ...item,
                ...(changed.isDone !== undefined && { doneAt: changed.isDone ? "2026-03-11T08:00:00.000Z" : null }),
                ...(changed.ownerPersonId && { owner: changed.ownerPersonId === INES.id ? INES : BRIGITTE }),
              }
            : item,
        );
        return items.find((item) => item.id === params.id);
      },
      "DELETE /api/action-items/:id": ({ params }) => {
        items = items.filter((item) => item.id !== params.id);
        return new Response(null, { status: 204 });
      },
      "POST /api/sessions/:id/action-items": ({ body }) => {
        const created = anItem({
          id: "00000000-0000-4000-8000-0000000000c3",
          text: (body as { text: string }).text,
          owner: INES,
          dueOn: null,
        });
        items = [...items, created];
        return created;
      },
    });
    const done = await screen.findByRole("checkbox", { name: "Marquer « Publier un post LinkedIn » comme faite" });
    expect(screen.queryByText("D’une autre séance")).toBeNull();
    await user.click(done);
    await waitFor(() => expect(api.calls("PATCH /api/action-items/:id")[0]?.body).toEqual({ isDone: true }));
    await waitFor(() => expect((done as HTMLInputElement).checked).toBe(true));

    await user.selectOptions(screen.getByRole("combobox", { name: "Qui se charge de « Publier un post LinkedIn »" }), INES.id);
    await waitFor(() => expect(api.calls("PATCH /api/action-items/:id")[1]?.body).toEqual({ ownerPersonId: INES.id }));

    // Add one for Inès, no due date.
    // The privacy hint beside the action's text, as beside every note-like field.
    await user.type(screen.getByRole("textbox", { name: "Action", description: HINT }), "Envoyer le tutoriel");
    await user.selectOptions(screen.getByRole("combobox", { name: "Qui s’en charge" }), "Inès Haddad");
    await user.click(screen.getByRole("button", { name: "Ajouter l’action" }));
    await waitFor(() =>
      expect(api.calls("POST /api/sessions/:id/action-items")[0]?.body).toEqual({
        text: "Envoyer le tutoriel",
        ownerPersonId: INES.id,
        dueOn: null,
      }),
    );
    expect(await screen.findByRole("checkbox", { name: "Marquer « Envoyer le tutoriel » comme faite" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Supprimer l’action « Publier un post LinkedIn »" }));
    await waitFor(() => expect(api.calls("DELETE /api/action-items/:id")[0]?.params.id).toBe("00000000-0000-4000-8000-0000000000c1"));
    await waitFor(() => expect(screen.queryByRole("checkbox", { name: "Marquer « Publier un post LinkedIn » comme faite" })).toBeNull());
  });

  it("refuses an action item without text before sending it", async () => {
    const { user, api } = renderPanel({ "GET /api/sessions/:id/notes": () => notes() });
    await user.click(await screen.findByRole("button", { name: "Ajouter l’action" }));
    expect(await screen.findByText("Ce champ est obligatoire.")).toBeTruthy();
    expect(api.calls("POST /api/sessions/:id/action-items")).toHaveLength(0);
  });
});
