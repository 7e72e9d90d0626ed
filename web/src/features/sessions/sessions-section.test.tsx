import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Pair } from "../../../../contracts/pairs.ts";
import type { PairSession, SessionProposals } from "../../../../contracts/sessions.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aPair } from "../pairs/test-data.ts";
import { SessionsSection } from "./sessions-section.tsx";
import { aListedSession, PAIR_ID } from "./test-data.ts";

const PROPOSALS: SessionProposals = {
  items: [
    { startsAt: "2026-03-24T11:30:00.000Z", endsAt: "2026-03-24T12:15:00.000Z" },
    { startsAt: "2026-03-26T08:30:00.000Z", endsAt: "2026-03-26T09:15:00.000Z" },
    { startsAt: "2026-03-31T10:30:00.000Z", endsAt: "2026-03-31T11:15:00.000Z" },
  ],
  basis: "both",
  timeZone: "Europe/Paris",
  format: "both",
  minutes: 45,
};

const ready = (overrides: Partial<Pair> = {}) => aPair({ state: "active", canStartSessions: true, ...overrides });

function renderSection(pair: Pair, items: PairSession[], routes: Parameters<typeof fakeApi>[0] = {}, myTimeZone = "Europe/Paris") {
  const api = fakeApi({
    "GET /api/pairs/:id/sessions": () => ({ items, myTimeZone }),
    "GET /api/pairs/:id/session-proposals": () => PROPOSALS,
    ...routes,
  });
  return { ...renderWithProviders(<SessionsSection pair={pair} />), api };
}

