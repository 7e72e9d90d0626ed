import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me, Role } from "../../../../contracts/accounts.ts";
import { CurrentUserContext } from "../../features/auth/index.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { AppLayout } from "./app-layout.tsx";

// The bell has its own tests (features/notifications); here it would only add its requests.
vi.mock("../../features/notifications/index.ts", () => ({ NotificationBell: () => null }));

function userWith(roles: Role[]): Me {
  return {
    id: "8c0f4a52-5a0e-4a43-9f4b-000000000001",
    email: "karima@exemple.fr",
    displayName: "Karima Benaïssa",
    locale: "fr",
    roles,
  } as Me;
}

function renderLayout(roles: Role[], route = "/") {
  const me = userWith(roles);
  fakeApi({ "GET /api/me": () => me });
  return renderWithProviders(
    <CurrentUserContext.Provider value={me}>
      <AppLayout />
    </CurrentUserContext.Provider>,
    { route },
  );
}

/** happy-dom's window is 1024 × 768 unless a test says otherwise; Mantine's breakpoints answer from its width. */
function setViewportWidth(width: number) {
  (window as unknown as { happyDOM: { setViewport(viewport: { width: number; height: number }): void } }).happyDOM.setViewport({
    width,
    height: 768,
  });
}
afterEach(() => setViewportWidth(1024));

function navigationLinks(): string[] {
  return within(screen.getByRole("navigation", { name: "Navigation principale" }))
    .getAllByRole("link")
    .map((link) => link.textContent ?? "");
}

describe("the app's navigation", () => {
  it("gives an HR manager who also takes part every entry in one sidebar, the management ones under their heading", () => {
    renderLayout(["manager", "participant"]);
    expect(navigationLinks()).toEqual([
      "Accueil",
      "Programmes",
      "Mes binômes",
      "Propositions",
      "Mon profil",
      "Autoévaluation",
      "Glossaire",
      "Annuaire",
      "Import RH",
    ]);
    const management = screen.getByRole("group", { name: "Gestion" });
    expect(
      within(management)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Annuaire", "Import RH"]);
  });

  it("shows a participant only their entries, and an admin the skills catalogue", () => {
    renderLayout(["participant"]);
    expect(navigationLinks()).toEqual([
      "Accueil",
      "Programmes",
      "Mes binômes",
      "Propositions",
      "Mon profil",
      "Autoévaluation",
      "Glossaire",
    ]);
    expect(screen.queryByRole("group", { name: "Gestion" })).toBeNull();
  });

  it("shows an admin the management entries, skills and emails included", () => {
    renderLayout(["admin"]);
    expect(navigationLinks()).toEqual(["Accueil", "Programmes", "Glossaire", "Annuaire", "Import RH", "Compétences", "Courriels"]);
  });

  it("marks the current page, a person's page counting as the directory", () => {
    renderLayout(["manager", "participant"], "/people/42");
    const navigation = screen.getByRole("navigation", { name: "Navigation principale" });
    expect(within(navigation).getByRole("link", { name: "Annuaire" }).getAttribute("aria-current")).toBe("page");
    expect(within(navigation).getByRole("link", { name: "Accueil" }).getAttribute("aria-current")).toBeNull();
  });

  it("keeps the sidebar in reach at 1024 px", () => {
    renderLayout(["manager", "participant"]);
    expect(screen.getByRole("navigation", { name: "Navigation principale" }).hasAttribute("inert")).toBe(false);
  });

  it("on a phone keeps the closed drawer out of reach until the burger opens it", async () => {
    setViewportWidth(375);
    const { user } = renderLayout(["participant"]);
    const navigation = screen.getByRole("navigation", { name: "Navigation principale" });
    expect(navigation.hasAttribute("inert")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Ouvrir la navigation" }));
    expect(navigation.hasAttribute("inert")).toBe(false);
    expect(screen.getByRole("button", { name: "Fermer la navigation" }).getAttribute("aria-expanded")).toBe("true");
    await user.click(within(navigation).getByRole("link", { name: "Mon profil" }));
    expect(navigation.hasAttribute("inert")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Ouvrir la navigation" }));
    await user.keyboard("{Escape}");
    expect(navigation.hasAttribute("inert")).toBe(true);
  });

  it("names the user menu after the user, whose initials fit a phone's header", async () => {
    const { user } = renderLayout(["participant"]);
    const button = screen.getByRole("button", { name: "Karima Benaïssa" });
    expect(within(button).getByText("KB")).toBeTruthy();
    await user.click(button);
    expect(await screen.findByRole("menuitem", { name: "Se déconnecter" })).toBeTruthy();
  });
});
