import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CalendarFeedStatus } from "../../../../contracts/calendar.ts";
import i18n from "../../i18n/index.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { CalendarFeedCard } from "./calendar-feed-card.tsx";
import { SessionCalendarButton } from "./session-calendar-button.tsx";

const FIRST_URL = "https://passerelle.verdier.fr/api/calendar/premier-jeton-secret.ics";
const SECOND_URL = "https://passerelle.verdier.fr/api/calendar/second-jeton-secret.ics";

/** The API of the feed: its status, creation (one URL after the other) and revocation. */
function feedApi(initial: CalendarFeedStatus) {
  let status = initial;
  const urls = [FIRST_URL, SECOND_URL];
  return fakeApi({
    "GET /api/me/calendar-feed": () => status,
    "POST /api/me/calendar-feed": () => {
      status = { isActive: true, createdAt: "2026-03-20T09:00:00Z" };
      return { url: urls.shift() };
    },
    "DELETE /api/me/calendar-feed": () => {
      status = { isActive: false, createdAt: null };
      return new Response(null, { status: 204 });
    },
  });
}

const card = () => screen.getByRole("region", { name: "Abonnement à mon agenda" });

describe("CalendarFeedCard", () => {
  it("explains the subscription, creates my link and shows it once with a copy button and the steps", async () => {
    const api = feedApi({ isActive: false, createdAt: null });
    const { user } = renderWithProviders(<CalendarFeedCard />);

    expect(within(card()).getByText(/Outlook, Google Agenda ou Calendrier d’Apple peuvent s’abonner/)).toBeTruthy();
    expect(await within(card()).findByText("Vous n’avez pas encore de lien.")).toBeTruthy();
    await user.click(within(card()).getByRole("button", { name: "Créer mon lien" }));

    const link = await within(card()).findByRole("textbox", { name: "Votre lien privé" });
    expect((link as HTMLInputElement).value).toBe(FIRST_URL);
    expect(api.calls("POST /api/me/calendar-feed")).toHaveLength(1);
    expect(within(card()).getByRole("button", { name: "Copier le lien" })).toBeTruthy();
    expect(within(card()).getByText(/il ne s’affichera plus/)).toBeTruthy();
    expect(within(card()).getByText(/^Outlook : Calendrier › Ajouter un calendrier/)).toBeTruthy();
    expect(within(card()).getByText(/^Google Agenda \(sur ordinateur\)/)).toBeTruthy();
    expect(within(card()).getByRole("button", { name: "Remplacer le lien" })).toBeTruthy();
    expect(within(card()).queryByRole("button", { name: "Créer mon lien" })).toBeNull();
  });

  it("says since when an existing link works, that it cannot be shown again, and replaces it after a confirmation", async () => {
    const api = feedApi({ isActive: true, createdAt: "2026-03-02T09:00:00Z" });
    const { user } = renderWithProviders(<CalendarFeedCard />);

    expect(await within(card()).findByText(/Votre lien fonctionne depuis le 2 mars 2026\./)).toBeTruthy();
    expect(within(card()).getByText(/il ne peut pas être affiché à nouveau/)).toBeTruthy();
    expect(within(card()).queryByRole("textbox")).toBeNull();

    await user.click(within(card()).getByRole("button", { name: "Remplacer le lien" }));
    const dialog = await screen.findByRole("dialog", { name: "Remplacer le lien ?" });
    expect(within(dialog).getByText(/L’ancien lien cessera de fonctionner/)).toBeTruthy();
    // Cancelled: nothing asked of the server.
    await user.click(within(dialog).getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.calls("POST /api/me/calendar-feed")).toHaveLength(0);

    await user.click(within(card()).getByRole("button", { name: "Remplacer le lien" }));
    const again = await screen.findByRole("dialog", { name: "Remplacer le lien ?" });
    await user.click(within(again).getByRole("button", { name: "Remplacer le lien" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(((await within(card()).findByRole("textbox", { name: "Votre lien privé" })) as HTMLInputElement).value).toBe(FIRST_URL);
    expect(api.calls("POST /api/me/calendar-feed")).toHaveLength(1);
  });

  it("revokes the link after a confirmation, then offers to create a new one", async () => {
    const api = feedApi({ isActive: false, createdAt: null });
    const { user } = renderWithProviders(<CalendarFeedCard />);
    await user.click(await within(card()).findByRole("button", { name: "Créer mon lien" }));
    await within(card()).findByRole("textbox", { name: "Votre lien privé" });

    await user.click(within(card()).getByRole("button", { name: "Révoquer" }));
    const dialog = await screen.findByRole("dialog", { name: "Révoquer le lien ?" });
    expect(within(dialog).getByText(/Le lien cessera de fonctionner/)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Révoquer" }));

    await waitFor(() => expect(api.calls("DELETE /api/me/calendar-feed")).toHaveLength(1));
    expect(await within(card()).findByRole("button", { name: "Créer mon lien" })).toBeTruthy();
    expect(within(card()).queryByRole("textbox")).toBeNull();
    expect(within(card()).getByText("Vous n’avez pas encore de lien.")).toBeTruthy();

    await user.click(within(card()).getByRole("button", { name: "Créer mon lien" }));
    expect(((await within(card()).findByRole("textbox", { name: "Votre lien privé" })) as HTMLInputElement).value).toBe(SECOND_URL);
  });

  it("shows the API's refusal", async () => {
    fakeApi({
      "GET /api/me/calendar-feed": () => ({ isActive: false, createdAt: null }),
      "POST /api/me/calendar-feed": () => apiError(500, "INTERNAL", "Le service est indisponible."),
    });
    const { user } = renderWithProviders(<CalendarFeedCard />);
    await user.click(await within(card()).findByRole("button", { name: "Créer mon lien" }));
    expect(await within(card()).findByText("Le service est indisponible.")).toBeTruthy();
  });

  it("speaks English", async () => {
    await i18n.changeLanguage("en");
    try {
      feedApi({ isActive: false, createdAt: null });
      renderWithProviders(<CalendarFeedCard />);
      const section = screen.getByRole("region", { name: "My calendar subscription" });
      expect(await within(section).findByRole("button", { name: "Create my link" })).toBeTruthy();
      expect(within(section).getByText(/Outlook, Google Calendar or Apple Calendar can subscribe/)).toBeTruthy();
    } finally {
      await i18n.changeLanguage("fr");
    }
  });
});

describe("SessionCalendarButton", () => {
  it("downloads the session's .ics", () => {
    renderWithProviders(<SessionCalendarButton sessionId="5b0c1a64-9d3e-4f57-8a3c-0c2e4b8f1a11" />);
    const link = screen.getByRole("link", { name: "Ajouter à mon agenda (.ics)" });
    expect(link.getAttribute("href")).toBe("/api/sessions/5b0c1a64-9d3e-4f57-8a3c-0c2e4b8f1a11/calendar.ics");
    expect(link.hasAttribute("download")).toBe(true);
  });
});
