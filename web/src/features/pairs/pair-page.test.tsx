import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { IntroSlots, Pair } from "../../../../contracts/pairs.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { PairPage } from "./pair-page.tsx";
import { aPair } from "./test-data.ts";

// The workspace's sections come from their own features (tested there): here, stand-ins that say which pair they got.
vi.mock("../sessions/index.ts", () => ({
  SessionsSection: ({ pair }: { pair: Pair }) => <section aria-label="Séances (stand-in)" data-pair={pair.id} />,
}));
vi.mock("../goals/index.ts", () => ({
  GoalsSection: ({ pair }: { pair: Pair }) => <section aria-label="Objectifs (stand-in)" data-pair={pair.id} />,
}));
vi.mock("../session-notes/index.ts", () => ({
  ResourcesSection: ({ pair }: { pair: Pair }) => <section aria-label="Ressources (stand-in)" data-pair={pair.id} />,
  LearningJournal: ({ pair }: { pair: Pair }) => <section aria-label="Journal de bord (stand-in)" data-pair={pair.id} />,
}));
vi.mock("../glossary/index.ts", () => ({ GlossaryButton: () => <button type="button">Glossaire (stand-in)</button> }));

// "Now" for the page (what is past, the date picker's range): 10 November 2026, inside the test programme
// (7 September 2026 – 5 March 2027). Only Date is faked: user-event's and Mantine's timers run as usual.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-10T10:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

const SECTIONS = ["Séances (stand-in)", "Objectifs (stand-in)", "Ressources (stand-in)", "Journal de bord (stand-in)"];

/** Three times proposed for the intro coffee, the first two in person, the last online (as a mixed answer would not be, but tells them apart). */
const SLOTS: IntroSlots = {
  items: [
    { startsAt: "2026-11-17T11:30:00.000Z", endsAt: "2026-11-17T12:00:00.000Z", mode: "in_person" },
    { startsAt: "2026-11-19T08:30:00.000Z", endsAt: "2026-11-19T09:00:00.000Z", mode: "in_person" },
    { startsAt: "2026-11-24T11:30:00.000Z", endsAt: "2026-11-24T12:00:00.000Z", mode: "online" },
  ],
  basis: "both",
  format: "both",
  timeZone: "Europe/Paris",
};

const ID = "00000000-0000-4000-8000-0000000000aa";

