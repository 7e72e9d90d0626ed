import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { ForgotPasswordPage } from "./forgot-password-page.tsx";

const ROUTE = { route: "/forgot-password" };
const CONFIRMATION =
  /Si un compte existe pour l’adresse lea\.martin@exemple\.fr, vous allez recevoir un courriel avec un lien pour choisir un nouveau mot de passe\. Ce lien est valable une heure/;

async function ask(user: ReturnType<typeof renderWithProviders>["user"], email: string) {
  await user.click(screen.getByRole("textbox", { name: "Adresse e-mail" }));
  await user.paste(email);
  await user.click(screen.getByRole("button", { name: "Recevoir un lien" }));
}

describe("ForgotPasswordPage", () => {
  it("sends the address and always shows the same confirmation", async () => {
    const api = fakeApi({ "POST /api/auth/forgot-password": () => ({ ok: true }) });
    const { user } = renderWithProviders(<ForgotPasswordPage />, ROUTE);

    await ask(user, "  Lea.Martin@exemple.fr ");
    expect(await screen.findByText(CONFIRMATION)).toBeTruthy();
    expect(api.calls("POST /api/auth/forgot-password").map((c) => c.body)).toEqual([{ email: "lea.martin@exemple.fr" }]);
    expect(screen.queryByRole("textbox", { name: "Adresse e-mail" })).toBeNull();
    expect(screen.getByRole("link", { name: "Retour à la page de connexion" }).getAttribute("href")).toBe("/login");

    // Another try starts from an empty form.
    await user.click(screen.getByRole("button", { name: "Demander un nouveau lien" }));
    expect((screen.getByRole("textbox", { name: "Adresse e-mail" }) as HTMLInputElement).value).toBe("");
  });

  it("asks for an address before sending anything", async () => {
    const api = fakeApi({});
    const { user } = renderWithProviders(<ForgotPasswordPage />, ROUTE);

    await user.click(screen.getByRole("button", { name: "Recevoir un lien" }));
    expect(await screen.findByText("Ce champ est obligatoire.")).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it("shows the server's refusal when asked too often", async () => {
    fakeApi({ "POST /api/auth/forgot-password": () => apiError(429, "RATE_LIMITED", "Trop de requêtes. Réessayez dans un instant.") });
    const { user } = renderWithProviders(<ForgotPasswordPage />, ROUTE);

    await ask(user, "lea.martin@exemple.fr");
    expect(await screen.findByText("Trop de requêtes. Réessayez dans un instant.")).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(CONFIRMATION)).toBeNull());
    expect(screen.getByRole("textbox", { name: "Adresse e-mail" })).toBeTruthy();
  });
});
