import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Me } from "../../../../contracts/accounts.ts";
import { CurrentUserContext, meQueryKey } from "../../lib/current-user.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aUser } from "../admin/test-data.ts";
import { AccountPage } from "./account-page.tsx";

const NEW_PASSWORD = "une phrase assez longue";

function renderPage(me: Me = aUser()) {
  return renderWithProviders(
    <CurrentUserContext value={me}>
      <AccountPage />
    </CurrentUserContext>,
  );
}

function passwordSection() {
  return screen.getByRole("region", { name: "Mot de passe" });
}

describe("AccountPage", () => {
  it("saves a new display name, which becomes the logged-in user's", async () => {
    const api = fakeApi({ "PATCH /api/me": ({ body }) => ({ ...aUser(), ...(body as object) }) });
    const { user, queryClient } = renderPage();

    const profile = screen.getByRole("region", { name: "Profil" });
    const name = within(profile).getByRole("textbox", { name: "Nom" });
    await user.clear(name);
    await user.click(name);
    await user.paste("Karima B.");
    await user.click(within(profile).getByRole("button", { name: "Enregistrer" }));

    await waitFor(() => expect(api.calls("PATCH /api/me")[0]?.body).toEqual({ displayName: "Karima B." }));
    await waitFor(() => expect(queryClient.getQueryData<Me>(meQueryKey)?.displayName).toBe("Karima B."));
  });

  it("refuses two different new passwords without asking the server", async () => {
    const api = fakeApi({ "POST /api/me/password": () => ({ ok: true }) });
    const { user } = renderPage();

    await user.click(within(passwordSection()).getByLabelText("Mot de passe actuel"));

    await user.paste("l’ancien mot de passe");
    await user.click(within(passwordSection()).getByLabelText("Nouveau mot de passe"));
    await user.paste(NEW_PASSWORD);
    await user.click(within(passwordSection()).getByLabelText("Confirmer le nouveau mot de passe"));
    await user.paste(`${NEW_PASSWORD}!`);
    await user.click(within(passwordSection()).getByRole("button", { name: "Changer le mot de passe" }));

    expect(await within(passwordSection()).findByText("Les deux mots de passe ne sont pas identiques.")).toBeTruthy();
    expect(api.calls("POST /api/me/password")).toHaveLength(0);
  });

  it("shows the server's refusal of a wrong current password next to it", async () => {
    fakeApi({
      "POST /api/me/password": () =>
        apiError(400, "VALIDATION_FAILED", "Vérifiez les champs.", [
          { path: "currentPassword", message: "Mot de passe actuel incorrect." },
        ]),
    });
    const { user } = renderPage();

    await user.click(within(passwordSection()).getByLabelText("Mot de passe actuel"));

    await user.paste("pas le bon");
    await user.click(within(passwordSection()).getByLabelText("Nouveau mot de passe"));
    await user.paste(NEW_PASSWORD);
    await user.click(within(passwordSection()).getByLabelText("Confirmer le nouveau mot de passe"));
    await user.paste(NEW_PASSWORD);
    await user.click(within(passwordSection()).getByRole("button", { name: "Changer le mot de passe" }));

    expect(await within(passwordSection()).findByText("Mot de passe actuel incorrect.")).toBeTruthy();
  });

  it("offers participants the subscription to their sessions' calendar, not an administrator", async () => {
    fakeApi({ "GET /api/me/calendar-feed": () => ({ isActive: false, createdAt: null }) });
    const { unmount } = renderPage(aUser({ roles: ["participant"] }));
    const calendar = screen.getByRole("region", { name: "Abonnement à mon agenda" });
    expect(await within(calendar).findByRole("button", { name: "Créer mon lien" })).toBeTruthy();
    unmount();
    renderPage(aUser({ roles: ["admin"] }));
    expect(screen.queryByRole("region", { name: "Abonnement à mon agenda" })).toBeNull();
  });
});
