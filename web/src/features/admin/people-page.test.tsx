import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Me } from "../../../../contracts/accounts.ts";
import { CurrentUserContext } from "../../lib/current-user.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { PeoplePage } from "./people-page.tsx";
import { anAccount, aPage, aPerson, aUser } from "./test-data.ts";

const directory = (items: ReturnType<typeof aPerson>[], total = items.length) => ({
  ...aPage(items, total),
  departments: ["Finance", "Ventes"],
  sites: ["Lyon"],
});

function renderPage(me: Me, route = "/admin/people") {
  return renderWithProviders(
    <CurrentUserContext value={me}>
      <PeoplePage />
    </CurrentUserContext>,
    { route },
  );
}

describe("PeoplePage", () => {
  it("shows a manager the directory only", async () => {
    fakeApi({ "GET /api/people": () => directory([aPerson()]), "GET /api/skills": () => ({ categories: [], skills: [] }) });
    renderPage(aUser({ roles: ["manager"] }));

    expect(await screen.findByRole("table", { name: "Annuaire" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "Comptes" })).toBeNull();
    expect(screen.queryByRole("table", { name: "Comptes" })).toBeNull();
  });

  it("opens the accounts for an admin, and a new tab starts without the other tab's filters", async () => {
    const api = fakeApi({
      "GET /api/admin/accounts": () => aPage([anAccount()]),
      "GET /api/people": () => directory([aPerson()]),
      "GET /api/skills": () => ({ categories: [], skills: [] }),
    });
    const { user, location } = renderPage(aUser({ roles: ["admin"] }), "/admin/people?status=invited");

    expect(await screen.findByRole("table", { name: "Comptes" })).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Annuaire" }));
    expect(await screen.findByRole("table", { name: "Annuaire" })).toBeTruthy();
    expect(location().search).toBe("?tab=directory");
    expect(api.calls("GET /api/people")[0]?.query.get("status")).toBeNull();
  });

  it("links each person to their page and invites those without an account", async () => {
    const withAccount = aPerson({
      id: "00000000-0000-4000-8000-00000000b002",
      firstName: "Hugo",
      lastName: "Petit",
      account: { id: "00000000-0000-4000-8000-00000000a003", status: "active", roles: ["participant"] },
      profileCompleteness: null,
    });
    fakeApi({ "GET /api/people": () => directory([aPerson(), withAccount]), "GET /api/skills": () => ({ categories: [], skills: [] }) });
    const { user } = renderPage(aUser({ roles: ["manager"] }));

    const table = await screen.findByRole("table", { name: "Annuaire" });
    expect((await within(table).findByRole("link", { name: "Martine Lecœur" })).getAttribute("href")).toBe(`/people/${aPerson().id}`);
    expect(within(table).getByText("60 %")).toBeTruthy();
    expect(within(table).getByText("Pas de profil")).toBeTruthy();
    expect(within(table).queryByRole("button", { name: "Inviter Hugo Petit" })).toBeNull();

    await user.click(within(table).getByRole("button", { name: "Inviter Martine Lecœur" }));
    const dialog = await screen.findByRole("dialog", { name: "Inviter une personne" });
    expect((within(dialog).getByRole("textbox", { name: "Nom" }) as HTMLInputElement).value).toBe("Martine Lecœur");
    expect((within(dialog).getByRole("textbox", { name: "Adresse e-mail" }) as HTMLInputElement).value).toBe("martine.lecoeur@exemple.fr");
  });

  it("offers to invite at once the people the filters show without an account", async () => {
    const api = fakeApi({
      "GET /api/people": () => directory([aPerson()]),
      "GET /api/skills": () => ({ categories: [], skills: [] }),
      "POST /api/invitation-batches/preview": () => ({ toInvite: 12, withAccount: 3 }),
    });
    renderPage(aUser({ roles: ["manager"] }), "/admin/people?department=Finance&site=Lyon");

    expect(await screen.findByRole("button", { name: "Inviter les 12 personnes affichées sans compte" })).toBeTruthy();
    expect(api.calls("POST /api/invitation-batches/preview").at(-1)?.body).toEqual({
      source: { kind: "directory", filters: { department: "Finance", site: "Lyon" } },
    });
  });

  it("pages through a long directory", async () => {
    const api = fakeApi({
      "GET /api/people": ({ query }) => ({ ...directory([aPerson()], 40), page: Number(query.get("page")) }),
      "GET /api/skills": () => ({ categories: [], skills: [] }),
    });
    const { user, location } = renderPage(aUser({ roles: ["manager"] }));

    expect(await screen.findByText("1–25 sur 40")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Page 2" }));
    await waitFor(() => expect(api.calls("GET /api/people").at(-1)?.query.get("page")).toBe("2"));
    expect(location().search).toContain("page=2");
  });
});
