import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ActionItem, Resource } from "../../../../contracts/session-notes.ts";
import { apiError, type FakeHandler, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aPair, BRIGITTE, INES } from "../pairs/test-data.ts";
import { ResourcesSection } from "./resources-section.tsx";

const pair = aPair({ state: "active", canStartSessions: true });

const aResource = (overrides: Partial<Resource> = {}): Resource => ({
  id: "00000000-0000-4000-8000-0000000000d1",
  title: "Les bases de Zapier",
  url: "https://zapier.com/learn",
  addedBy: INES,
  createdAt: "2026-03-10T18:30:00.000Z",
  ...overrides,
});

const anOpenItem = (overrides: Partial<ActionItem> = {}): ActionItem => ({
  id: "00000000-0000-4000-8000-0000000000c1",
  sessionId: "00000000-0000-4000-8000-0000000000b1",
  sessionStartsAt: "2026-03-10T17:30:00.000Z",
  text: "Publier un post LinkedIn",
  owner: BRIGITTE,
  dueOn: "2026-03-20",
  doneAt: null,
  createdAt: "2026-03-10T18:30:00.000Z",
  ...overrides,
});

function renderSection(routes: Record<string, FakeHandler>) {
  const api = fakeApi({ "GET /api/pairs/:id/action-items": () => ({ items: [] }), ...routes });
  return { ...renderWithProviders(<ResourcesSection pair={pair} />), api };
}

describe("ResourcesSection", () => {
  it("lists the pair's resources as links that open apart, adds one and removes one", async () => {
    let resources = [aResource()];
    const { user, api } = renderSection({
      "GET /api/pairs/:id/resources": () => ({ items: resources }),
      "POST /api/pairs/:id/resources": ({ body }) => {
        const added = aResource({
          id: "00000000-0000-4000-8000-0000000000d2",
          ...(body as { title: string; url: string }),
          addedBy: BRIGITTE,
        });
        resources = [added, ...resources];
        return added;
      },
      "DELETE /api/resources/:id": ({ params }) => {
        resources = resources.filter((r) => r.id !== params.id);
        return new Response(null, { status: 204 });
      },
    });
    const link = await screen.findByRole("link", { name: "Les bases de Zapier" });
    expect(link.getAttribute("href")).toBe("https://zapier.com/learn");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toContain("noopener");
    expect(screen.getByText(/^Ajoutée par Inès Haddad le/)).toBeTruthy();

    await user.type(screen.getByRole("textbox", { name: "Titre" }), "Glossaire du numérique");
    await user.type(screen.getByRole("textbox", { name: "Lien" }), "https://exemple.fr/glossaire");
    await user.click(screen.getByRole("button", { name: "Ajouter la ressource" }));
    await waitFor(() =>
      expect(api.calls("POST /api/pairs/:id/resources")[0]?.body).toEqual({
        title: "Glossaire du numérique",
        url: "https://exemple.fr/glossaire",
      }),
    );
    expect(await screen.findByRole("link", { name: "Glossaire du numérique" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Retirer la ressource « Les bases de Zapier »" }));
    await waitFor(() => expect(screen.queryByRole("link", { name: "Les bases de Zapier" })).toBeNull());
    expect(api.calls("DELETE /api/resources/:id")[0]?.params.id).toBe("00000000-0000-4000-8000-0000000000d1");
  });

  it("refuses a link that is not http or https before sending it, and shows the server's field error", async () => {
    const { user, api } = renderSection({
      "GET /api/pairs/:id/resources": () => ({ items: [] }),
      "POST /api/pairs/:id/resources": () =>
        apiError(400, "VALIDATION_ERROR", "Certaines informations sont invalides.", [
          { path: "title", message: "Titre refusé par le serveur." },
        ]),
    });
    expect(await screen.findByText("Aucune ressource pour l’instant.")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Titre" }), "Script");
    await user.type(screen.getByRole("textbox", { name: "Lien" }), "javascript:alert(1)");
    await user.click(screen.getByRole("button", { name: "Ajouter la ressource" }));
    expect(await screen.findByText("Indiquez une adresse web commençant par http:// ou https://.")).toBeTruthy();
    expect(api.calls("POST /api/pairs/:id/resources")).toHaveLength(0);

    await user.clear(screen.getByRole("textbox", { name: "Lien" }));
    await user.type(screen.getByRole("textbox", { name: "Lien" }), "http://exemple.fr");
    await user.click(screen.getByRole("button", { name: "Ajouter la ressource" }));
    expect(await screen.findByText("Titre refusé par le serveur.")).toBeTruthy();
  });

  it("lists the pair's open action items, each with its done checkbox and its session's day in my time zone", async () => {
    let items = [
      anOpenItem(),
      // 21:00 on 10 March in Paris, my time zone; already the 11th in Kathmandu, the browser's.
      anOpenItem({
        id: "00000000-0000-4000-8000-0000000000c2",
        text: "Envoyer le tutoriel",
        owner: INES,
        dueOn: null,
        sessionStartsAt: "2026-03-10T20:00:00.000Z",
      }),
    ];
    const { user, api } = renderSection({
      "GET /api/pairs/:id/resources": () => ({ items: [] }),
      "GET /api/pairs/:id/sessions": () => ({ items: [], myTimeZone: "Europe/Paris" }),
      "GET /api/pairs/:id/action-items": ({ query }) => {
        expect(query.get("open")).toBe("true");
        return { items };
      },
      "PATCH /api/action-items/:id": ({ params }) => {
        const done = { ...(items.find((i) => i.id === params.id) as ActionItem), doneAt: "2026-03-11T08:00:00.000Z" };
        items = items.filter((i) => i.id !== params.id);
        return done;
      },
    });
    const first = await screen.findByRole("checkbox", { name: "Marquer « Publier un post LinkedIn » comme faite" });
    expect(screen.getByText(/^Moi · pour le 20 mars 2026/)).toBeTruthy();
    expect(await screen.findByText("Inès · Séance du 10 mars 2026")).toBeTruthy();
    await user.click(first);
    await waitFor(() =>
      expect(api.calls("PATCH /api/action-items/:id")[0]).toMatchObject({ params: { id: anOpenItem().id }, body: { isDone: true } }),
    );
    await waitFor(() => expect(screen.queryByRole("checkbox", { name: "Marquer « Publier un post LinkedIn » comme faite" })).toBeNull());
    expect(screen.getByRole("checkbox", { name: "Marquer « Envoyer le tutoriel » comme faite" })).toBeTruthy();
  });
});
