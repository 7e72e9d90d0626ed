import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, type NotificationPreference } from "../../../../contracts/notifications.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import en from "./messages.en.json";
import fr from "./messages.fr.json";
import { NotificationPreferencesPage } from "./notification-preferences-page.tsx";

const participantKinds = NOTIFICATION_KINDS.filter((k) => !k.startsWith("managers_"));
const preferences = (kinds: readonly string[] = participantKinds): NotificationPreference[] =>
  kinds.map((kind) => ({ kind, channel: kind === "proposal_received" ? "digest" : "email" }) as NotificationPreference);

const row = (label: string) => screen.findByRole("radiogroup", { name: label });

describe("NotificationPreferencesPage", () => {
  it("shows each kind that concerns me in its group, with my channel, and says what is always sent", async () => {
    fakeApi({ "GET /api/me/notification-preferences": () => ({ items: preferences() }) });
    renderWithProviders(<NotificationPreferencesPage />);

    const received = await row("Vous avez reçu une proposition");
    expect(within(received).getByRole<HTMLInputElement>("radio", { name: "Résumé quotidien" }).checked).toBe(true);
    const accepted = await row("Une proposition a été acceptée");
    expect(within(accepted).getByRole<HTMLInputElement>("radio", { name: "Par courriel" }).checked).toBe(true);
    expect(screen.getByRole("region", { name: "Propositions" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Programmes et binômes" })).toBeTruthy();
    // Participants do not see the managers' kinds.
    expect(screen.queryByRole("region", { name: "Pour les responsables de programme" })).toBeNull();
    expect(screen.getByText(/La cloche de Passerelle affiche toujours toutes vos notifications/)).toBeTruthy();
    expect(screen.getByText(/sécurité de votre compte/)).toBeTruthy();
  });

  it("saves only the channel I changed", async () => {
    const api = fakeApi({
      "GET /api/me/notification-preferences": () => ({ items: preferences() }),
      "PUT /api/me/notification-preferences": ({ body }) => {
        const changed = (body as { items: NotificationPreference[] }).items;
        return { items: preferences().map((p) => changed.find((c) => c.kind === p.kind) ?? p) };
      },
    });
    const { user } = renderWithProviders(<NotificationPreferencesPage />);

    const accepted = await row("Une proposition a été acceptée");
    const save = () => screen.getByRole<HTMLButtonElement>("button", { name: "Enregistrer" });
    expect(save().disabled).toBe(true);
    await user.click(within(accepted).getByRole("radio", { name: "Dans l’application" }));
    expect(screen.getByText("1 modification non enregistrée")).toBeTruthy();
    await user.click(save());

    await waitFor(() =>
      expect(api.calls("PUT /api/me/notification-preferences")[0]?.body).toEqual({
        items: [{ kind: "proposal_accepted", channel: "app" }],
      }),
    );
    // Saved: nothing left to save, and the row shows the new channel.
    await waitFor(() => expect(save().disabled).toBe(true));
    expect(screen.queryByText("1 modification non enregistrée")).toBeNull();
    expect(
      within(await row("Une proposition a été acceptée")).getByRole<HTMLInputElement>("radio", { name: "Dans l’application" }).checked,
    ).toBe(true);
  });

  it("groups the managers' kinds apart, and shows a refusal", async () => {
    fakeApi({
      "GET /api/me/notification-preferences": () => ({ items: preferences(NOTIFICATION_KINDS.filter((k) => k.startsWith("managers_"))) }),
      "PUT /api/me/notification-preferences": () => apiError(400, "VALIDATION_ERROR", "Vérifiez les champs signalés."),
    });
    const { user } = renderWithProviders(<NotificationPreferencesPage />);

    const formed = await row("Un binôme est formé par proposition");
    expect(
      within(screen.getByRole("region", { name: "Pour les responsables de programme" })).getByRole("radiogroup", {
        name: "Un binôme est formé par proposition",
      }),
    ).toBe(formed);
    await user.click(within(formed).getByRole("radio", { name: "Résumé quotidien" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Vérifiez les champs signalés.")).toBeTruthy();
  });

  it("has a label for every kind, in French and English", () => {
    for (const [language, texts] of Object.entries({ fr, en }))
      for (const kind of NOTIFICATION_KINDS)
        expect(
          texts.notificationPreferences.kinds[kind as keyof typeof texts.notificationPreferences.kinds],
          `${language} ${kind}`,
        ).toBeTruthy();
  });
});
