import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ManagedPairDetail, RematchOptions } from "../../../../contracts/pairs.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { PairDetailPage } from "./pair-detail-page.tsx";
import { BERNARD, INES, PROGRAMME_ID, SYLVIE, YANIS } from "./test-data.ts";

const PAIR_ID = "00000000-0000-4000-8000-0000000000b1";
const NEW_PAIR_ID = "00000000-0000-4000-8000-0000000000b2";
const END_NOTE = "Ils ne trouvent aucun créneau commun";

function aManagedPair(overrides: Partial<ManagedPairDetail> = {}): ManagedPairDetail {
  return {
    id: PAIR_ID,
    state: "active",
    origin: "matching",
    mentor: INES,
    mentee: BERNARD,
    score: 0.72,
    introAt: "2026-03-12T11:30:00.000Z",
    introAnswers: [
      { role: "mentor", isFit: true, reason: null, answeredAt: "2026-03-12T13:00:00.000Z" },
      { role: "mentee", isFit: true, reason: null, answeredAt: "2026-03-12T14:00:00.000Z" },
    ],
    endReason: null,
    history: [
      { fromState: null, toState: "intro", cause: "matching", reason: null, note: null, at: "2026-03-02T09:00:00.000Z" },
      { fromState: "intro", toState: "active", cause: "intro_confirmed", reason: null, note: null, at: "2026-03-12T14:00:00.000Z" },
    ],
    createdAt: "2026-03-02T09:00:00.000Z",
    updatedAt: "2026-03-12T14:00:00.000Z",
    programme: { id: PROGRAMME_ID, name: "Pilote mentorat inversé", phase: "running" },
    activity: {
      sessions: {
        scheduled: 2,
        held: 3,
        missed: 1,
        cancelled: 0,
        lastHeldAt: "2026-04-21T16:30:00.000Z",
        nextAt: "2026-05-05T16:30:00.000Z",
      },
      goals: { byStatus: { not_started: 1, in_progress: 2, achieved: 1, dropped: 0 }, signedOff: 1 },
      notes: { notesWritten: 4, actionItemsOpen: 2, actionItemsDone: 5, resources: 3 },
    },
    ...overrides,
  };
}

const options = (overrides: Partial<RematchOptions> = {}): RematchOptions => ({
  person: BERNARD,
  role: "mentee",
  isFree: true,
  blockedBy: null,
  items: [
    { person: { ...YANIS, jobTitle: "Chargé de communication", site: "Lyon" }, role: "mentor", score: 0.81, placesLeft: 2 },
    { person: { ...SYLVIE, jobTitle: null, site: null }, role: "mentor", score: 0.55, placesLeft: 1 },
  ],
  ...overrides,
});

function renderPair(pair: ManagedPairDetail, routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ "GET /api/programmes/:id/pairs/:pairId": () => pair, ...routes });
  const rendered = renderWithProviders(<PairDetailPage />, {
    route: `/programmes/${PROGRAMME_ID}/pairs/${PAIR_ID}`,
    path: "/programmes/:id/pairs/:pairId",
  });
  return { ...rendered, api };
}

