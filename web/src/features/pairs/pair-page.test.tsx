import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Pair } from "../../../../contracts/pairs.ts";
import dayjs from "../../lib/dayjs.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { PairPage } from "./pair-page.tsx";
import { aPair } from "./test-data.ts";

const ID = "00000000-0000-4000-8000-0000000000aa";

/** Serves `pair` until an action answers with the changed pair, which is then served. */
function renderPair(pair: Pair, routes: Parameters<typeof fakeApi>[0] = {}) {
  let current = pair;
  const changing = Object.fromEntries(
    Object.entries(routes).map(([route, handler]) => [
      route,
      async (request: Parameters<typeof handler>[0]) => {
        const answer = await handler(request);
        if (answer && typeof answer === "object" && "history" in answer) current = answer as Pair;
        return answer;
      },
    ]),
  );
  const api = fakeApi({ "GET /api/pairs/:id": () => current, ...changing });
  const rendered = renderWithProviders(<PairPage />, { route: `/pairs/${ID}`, path: "/pairs/:id" });
  return { ...rendered, api };
}

describe("PairPage", () => {
  it("schedules the intro coffee with a date written the French way", async () => {
    const { user, api } = renderPair(aPair(), {
      "PUT /api/pairs/:id/intro": ({ body }) => aPair({ intro: { at: (body as { at: string }).at, place: "Café du 2e étage" } }),
    });
    const date = await screen.findByRole("textbox", { name: "Date" });
    await user.type(date, "20/12/2026");
    await user.type(screen.getByRole("spinbutton", { name: "Heures" }), "14");
    await user.type(screen.getByRole("spinbutton", { name: "Minutes" }), "30");
    await user.type(screen.getByRole("textbox", { name: /Lien de visio ou lieu/ }), "Café du 2e étage");
    await user.click(screen.getByRole("button", { name: "Enregistrer le café" }));

    await waitFor(() => expect(api.calls("PUT /api/pairs/:id/intro")).toHaveLength(1));
    expect(api.calls("PUT /api/pairs/:id/intro")[0]?.body).toEqual({ at: dayjs("2026-12-20T14:30").format(), place: "Café du 2e étage" });
    expect(await screen.findByText(/^Prévu le dimanche 20 décembre 2026/)).toBeTruthy();
  });

  it("says the pair is not a fit with an optional reason for the managers", async () => {
    const { user, api } = renderPair(aPair(), {
      "POST /api/pairs/:id/intro-answer": () => aPair({ state: "not_a_fit" }),
    });
    await user.click(await screen.findByRole("button", { name: "Ce n’est pas le bon binôme" }));
    const dialog = screen.getByRole("dialog", { name: "Ce n’est pas le bon binôme" });
    expect(within(dialog).getByText(/jamais par Inès/)).toBeTruthy();
    await user.type(within(dialog).getByRole("textbox", { name: "Pourquoi ? (facultatif)" }), "Nos horaires ne collent pas");
    await user.click(within(dialog).getByRole("button", { name: "Confirmer" }));

    await waitFor(() =>
      expect(api.calls("POST /api/pairs/:id/intro-answer")[0]?.body).toEqual({ isFit: false, reason: "Nos horaires ne collent pas" }),
    );
    expect(await screen.findByText("Ce n’était pas le bon binôme")).toBeTruthy();
  });

  it("ends a running pair only with a reason", async () => {
    const { user, api } = renderPair(aPair({ state: "active" }), {
      "POST /api/pairs/:id/end": () => ({ state: "ended_early" }),
    });
    await user.click(await screen.findByRole("button", { name: "Arrêter le binôme" }));
    const dialog = screen.getByRole("dialog", { name: "Arrêter le binôme" });
    await user.click(within(dialog).getByRole("button", { name: "Arrêter le binôme" }));
    expect(within(dialog).getByText("Ce champ est obligatoire.")).toBeTruthy();
    expect(api.calls("POST /api/pairs/:id/end")).toHaveLength(0);

    await user.click(within(dialog).getByRole("radio", { name: "Manque de temps" }));
    await user.click(within(dialog).getByRole("button", { name: "Arrêter le binôme" }));
    await waitFor(() => expect(api.calls("POST /api/pairs/:id/end")[0]?.body).toEqual({ reason: "no_time", note: null }));
  });

  it("says why a closed pair ended", async () => {
    renderPair(
      aPair({
        state: "ended_early",
        history: [
          { fromState: null, toState: "intro", cause: "matching", reason: null, note: null, at: "2026-11-02T09:00:00.000Z" },
          { fromState: "intro", toState: "active", cause: "intro_confirmed", reason: null, note: null, at: "2026-11-09T09:00:00.000Z" },
          {
            fromState: "active",
            toState: "ended_early",
            cause: "ended_early",
            reason: "left_company",
            note: null,
            at: "2026-12-01T09:00:00.000Z",
          },
        ],
      }),
    );
    expect(await screen.findByText("Ce binôme a été arrêté avant la fin du programme. Motif : Départ de l’entreprise.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Arrêter le binôme" })).toBeNull();
  });
});
