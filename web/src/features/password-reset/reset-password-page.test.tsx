import { screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { meQueryKey } from "../../lib/current-user.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aUser } from "../admin/test-data.ts";
import { LoginPage } from "../auth/login-page.tsx";
import { ResetPasswordPage } from "./reset-password-page.tsx";

const TOKEN = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";
const PASSWORD = "mon nouveau départ chez Verdier";
const INVALID = /Ce lien n’est plus valable : il a expiré/;

/** The reset page and the login page it leads to. */
const pages = (
  <Routes>
    <Route path="/reset-password" element={<ResetPasswordPage />} />
    <Route path="/login" element={<LoginPage />} />
  </Routes>
);

async function choose(user: ReturnType<typeof renderWithProviders>["user"], password: string, confirmation = password) {
  await user.click(screen.getByLabelText("Nouveau mot de passe"));
  await user.paste(password);
  await user.click(screen.getByLabelText("Confirmer le nouveau mot de passe"));
  await user.paste(confirmation);
  await user.click(screen.getByRole("button", { name: "Enregistrer le mot de passe" }));
}

describe("ResetPasswordPage", () => {
  it("sets the new password, then shows the login page saying so", async () => {
    const api = fakeApi({
      "POST /api/auth/reset-password": () => ({ ok: true }),
      "GET /api/me": () => apiError(401, "UNAUTHENTICATED", "Connectez-vous pour continuer."),
      "GET /api/setup/status": () => ({ isSetupRequired: false }),
    });
    const { user, location, queryClient } = renderWithProviders(pages, { route: `/reset-password?token=${TOKEN}` });
    // Whoever was logged in in this browser is logged out by the reset.
    queryClient.setQueryData(meQueryKey, aUser());

    await choose(user, PASSWORD);
    await waitFor(() => expect(location().pathname).toBe("/login"), { timeout: 3000 });
    expect(api.calls("POST /api/auth/reset-password").map((c) => c.body)).toEqual([{ token: TOKEN, password: PASSWORD }]);
    expect(await screen.findByText("Votre mot de passe a été changé : connectez-vous avec le nouveau.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Se connecter" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Mot de passe oublié ?" }).getAttribute("href")).toBe("/forgot-password");
  });

  it("checks the confirmation before sending anything", async () => {
    const api = fakeApi({});
    const { user } = renderWithProviders(<ResetPasswordPage />, { route: `/reset-password?token=${TOKEN}` });

    await choose(user, PASSWORD, "une autre phrase de passe");
    expect(await screen.findByText("Les deux mots de passe ne sont pas identiques.")).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it("shows the server's objection to the password next to the field", async () => {
    const message = "Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.";
    fakeApi({
      "POST /api/auth/reset-password": () =>
        apiError(400, "VALIDATION_ERROR", "Certaines valeurs sont invalides.", [{ path: "password", message }]),
    });
    const { user } = renderWithProviders(<ResetPasswordPage />, { route: `/reset-password?token=${TOKEN}` });

    await choose(user, "motdepasse123");
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Enregistrer le mot de passe" })).toBeTruthy();
  });

  it("explains a link that no longer works and offers to ask for another", async () => {
    fakeApi({
      "POST /api/auth/reset-password": () => apiError(410, "PASSWORD_RESET_INVALID", "Ce lien n’est plus valable."),
    });
    const { user } = renderWithProviders(<ResetPasswordPage />, { route: `/reset-password?token=${TOKEN}` });

    await choose(user, PASSWORD);
    expect(await screen.findByText(INVALID)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Demander un nouveau lien" }).getAttribute("href")).toBe("/forgot-password");
    expect(screen.queryByRole("button", { name: "Enregistrer le mot de passe" })).toBeNull();
  });

  it("says so at once when the address has no token", () => {
    fakeApi({});
    renderWithProviders(<ResetPasswordPage />, { route: "/reset-password" });

    expect(screen.getByText(INVALID)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Demander un nouveau lien" })).toBeTruthy();
  });
});
