import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { meQueryKey } from "../../lib/current-user.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aUser } from "../admin/test-data.ts";
import { SetupPage } from "./setup-page.tsx";

const PASSWORD = "la première administratrice";

describe("SetupPage", () => {
  it("creates the first administrator from the one-time link and logs them in", async () => {
    const admin = aUser();
    const api = fakeApi({ "GET /api/setup/status": () => ({ isSetupRequired: true }), "POST /api/setup": () => admin });
    const { user, queryClient } = renderWithProviders(<SetupPage />, { route: "/setup?token=le-jeton", path: "/setup" });

    await user.click(screen.getByRole("textbox", { name: "Nom" }));

    await user.paste("Karima Benaïssa");
    await user.click(screen.getByRole("textbox", { name: "Adresse e-mail" }));
    await user.paste("karima.benaissa@exemple.fr");
    await user.click(screen.getByLabelText("Mot de passe"));
    await user.paste(PASSWORD);
    await user.click(screen.getByLabelText("Confirmer le mot de passe"));
    await user.paste(PASSWORD);
    await user.click(screen.getByRole("button", { name: "Créer le compte administrateur" }));

    await waitFor(() => expect(api.calls("POST /api/setup")).toHaveLength(1));
    expect(api.calls("POST /api/setup")[0]?.body).toEqual({
      displayName: "Karima Benaïssa",
      email: "karima.benaissa@exemple.fr",
      password: PASSWORD,
      token: "le-jeton",
    });
    await waitFor(() => expect(queryClient.getQueryData(meQueryKey)).toEqual(admin));
  });

  it("asks for the link printed in the server's console when the address has none", async () => {
    fakeApi({ "GET /api/setup/status": () => ({ isSetupRequired: true }) });
    renderWithProviders(<SetupPage />, { route: "/setup" });
    expect(await screen.findByText("Lien de configuration nécessaire")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Créer le compte administrateur" })).toBeNull();
  });

  it("sends to the login page once an administrator exists", async () => {
    fakeApi({ "GET /api/setup/status": () => ({ isSetupRequired: false }) });
    renderWithProviders(<SetupPage />, { route: "/setup?token=le-jeton" });
    expect(await screen.findByText("Configuration déjà faite")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Aller à la page de connexion" }).getAttribute("href")).toBe("/login");
  });
});
