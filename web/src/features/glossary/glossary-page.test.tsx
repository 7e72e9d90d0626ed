import { notifications } from "@mantine/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Me, Role } from "../../../../contracts/accounts.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { CurrentUserContext } from "../auth/index.ts";
import { GlossaryPage } from "./glossary-page.tsx";
import { aTerm, GLOSSARY, list } from "./test-data.ts";

const CATALOGUE = {
  categories: [{ id: "data", family: "digital", label: { fr: "Données", en: "Data" }, position: 0, isCustom: false }],
  skills: [
    {
      id: "crud_sql",
      family: "digital",
      categoryId: "data",
      label: { fr: "Bases de données, CRUD et SQL", en: "Databases, CRUD and SQL" },
      description: { fr: "", en: "" },
      synonyms: { fr: [], en: [] },
      customSynonyms: [],
      digcomp: [],
      entrecomp: [],
      isCustom: false,
      isArchived: false,
    },
  ],
};

function renderPage(roles: Role[], routes: Parameters<typeof fakeApi>[0], route = "/glossary") {
  const me = { id: "8c0f4a52-5a0e-4a43-9f4b-000000000001", email: "lea@exemple.fr", displayName: "Léa", locale: "fr", roles } as Me;
  const api = fakeApi({ "GET /api/skills": () => CATALOGUE, ...routes });
  const rendered = renderWithProviders(
    <CurrentUserContext.Provider value={me}>
      <GlossaryPage />
    </CurrentUserContext.Provider>,
    { route },
  );
  return { ...rendered, api };
}

describe("GlossaryPage", () => {
  it("searches the glossary: the search goes to the API and into the address", async () => {
    const { user, api, location } = renderPage(["participant"], {
      "GET /api/glossary": ({ query }) => list(query.get("q") === "crud" ? [GLOSSARY[0] as never] : GLOSSARY),
    });
    expect(await screen.findByText("4 termes")).toBeTruthy();
    await user.type(screen.getByRole("searchbox", { name: "Rechercher" }), "crud");
    await waitFor(() => expect(api.calls("GET /api/glossary").at(-1)?.query.get("q")).toBe("crud"));
    expect(await screen.findByText("Un terme")).toBeTruthy();
    const card = screen.getByRole("article", { name: "CRUD" });
    expect(within(card).getByText("Bases de données, CRUD et SQL")).toBeTruthy();
    expect(within(card).getByText("Le fichier clients est un simple CRUD.")).toBeTruthy();
    expect(location().search).toBe("?q=crud");
    // Participants do not review.
    expect(within(card).queryByRole("button", { name: /Approuver/ })).toBeNull();
    expect(screen.getByRole("tab", { name: "Mes propositions" })).toBeTruthy();
  });

  it("proposes a term, with the API's field errors next to the fields", async () => {
    const shown = vi.spyOn(notifications, "show");
    let attempts = 0;
    const { user, api } = renderPage(["participant"], {
      "GET /api/glossary": () => list(GLOSSARY),
      "POST /api/glossary": ({ body }) =>
        ++attempts === 1
          ? apiError(409, "GLOSSARY_TERM_EXISTS", "Le glossaire contient déjà le terme « crud ».", [
              { path: "term", message: "Le glossaire contient déjà le terme « crud »." },
            ])
          : aTerm({ ...(body as object), status: "proposed", isMine: true }),
    });
    await user.click(await screen.findByRole("button", { name: "Proposer un terme" }));
    const dialog = await screen.findByRole("dialog", { name: "Proposer un terme" });
    await user.click(within(dialog).getByRole("button", { name: "Envoyer la proposition" }));
    expect(within(dialog).getByText("Ce champ est obligatoire.")).toBeTruthy();
    expect(within(dialog).getByText("Écrivez la définition en français, en anglais ou dans les deux langues.")).toBeTruthy();
    expect(api.calls("POST /api/glossary")).toHaveLength(0);

    await user.type(within(dialog).getByRole("textbox", { name: /^Terme/ }), "crud");
    await user.type(within(dialog).getByRole("textbox", { name: "Définition en français" }), "Les quatre opérations.");
    await user.click(within(dialog).getByRole("button", { name: "Envoyer la proposition" }));
    expect((await within(dialog).findAllByText("Le glossaire contient déjà le terme « crud ».")).length).toBeGreaterThan(0);

    await user.clear(within(dialog).getByRole("textbox", { name: /^Terme/ }));
    await user.type(within(dialog).getByRole("textbox", { name: /^Terme/ }), "KPI");
    await user.click(within(dialog).getByRole("button", { name: "Envoyer la proposition" }));
    await waitFor(() => expect(api.calls("POST /api/glossary")).toHaveLength(2));
    expect(api.calls("POST /api/glossary")[1]?.body).toEqual({
      term: "KPI",
      definition: { fr: "Les quatre opérations.", en: "" },
      example: { fr: "", en: "" },
      skillIds: [],
    });
    await waitFor(() =>
      expect(shown).toHaveBeenCalledWith(
        expect.objectContaining({ message: expect.stringContaining("« KPI » sera relu par un responsable de programme") }),
      ),
    );
  });

  it("gives managers the terms to review, with their count, to approve or reject", async () => {
    const waiting = aTerm({
      term: "Jargon maison",
      status: "proposed",
      isSeeded: false,
      proposedBy: { personId: "00000000-0000-4000-8000-0000000000b1", name: "Omar Test" },
    });
    const shown = vi.spyOn(notifications, "show");
    const { user, api } = renderPage(
      ["manager"],
      {
        "GET /api/glossary": ({ query }) => (query.get("status") === "proposed" ? list([waiting], 1) : list(GLOSSARY, 1)),
        "POST /api/glossary/:id/approve": () => ({ ...waiting, status: "approved" }),
      },
      "/glossary?status=proposed",
    );
    const tab = await screen.findByRole("tab", { name: /À valider/ });
    expect(tab.getAttribute("aria-selected")).toBe("true");
    const card = await screen.findByRole("article", { name: "Jargon maison" });
    expect(within(card).getByText("Proposé par Omar Test")).toBeTruthy();
    expect(within(card).getByText("À valider")).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "Approuver « Jargon maison »" }));
    await waitFor(() => expect(api.calls("POST /api/glossary/:id/approve")[0]?.params.id).toBe(waiting.id));
    await waitFor(() =>
      expect(shown).toHaveBeenCalledWith(expect.objectContaining({ message: "« Jargon maison » est publié dans le glossaire." })),
    );
  });
});
