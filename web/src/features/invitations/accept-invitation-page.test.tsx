import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { meQueryKey } from "../../lib/current-user.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aUser } from "../admin/test-data.ts";
import { AcceptInvitationPage } from "./accept-invitation-page.tsx";

const TOKEN = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";
const ROUTE = { route: `/invitation/${TOKEN}`, path: "/invitation/:token" };
const PASSWORD = "mon nouveau départ chez Verdier";

describe("AcceptInvitationPage", () => {
  it("activates the account with the chosen password and logs its owner in", async () => {
    const camille = aUser({ displayName: "Camille Nouvelle", roles: ["participant"] });
    const api = fakeApi({
      "GET /api/invitations/:token": () => ({ email: "camille.nouvelle@exemple.fr", displayName: "Camille Nouvelle", locale: "fr" }),
      "POST /api/invitations/:token/accept": () => camille,
    });
    const { user, queryClient } = renderWithProviders(<AcceptInvitationPage />, ROUTE);

    expect(await screen.findByText(/Vous avez été invité·e sur Passerelle avec l’adresse camille.nouvelle@exemple.fr/)).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Nom" }) as HTMLInputElement).value).toBe("Camille Nouvelle");
    await user.click(screen.getByLabelText("Mot de passe"));
    await user.paste(PASSWORD);
    await user.click(screen.getByLabelText("Confirmer le mot de passe"));
    await user.paste(PASSWORD);
    await user.click(screen.getByRole("button", { name: "Activer mon compte" }));

    await waitFor(() => expect(api.calls("POST /api/invitations/:token/accept")).toHaveLength(1));
    expect(api.calls("POST /api/invitations/:token/accept")[0]).toMatchObject({
      params: { token: TOKEN },
      body: { displayName: "Camille Nouvelle", password: PASSWORD },
    });
    await waitFor(() => expect(queryClient.getQueryData(meQueryKey)).toEqual(camille));
    // Sent home: the invitation's route is left.
    await waitFor(() => expect(screen.queryByRole("button", { name: "Activer mon compte" })).toBeNull());
  });

  it("explains an expired link and points to the login page", async () => {
    fakeApi({ "GET /api/invitations/:token": () => apiError(410, "INVITATION_EXPIRED", "Ce lien d’invitation a expiré.") });
    renderWithProviders(<AcceptInvitationPage />, ROUTE);

    expect(await screen.findByText("Ce lien d’invitation a expiré.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Aller à la page de connexion" }).getAttribute("href")).toBe("/login");
    expect(screen.queryByRole("button", { name: "Activer mon compte" })).toBeNull();
  });
});
