import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aUser } from "../admin/test-data.ts";
import { LoginPage } from "./login-page.tsx";

const loggedOut = () => apiError(401, "UNAUTHENTICATED", "Connectez-vous pour continuer.");

/** Pasted rather than typed key by key: the test stays quick on a loaded machine. */
async function logIn(user: ReturnType<typeof renderWithProviders>["user"], password = "passerelle-demo") {
  await user.click(screen.getByRole("textbox", { name: "Adresse e-mail" }));
  await user.paste("karima.benaissa@exemple.fr");
  await user.click(screen.getByLabelText("Mot de passe"));
  await user.paste(password);
  await user.click(screen.getByRole("button", { name: "Se connecter" }));
}

describe("LoginPage", () => {
  it("logs in and goes on to the page asked for", async () => {
    const api = fakeApi({
      "GET /api/me": loggedOut,
      "GET /api/setup/status": () => ({ isSetupRequired: false }),
      "POST /api/auth/login": () => aUser(),
    });
    const { user, location } = renderWithProviders(<LoginPage />, { route: "/login?next=%2Fprogrammes%3Ftab%3Dpairs" });

    await logIn(user);
    // A loaded machine may take a moment between the answer and the navigation.
    await waitFor(() => expect(location().pathname + location().search).toBe("/programmes?tab=pairs"), { timeout: 3000 });
    expect(api.calls("POST /api/auth/login")[0]?.body).toEqual({ email: "karima.benaissa@exemple.fr", password: "passerelle-demo" });
  });

  it("never follows a `next` address outside the app", async () => {
    fakeApi({
      "GET /api/me": loggedOut,
      "GET /api/setup/status": () => ({ isSetupRequired: false }),
      "POST /api/auth/login": () => aUser(),
    });
    const { user, location } = renderWithProviders(<LoginPage />, { route: "/login?next=%2F%2Fevil.example%2Fphish" });

    await logIn(user);
    await waitFor(() => expect(location().pathname).toBe("/"), { timeout: 3000 });
  });

  it("shows the server's refusal and stays on the page", async () => {
    fakeApi({
      "GET /api/me": loggedOut,
      "GET /api/setup/status": () => ({ isSetupRequired: false }),
      "POST /api/auth/login": () => apiError(401, "INVALID_CREDENTIALS", "Adresse e-mail ou mot de passe incorrect."),
    });
    const { user, location } = renderWithProviders(<LoginPage />, { route: "/login" });

    await logIn(user, "pas le bon");
    expect(await screen.findByText("Adresse e-mail ou mot de passe incorrect.")).toBeTruthy();
    expect(location().pathname).toBe("/login");
  });

  it("says how to create the first administrator while there is none", async () => {
    fakeApi({ "GET /api/me": loggedOut, "GET /api/setup/status": () => ({ isSetupRequired: true }) });
    renderWithProviders(<LoginPage />, { route: "/login" });
    expect(await screen.findByText("Aucun administrateur pour l’instant")).toBeTruthy();
  });
});
