import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Proposal } from "../../../../contracts/pairs.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { ProposalsPage } from "./proposals-page.tsx";
import { aProposal } from "./test-data.ts";

function serve(initial: Proposal[], routes: Parameters<typeof fakeApi>[0] = {}) {
  const state = { items: initial };
  const api = fakeApi({ "GET /api/me/proposals": () => ({ items: state.items }), ...routes });
  return { api, state };
}

/** The table row that names `text` (its details row, when open, follows it). */
function rowWith(text: string | RegExp): HTMLElement {
  const row = screen.getAllByRole("row").find((candidate) => within(candidate).queryByText(text));
  if (!row) throw new Error(`No row with ${text}`);
  return row;
}

describe("ProposalsPage", () => {
  it("shows what a mentee asks, and accepts the proposal", async () => {
    const { api, state } = serve([aProposal()], {
      "POST /api/proposals/:id/accept": () => {
        state.items = [
          aProposal({ status: "accepted", pairId: "00000000-0000-4000-8000-0000000000aa", decidedAt: new Date().toISOString() }),
        ];
        return state.items[0];
      },
    });
    const { user } = renderWithProviders(<ProposalsPage />, { route: "/proposals" });

    const table = await screen.findByRole("table", { name: "Reçues" });
    expect(await within(table).findByText("Construire mes tableaux de bord dans Power BI")).toBeTruthy();
    expect(within(table).getByText(/Expire dans 3 jours/)).toBeTruthy();
    await user.click(within(table).getByRole("button", { name: "Accepter la proposition de Jean-Pierre Le Floch" }));

    await waitFor(() => expect(api.calls("POST /api/proposals/:id/accept")).toHaveLength(1));
    expect(await within(rowWith("Jean-Pierre Le Floch")).findByText("Acceptée")).toBeTruthy();
    expect(within(rowWith("Jean-Pierre Le Floch")).getByRole("link", { name: "Voir le binôme" }).getAttribute("href")).toBe(
      "/pairs/00000000-0000-4000-8000-0000000000aa",
    );
  });

  it("declines with a message the mentee will read", async () => {
    const { api } = serve([aProposal()], {
      "POST /api/proposals/:id/decline": ({ body }) =>
        aProposal({ status: "declined", declineReason: (body as { reason: string | null }).reason }),
    });
    const { user } = renderWithProviders(<ProposalsPage />, { route: "/proposals" });

    await user.click(await within(await screen.findByRole("table", { name: "Reçues" })).findByRole("button", { name: "Décliner" }));
    const dialog = screen.getByRole("dialog", { name: "Décliner la proposition de Jean-Pierre Le Floch" });
    expect(within(dialog).getByText(/Jean-Pierre lira ce message/)).toBeTruthy();
    await user.type(within(dialog).getByRole("textbox"), "  Plus de place ce trimestre  ");
    await user.click(within(dialog).getByRole("button", { name: "Décliner" }));
    await waitFor(() => expect(api.calls("POST /api/proposals/:id/decline")[0]?.body).toEqual({ reason: "Plus de place ce trimestre" }));
  });

  it("lets a mentee withdraw a proposal after confirming, and shows a mentor's answer", async () => {
    const sent = aProposal({ direction: "sent" });
    const declined = aProposal({
      id: "00000000-0000-4000-8000-0000000000c2",
      direction: "sent",
      mentor: { id: "00000000-0000-4000-8000-000000000033", firstName: "Noémie", lastName: "Ferreira", department: null },
      status: "declined",
      declineReason: "Je n’ai plus de place, voyez avec Camille.",
      decidedAt: new Date().toISOString(),
    });
    const { api } = serve([sent, declined], {
      "POST /api/proposals/:id/withdraw": () => ({ ...sent, status: "withdrawn" }),
    });
    const { user } = renderWithProviders(<ProposalsPage />, { route: "/proposals" });

    // Nothing received: the page opens on the proposals sent.
    const table = await screen.findByRole("table", { name: "Envoyées" });
    expect(within(table).getByText("Son message : Je n’ai plus de place, voyez avec Camille.")).toBeTruthy();
    expect(within(rowWith("Noémie Ferreira")).getByRole("link", { name: "Chercher un autre mentor" })).toBeTruthy();

    await user.click(within(rowWith("Inès Haddad")).getByRole("button", { name: "Retirer" }));
    const dialog = screen.getByRole("dialog", { name: "Retirer la proposition ?" });
    expect(api.calls("POST /api/proposals/:id/withdraw")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Retirer la proposition" }));
    await waitFor(() => expect(api.calls("POST /api/proposals/:id/withdraw")).toHaveLength(1));
  });

  it("says where proposals come from when there is none", async () => {
    serve([]);
    renderWithProviders(<ProposalsPage />, { route: "/proposals?tab=received" });
    expect(await screen.findByText(/Vous n’avez reçu aucune proposition/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Voir les programmes" }).getAttribute("href")).toBe("/programmes");
  });
});