// The tests run under TZ=Asia/Kathmandu: every time shown must be the person's zone's, not the machine's.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-03-10T09:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("SessionsSection", () => {
  it("explains why sessions have not started and offers nothing", async () => {
    const { api } = renderSection(aPair({ state: "active", canStartSessions: false }), []);
    expect(screen.getByText(/Les séances commencent quand vous avez tous les deux terminé votre préparation/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Programmer une séance" })).toBeNull();
    renderSection(aPair({ state: "intro" }), []);
    expect(screen.getByText(/Les séances commencent après le café de présentation/)).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it("shows the next session in my time zone with its agenda's deadline, and the past ones", async () => {
    renderSection(ready(), [
      aListedSession({ id: "p1", startsAt: "2026-03-03T11:30:00.000Z", endsAt: "2026-03-03T12:15:00.000Z", status: "held", number: 1 }),
      aListedSession({ number: 2 }),
      aListedSession({ id: "c1", startsAt: "2026-03-24T11:30:00.000Z", status: "scheduled", number: 3, agendaCount: 2 }),
    ]);
    const next = (await screen.findByText("Prochaine séance · Séance n° 2")).closest("div") as HTMLElement;
    expect(within(next).getByText("mardi 17 mars 2026 à 12:30 – 13:15")).toBeTruthy();
    expect(within(next).getByText("Ordre du jour à préparer avant le dimanche 15 mars 2026 à 12:30.")).toBeTruthy();
    expect(within(next).getByRole("link", { name: "https://visio.example.com/binome" })).toBeTruthy();
    expect(within(next).getByRole("link", { name: "Ouvrir la séance" }).getAttribute("href")).toBe(
      `/pairs/${PAIR_ID}/sessions/00000000-0000-4000-8000-0000000000b1`,
    );
    const upcoming = screen.getByRole("table", { name: "À venir" });
    expect(within(upcoming).getByRole("link", { name: "24 mars 2026, 12:30" })).toBeTruthy();
    const past = screen.getByRole("table", { name: "Séances passées" });
    expect(within(past).getByText("Tenue")).toBeTruthy();
    expect(within(past).getByRole("link", { name: "3 mars 2026, 12:30" }).getAttribute("href")).toBe(`/pairs/${PAIR_ID}/sessions/p1`);
  });

  it("warns when the agenda is still empty after its deadline, and shows times in my own zone", async () => {
    vi.setSystemTime(new Date("2026-03-16T09:00:00Z"));
    renderSection(ready(), [aListedSession()], {}, "America/Montreal");
    expect(await screen.findByText("mardi 17 mars 2026 à 07:30 – 08:15")).toBeTruthy();
    expect(
      screen.getByText("L’ordre du jour est encore vide alors qu’il était attendu avant le dimanche 15 mars 2026 à 07:30."),
    ).toBeTruthy();
  });

  it("schedules one of the proposed times", async () => {
    const { user, api } = renderSection(ready(), [], {
      "POST /api/pairs/:id/sessions": ({ body }) => aListedSession(body as Partial<PairSession>),
    });
    expect(await screen.findByText("Aucune séance n’est prévue pour l’instant.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Programmer une séance" }));
    const dialog = await screen.findByRole("dialog", { name: "Programmer une séance" });
    expect(await within(dialog).findByText(/Créneaux où vous êtes disponibles tous les deux/)).toBeTruthy();
    await user.click(within(dialog).getByRole("radio", { name: "jeudi 26 mars 2026 à 09:30 – 10:15" }));
    await user.type(within(dialog).getByRole("textbox", { name: /Lien de la visio/ }), "https://teams.example.com/l/42");
    await user.click(within(dialog).getByRole("button", { name: "Programmer la séance" }));
    await waitFor(() =>
      expect(api.calls("POST /api/pairs/:id/sessions")[0]?.body).toEqual({
        startsAt: "2026-03-26T08:30:00.000Z",
        mode: "online",
        location: "https://teams.example.com/l/42",
      }),
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("schedules another time, read in my zone with its summer-time offset, in person; the server's refusal shows by the date", async () => {
    let refuse = true;
    const { user, api } = renderSection(ready(), [], {
      "POST /api/pairs/:id/sessions": () =>
        refuse
          ? apiError(400, "VALIDATION_ERROR", "Certaines informations sont invalides.", [
              { path: "startsAt", message: "Votre binôme a déjà une séance prévue sur ce créneau." },
            ])
          : aListedSession(),
    });
    await user.click(await screen.findByRole("button", { name: "Programmer une séance" }));
    const dialog = await screen.findByRole("dialog", { name: "Programmer une séance" });
    await user.click(await within(dialog).findByRole("radio", { name: "Un autre moment" }));
    await user.type(within(dialog).getByRole("textbox", { name: "Date" }), "30/03/2026");
    await user.type(within(dialog).getByRole("spinbutton", { name: "Heures" }), "18");
    await user.type(within(dialog).getByRole("spinbutton", { name: "Minutes" }), "30");
    await user.click(within(dialog).getByRole("radio", { name: "En présentiel" }));
    await user.type(within(dialog).getByRole("textbox", { name: /Lieu/ }), "Salle Jaune");
    await user.click(within(dialog).getByRole("button", { name: "Programmer la séance" }));
    expect(await within(dialog).findByText("Votre binôme a déjà une séance prévue sur ce créneau.")).toBeTruthy();
    expect(api.calls("POST /api/pairs/:id/sessions")[0]?.body).toEqual({
      startsAt: "2026-03-30T18:30:00+02:00",
      mode: "in_person",
      location: "Salle Jaune",
    });
    refuse = false;
    await user.click(within(dialog).getByRole("button", { name: "Programmer la séance" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("asks for the day and time before sending another time", async () => {
    const { user, api } = renderSection(ready(), []);
    await user.click(await screen.findByRole("button", { name: "Programmer une séance" }));
    const dialog = await screen.findByRole("dialog", { name: "Programmer une séance" });
    await user.click(await within(dialog).findByRole("radio", { name: "Un autre moment" }));
    await user.click(within(dialog).getByRole("button", { name: "Programmer la séance" }));
    expect(within(dialog).getAllByText("Ce champ est obligatoire.").length).toBeGreaterThanOrEqual(2);
    expect(api.calls("POST /api/pairs/:id/sessions")).toHaveLength(0);
  });
});