/** Serves `pair` until an action answers with the changed pair, which is then served. */
function renderPair(pair: Pair, routes: Parameters<typeof fakeApi>[0] = {}, slots: IntroSlots = SLOTS) {
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
  const api = fakeApi({ "GET /api/pairs/:id": () => current, "GET /api/pairs/:id/intro-slots": () => slots, ...changing });
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

    // Picked in my time zone (Paris, winter time), not the browser's (Kathmandu in the tests).
    await waitFor(() => expect(api.calls("PUT /api/pairs/:id/intro")).toHaveLength(1));
    expect(api.calls("PUT /api/pairs/:id/intro")[0]?.body).toEqual({ at: "2026-12-20T14:30:00+01:00", place: "Café du 2e étage" });
    expect(await screen.findByText("Prévu le dimanche 20 décembre 2026 à 14:30")).toBeTruthy();
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

  it("shows who my partner is and how to reach them, then the pair's sessions, goals and resources", async () => {
    renderPair(aPair({ state: "active", canStartSessions: true }));
    const card = await screen.findByRole("region", { name: "Votre mentor" });
    expect(within(card).getByText("Inès Haddad")).toBeTruthy();
    expect(within(card).getByText("Data analyst")).toBeTruthy();
    const email = within(card).getByRole("link", { name: "Écrire à Inès Haddad : ines.haddad@exemple.fr" });
    expect(email.getAttribute("href")).toBe("mailto:ines.haddad@exemple.fr");
    const details = Object.fromEntries(
      within(card)
        .getAllByRole("term")
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(details).toEqual({ "Adresse e-mail": "ines.haddad@exemple.fr", Service: "Data", Site: "Lyon" });
    // The glossary at hand, in the header.
    expect(screen.getByRole("button", { name: "Glossaire (stand-in)" })).toBeTruthy();
    // The workspace's sections, each given the pair, in this order, after the partner card.
    const regions = screen.getAllByRole("region").map((region) => region.getAttribute("aria-label") ?? region.textContent);
    const sections = SECTIONS.map((name) => screen.getByRole("region", { name }));
    for (const section of sections) expect(section.getAttribute("data-pair")).toBe("00000000-0000-4000-8000-0000000000aa");
    expect(regions.filter((name) => SECTIONS.includes(name ?? ""))).toEqual(SECTIONS);
    expect(card.compareDocumentPosition(sections[0] as Element) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Lower down: why we were matched and how to end the pair; the history is folded.
    expect(screen.getByRole("region", { name: "Pourquoi ce binôme" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Terminer le binôme" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Historique" }).getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByText("Vous pouvez commencer vos séances.")).toBeTruthy();
  });

  it("says what is not known of my partner, and keeps the workspace for the intro coffee until the pair runs", async () => {
    renderPair(aPair({ partner: { email: "ines.haddad@exemple.fr", jobTitle: null, department: null, site: null } }));
    const card = await screen.findByRole("region", { name: "Votre mentor" });
    expect(within(card).getByText("Poste non renseigné")).toBeTruthy();
    // The directory's department of the pair's people stands in for the contact's.
    expect(within(card).getByText("Data")).toBeTruthy();
    expect(within(card).getByText("Non renseigné")).toBeTruthy();
    expect(screen.getByRole("region", { name: "Le café de présentation" })).toBeTruthy();
    for (const name of SECTIONS) expect(screen.queryByRole("region", { name })).toBeNull();
  });

  it("keeps the workspace of a completed pair, without the actions of a running one", async () => {
    renderPair(
      aPair({
        state: "completed",
        history: [
          { fromState: null, toState: "intro", cause: "matching", reason: null, note: null, at: "2026-09-08T09:00:00.000Z" },
          { fromState: "intro", toState: "active", cause: "intro_confirmed", reason: null, note: null, at: "2026-09-15T09:00:00.000Z" },
          {
            fromState: "active",
            toState: "completed",
            cause: "completed_by_both",
            reason: null,
            note: null,
            at: "2027-03-01T09:00:00.000Z",
          },
        ],
      }),
    );
    expect(await screen.findByText("Binôme terminé")).toBeTruthy();
    for (const name of SECTIONS) expect(screen.getByRole("region", { name })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Votre mentor" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Terminer le binôme" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Arrêter le binôme" })).toBeNull();
  });

  it("fills the date and time from a proposed time in one click, and hints at a video link when it is online", async () => {
    const { user, api } = renderPair(aPair(), {
      "PUT /api/pairs/:id/intro": ({ body }) => aPair({ intro: { at: (body as { at: string }).at, place: "https://meet.exemple.fr/abc" } }),
    });
    const group = await screen.findByRole("group", { name: "Moments proposés" });
    expect(within(group).getAllByRole("button")).toHaveLength(3);
    expect(screen.getByText(/D’après les disponibilités que vous avez indiquées tous les deux/)).toBeTruthy();
    const online = within(group).getAllByRole("button")[2] as HTMLElement;
    expect(online.textContent).toMatch(/^mardi 24 novembre 2026/);
    expect(within(online).getByText("À distance")).toBeTruthy();
    await user.click(online);
    expect(online.getAttribute("aria-pressed")).toBe("true");
    // 11:30 UTC is 12:30 in Paris, my time zone (17:15 on the browser's clock, in Kathmandu).
    expect(online.textContent).toMatch(/^mardi 24 novembre 2026 à 12:30/);
    expect((screen.getByRole("textbox", { name: "Date" }) as HTMLInputElement).value).toBe("24/11/2026");
    expect((screen.getByRole("spinbutton", { name: "Heures" }) as HTMLInputElement).value).toBe("12");
    expect((screen.getByRole("spinbutton", { name: "Minutes" }) as HTMLInputElement).value).toBe("30");
    expect(screen.getByText("Le lien de visio : Teams, Meet ou Zoom.")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: /Lien de visio ou lieu/ }), "https://meet.exemple.fr/abc");
    await user.click(screen.getByRole("button", { name: "Enregistrer le café" }));

    await waitFor(() => expect(api.calls("PUT /api/pairs/:id/intro")).toHaveLength(1));
    const sent = api.calls("PUT /api/pairs/:id/intro")[0]?.body as { at: string; place: string };
    expect(new Date(sent.at).toISOString()).toBe(SLOTS.items[2]?.startsAt);
    expect(sent.place).toBe("https://meet.exemple.fr/abc");
  });

  it("shows the proposed times and reads the date and time picked in my own time zone", async () => {
    const { user, api } = renderPair(
      aPair({ intro: { at: "2026-11-17T17:30:00.000Z", place: "Café" } }),
      { "PUT /api/pairs/:id/intro": ({ body }) => aPair({ intro: { at: (body as { at: string }).at, place: "Café" } }) },
      { ...SLOTS, timeZone: "America/Montreal" },
    );
    // The coffee already set, on my clock in Montréal, and the zone named.
    expect(await screen.findByText("Prévu le mardi 17 novembre 2026 à 12:30")).toBeTruthy();
    expect(screen.getByText("Heure de votre fuseau : America/Montreal")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Déplacer le café" }));
    // The form starts from it, on the same clock.
    expect((screen.getByRole("textbox", { name: "Date" }) as HTMLInputElement).value).toBe("17/11/2026");
    expect((screen.getByRole("spinbutton", { name: "Heures" }) as HTMLInputElement).value).toBe("12");
    const group = screen.getByRole("group", { name: "Moments proposés" });
    // 08:30 UTC on 19 November: 03:30 in Montréal.
    expect((within(group).getAllByRole("button")[1] as HTMLElement).textContent).toMatch(/^jeudi 19 novembre 2026 à 03:30/);
    await user.clear(screen.getByRole("spinbutton", { name: "Heures" }));
    await user.type(screen.getByRole("spinbutton", { name: "Heures" }), "09");
    await user.click(screen.getByRole("button", { name: /^Enregistrer/ }));
    await waitFor(() => expect(api.calls("PUT /api/pairs/:id/intro")).toHaveLength(1));
    expect(api.calls("PUT /api/pairs/:id/intro")[0]?.body).toEqual({ at: "2026-11-17T09:30:00-05:00", place: "Café" });
  });

  it("refuses a moment already past before sending, and shows the server's refusal under the date", async () => {
    const { user, api } = renderPair(aPair(), {
      "PUT /api/pairs/:id/intro": () =>
        apiError(400, "VALIDATION_ERROR", "Certaines informations sont invalides.", [
          { path: "at", message: "Choisissez une date pendant le programme, du 7 septembre 2026 au 5 mars 2027." },
        ]),
    });
    const date = await screen.findByRole("textbox", { name: "Date" });
    await user.type(date, "10/11/2026");
    await user.type(screen.getByRole("spinbutton", { name: "Heures" }), "08");
    await user.type(screen.getByRole("spinbutton", { name: "Minutes" }), "00");
    await user.type(screen.getByRole("textbox", { name: /Lien de visio ou lieu/ }), "Café du 2e étage");
    await user.click(screen.getByRole("button", { name: "Enregistrer le café" }));
    expect(await screen.findByText("Ce moment est déjà passé : choisissez une date et une heure à venir.")).toBeTruthy();
    expect(api.calls("PUT /api/pairs/:id/intro")).toHaveLength(0);

    // A time the page lets through (the server knows better): its answer shows under the date.
    await user.click(within(await screen.findByRole("group", { name: "Moments proposés" })).getAllByRole("button")[0] as HTMLElement);
    await user.click(screen.getByRole("button", { name: "Enregistrer le café" }));
    expect(await screen.findByText("Choisissez une date pendant le programme, du 7 septembre 2026 au 5 mars 2027.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Date" }).getAttribute("aria-invalid")).toBe("true");
  });
});
