import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Me, Role } from "../../../../contracts/accounts.ts";
import type { Programme } from "../../../../contracts/programmes.ts";
import { CurrentUserContext } from "../../lib/current-user.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aPair } from "../pairs/test-data.ts";
import { aProposal } from "../proposals/test-data.ts";
import { HomePage } from "./home-page.tsx";

function me(roles: Role[]): Me {
  return { id: "00000000-0000-4000-8000-000000000001", email: "camille@example.fr", displayName: "Camille", locale: "fr", roles };
}

function renderHome(roles: Role[]) {
  return renderWithProviders(
    <CurrentUserContext.Provider value={me(roles)}>
      <HomePage />
    </CurrentUserContext.Provider>,
  );
}

function aProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: "00000000-0000-4000-8000-000000000021",
    name: "Pilote mentorat inversé 2026",
    phase: "running",
    enrolled: { mentor: 12, mentee: 10 },
    openPairs: 9,
    myEnrolment: null,
    ...overrides,
  } as Programme;
}

const accounts = (total: number) => ({ items: [], total, page: 1, pageSize: 25 });

/** The steps of "Pour démarrer", in order, each with whether it shows as done. */
function steps(): string[] {
  return within(screen.getByRole("list", { name: "Pour démarrer" }))
    .getAllByRole("listitem")
    .map((item) =>
      within(item).queryByText("Fait") ? `✓ ${item.textContent?.replace("Fait", "")}` : (item.querySelector("p")?.textContent ?? ""),
    );
}

describe("HomePage", () => {
  it("shows a new organisation's administrator the first steps in order, starting with the HR import", async () => {
    fakeApi({
      "GET /api/admin/overview": () => ({ people: 0, accounts: { active: 1, invited: 0, disabled: 0 } }),
      "GET /api/admin/accounts": () => accounts(0),
      "GET /api/programmes": () => ({ items: [] }),
    });
    renderHome(["admin"]);
    await screen.findByRole("list", { name: "Pour démarrer" });
    expect(steps()).toEqual(["Importer l’annuaire", "Inviter un responsable de programme", "Créer un premier programme"]);
    expect(screen.getByRole("link", { name: "Importer l’annuaire" }).getAttribute("href")).toBe("/admin/import");
  });

  it("shows what is done once the directory is imported and a manager invited", async () => {
    const api = fakeApi({
      "GET /api/admin/overview": () => ({ people: 240, accounts: { active: 1, invited: 1, disabled: 0 } }),
      "GET /api/admin/accounts": ({ query }) => accounts(query.get("status") === "invited" ? 1 : 0),
      "GET /api/programmes": () => ({ items: [] }),
    });
    renderHome(["admin"]);
    await screen.findByRole("list", { name: "Pour démarrer" });
    expect(steps()).toEqual(["✓ Importer l’annuaire", "✓ Inviter un responsable de programme", "Créer un premier programme"]);
    expect(screen.getByRole("link", { name: "Nouveau programme" }).getAttribute("href")).toBe("/programmes/new");
    expect(api.calls("GET /api/admin/accounts").map((call) => call.query.get("role"))).toEqual(["manager", "manager"]);
  });

  it("shows a manager the latest programmes with their figures, and no steps once started", async () => {
    const api = fakeApi({
      "GET /api/admin/overview": () => ({ people: 240, accounts: { active: 30, invited: 2, disabled: 0 } }),
      "GET /api/programmes": () => ({ items: [aProgramme()] }),
    });
    renderHome(["manager"]);
    const table = await screen.findByRole("table", { name: "Programmes de mentorat inversé" });
    const row = await within(table).findByRole("row", { name: /Pilote mentorat inversé 2026/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["Pilote mentorat inversé 2026", "En cours", "12", "10", "9"]);
    expect(screen.queryByRole("list", { name: "Pour démarrer" })).toBeNull();
    // A manager cannot read the accounts: the step about inviting a manager is not theirs.
    expect(api.calls("GET /api/admin/accounts")).toHaveLength(0);
  });

  it("shows a participant the proposals waiting, the current pair's next step and their programmes", async () => {
    fakeApi({
      "GET /api/programmes": () => ({
        items: [aProgramme({ name: "Déploiement 2027", phase: "matching", myEnrolment: { role: "mentor", status: "joined" } })],
      }),
      "GET /api/me/pairs": () => ({ items: [aPair(), aPair({ id: "00000000-0000-4000-8000-0000000000bb", state: "completed" })] }),
      "GET /api/me/proposals": () => ({ items: [aProposal()] }),
      "GET /api/me/profile": () => ({ completeness: { percent: 100, missing: [] } }),
    });
    renderHome(["participant"]);
    expect(await screen.findByText("Une proposition de binôme attend votre réponse")).toBeTruthy();
    const pairs = await screen.findByRole("table", { name: "Mes binômes en cours" });
    expect(within(pairs).getAllByRole("row")).toHaveLength(2);
    expect(within(pairs).getByRole("link", { name: "Binôme avec Inès Haddad" })).toBeTruthy();
    expect(within(pairs).getByText("Prochaine étape : fixer le café de présentation avec Inès.")).toBeTruthy();
    const programmes = screen.getByRole("table", { name: "Mes programmes" });
    expect(within(programmes).getByRole("row", { name: /Déploiement 2027/ }).textContent).toContain("Vous y participez comme mentor");
  });
});