describe("PairDetailPage", () => {
  it("shows the pair's activity as counts and dates, says its contents stay private, and its history with the managers' notes", async () => {
    renderPair(
      aManagedPair({
        state: "ended_early",
        endReason: "no_time",
        history: [
          ...aManagedPair().history,
          {
            fromState: "active",
            toState: "ended_early",
            cause: "ended_early",
            reason: "no_time",
            note: END_NOTE,
            at: "2026-05-01T09:00:00.000Z",
          },
        ],
      }),
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Inès Haddad et Bernard Petit" })).toBeTruthy();
    expect(screen.getByText("Le contenu des séances, objectifs et notes reste privé au binôme.")).toBeTruthy();
    // In Paris time, named (the browser's zone, Kathmandu in the tests, would say 22:15).
    expect(screen.getByText(/Dernière séance tenue le mardi 21 avril 2026 à 18:30\./)).toBeTruthy();
    expect(screen.getByText(/Prochaine séance le mardi 5 mai 2026 à 18:30\. Heures de Paris \(Europe\/Paris\)\./)).toBeTruthy();
    const activity = screen.getByRole("region", { name: "Activité du binôme" });
    for (const [label, value] of [
      ["Tenues", "3"],
      ["Manquées", "1"],
      ["Prévues", "2"],
      ["En cours", "2"],
      ["Notes écrites", "4"],
      ["Actions faites", "5"],
      ["Ressources", "3"],
    ] as const)
      expect(within(activity).getByText(label).previousElementSibling?.textContent).toBe(value);
    expect(within(activity).getByText("1 objectif atteint confirmé par l’autre personne du binôme.")).toBeTruthy();
    const history = screen.getByRole("region", { name: "Historique" });
    expect(within(history).getByText("Formé par l’appariement du programme")).toBeTruthy();
    expect(within(history).getByText("Motif : Manque de temps")).toBeTruthy();
    expect(within(history).getByText(`Note : « ${END_NOTE} »`)).toBeTruthy();
    // A closed pair: nothing left to complete or end; its people may be paired again.
    expect(screen.queryByRole("button", { name: "Terminer le binôme" })).toBeNull();
    expect(screen.getByRole("button", { name: "Nouveau binôme pour Bernard Petit" })).toBeTruthy();
  });

  it("completes a running pair after a confirmation", async () => {
    const { user, api } = renderPair(aManagedPair(), { "POST /api/pairs/:id/complete": () => ({ state: "completed" }) });
    await user.click(await screen.findByRole("button", { name: "Terminer le binôme" }));
    const dialog = screen.getByRole("dialog", { name: "Terminer le binôme" });
    await user.click(within(dialog).getByRole("button", { name: "Terminer le binôme" }));
    await waitFor(() => expect(api.calls("POST /api/pairs/:id/complete")).toHaveLength(1));
    expect(api.calls("POST /api/pairs/:id/complete")[0]?.params.id).toBe(PAIR_ID);
  });

  it("ends an open pair with a reason and a note before pairing one of its people again, then forms the chosen pair", async () => {
    const { user, api, location } = renderPair(aManagedPair(), {
      "POST /api/pairs/:id/end": () => ({ state: "ended_early" }),
      "GET /api/programmes/:id/pairs/:pairId/rematch-options": () => options(),
      "POST /api/programmes/:id/pairs": () => aManagedPair({ id: NEW_PAIR_ID, state: "intro", origin: "manual", mentor: YANIS }),
    });
    await user.click(await screen.findByRole("button", { name: "Nouveau binôme pour Bernard Petit" }));
    const ending = screen.getByRole("dialog", { name: "Arrêter ce binôme pour réapparier Bernard Petit" });
    await user.click(within(ending).getByRole("button", { name: "Arrêter et choisir" }));
    expect(within(ending).getByText("Ce champ est obligatoire.")).toBeTruthy();
    await user.click(within(ending).getByRole("radio", { name: "Pas le bon binôme" }));
    await user.type(within(ending).getByRole("textbox", { name: "Note (facultative)" }), END_NOTE);
    await user.click(within(ending).getByRole("button", { name: "Arrêter et choisir" }));
    await waitFor(() => expect(api.calls("POST /api/pairs/:id/end")[0]?.body).toEqual({ reason: "not_a_fit", note: END_NOTE }));

    const choosing = await screen.findByRole("dialog", { name: "Nouveau binôme pour Bernard Petit" });
    expect(api.calls("GET /api/programmes/:id/pairs/:pairId/rematch-options")[0]?.query.get("person")).toBe(BERNARD.id);
    expect(await within(choosing).findByText("Chargé de communication · Ventes · Lyon")).toBeTruthy();
    expect(within(choosing).getByText("2 places libres")).toBeTruthy();
    const confirm = within(choosing).getByRole("button", { name: "Former le binôme" });
    expect(confirm.hasAttribute("disabled")).toBe(true);
    await user.click(within(choosing).getByRole("radio", { name: /Yanis Morel/ }));
    await user.click(confirm);
    await waitFor(() => expect(api.calls("POST /api/programmes/:id/pairs")[0]?.body).toEqual({ mentorId: YANIS.id, menteeId: BERNARD.id }));
    await waitFor(() => expect(location().pathname).toBe(`/programmes/${PROGRAMME_ID}/pairs/${NEW_PAIR_ID}`));
  });

  it("says why a person may not be paired again, and shows the API's refusal", async () => {
    const { user } = renderPair(aManagedPair({ state: "not_a_fit" }), {
      "GET /api/programmes/:id/pairs/:pairId/rematch-options": ({ query }) =>
        query.get("person") === INES.id
          ? options({ person: INES, role: "mentor", isFree: false, blockedBy: "mentor_full", items: [] })
          : options(),
      "POST /api/programmes/:id/pairs": () =>
        apiError(409, "HAS_OPEN_PAIR", "Cette personne fait partie d’un binôme en cours : terminez-le d’abord."),
    });
    await user.click(await screen.findByRole("button", { name: "Nouveau binôme pour Inès Haddad" }));
    expect(await screen.findByText("Inès Haddad n’a plus de place de mentor dans ce programme.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await user.click(screen.getByRole("button", { name: "Nouveau binôme pour Bernard Petit" }));
    const choosing = await screen.findByRole("dialog", { name: "Nouveau binôme pour Bernard Petit" });
    await user.click(await within(choosing).findByRole("radio", { name: /Sylvie Roux/ }));
    await user.click(within(choosing).getByRole("button", { name: "Former le binôme" }));
    expect(await within(choosing).findByText("Cette personne fait partie d’un binôme en cours : terminez-le d’abord.")).toBeTruthy();
  });

  it("answers an unknown pair with a message", async () => {
    fakeApi({ "GET /api/programmes/:id/pairs/:pairId": () => apiError(404, "NOT_FOUND", "Introuvable") });
    renderWithProviders(<PairDetailPage />, {
      route: `/programmes/${PROGRAMME_ID}/pairs/${PAIR_ID}`,
      path: "/programmes/:id/pairs/:pairId",
    });
    expect(await screen.findByText("Ce binôme n’existe pas dans ce programme.")).toBeTruthy();
  });
});
