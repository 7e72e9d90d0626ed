import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aUser } from "../admin/test-data.ts";
import { UnsubscribePage } from "./unsubscribe-page.tsx";

const ID = "6f1c1c4e-2f0b-4b8e-9d55-0e0c9a4f1b2a";
const renderPage = () => renderWithProviders(<UnsubscribePage />, { route: `/unsubscribe/${ID}`, path: "/unsubscribe/:id" });
const loggedOut = () => apiError(401, "UNAUTHENTICATED", "Connectez-vous.");

describe("UnsubscribePage", () => {
  it("says which emails will stop, stops them on a click, and links to my notifications when I am logged in", async () => {
    const api = fakeApi({
      "GET /api/me": () => aUser(),
      "GET /api/mail/unsubscribe/:id": () => ({ kind: "proposal_accepted", category: "notification" }),
      "POST /api/mail/unsubscribe/:id": () => ({ kind: "proposal_accepted", category: "notification" }),
    });
    const { user } = renderPage();

    expect(
      await screen.findByText("Vous ne recevrez plus par courriel les notifications « Une proposition a été acceptée »."),
    ).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Mes notifications" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Ne plus recevoir ces courriels" }));

    expect(await screen.findByText("C’est fait : vous ne recevrez plus ces courriels.")).toBeTruthy();
    expect(api.calls("POST /api/mail/unsubscribe/:id")[0]?.params).toEqual({ id: ID });
    expect((await screen.findByRole("link", { name: "Mes notifications" })).getAttribute("href")).toBe("/account/notifications");
    expect(screen.queryByRole("button", { name: "Ne plus recevoir ces courriels" })).toBeNull();
  });

  it("stops the daily digest, without a link when I am not logged in", async () => {
    fakeApi({
      "GET /api/me": loggedOut,
      "GET /api/mail/unsubscribe/:id": () => ({ kind: null, category: "digest" }),
      "POST /api/mail/unsubscribe/:id": () => ({ kind: null, category: "digest" }),
    });
    const { user } = renderPage();

    expect(await screen.findByText("Vous ne recevrez plus le résumé quotidien de vos notifications par courriel.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Ne plus recevoir ces courriels" }));
    expect(await screen.findByText("C’est fait : vous ne recevrez plus ces courriels.")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("link", { name: "Mes notifications" })).toBeNull());
  });

  it("stops an invitation's reminders, its link still valid", async () => {
    const api = fakeApi({
      "GET /api/me": loggedOut,
      "GET /api/mail/unsubscribe/:id": () => ({ kind: null, category: "invitation" }),
      "POST /api/mail/unsubscribe/:id": () => ({ kind: null, category: "invitation" }),
    });
    renderPage();
    expect(await screen.findByText("Vous ne recevrez plus de rappel de cette invitation par courriel.")).toBeTruthy();
    expect(screen.getByText(/Le lien de votre invitation reste valable/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Ne plus recevoir ces courriels" }));
    expect(await screen.findByText("C’est fait : vous ne recevrez plus ces courriels.")).toBeTruthy();
    expect(api.calls("POST /api/mail/unsubscribe/:id")).toHaveLength(1);
  });

  it("has nothing to stop for a security message", async () => {
    fakeApi({ "GET /api/me": loggedOut, "GET /api/mail/unsubscribe/:id": () => ({ kind: null, category: "security" }) });
    renderPage();
    expect(await screen.findByText(/il n’y a rien à arrêter/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Ne plus recevoir ces courriels" })).toBeNull();
  });

  it("explains a link that names no message", async () => {
    fakeApi({ "GET /api/me": loggedOut, "GET /api/mail/unsubscribe/:id": () => apiError(404, "NOT_FOUND", "Introuvable.") });
    renderPage();
    expect(await screen.findByText(/Ce lien n’est pas valable/)).toBeTruthy();
  });
});
