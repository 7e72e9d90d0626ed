import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { AccountsTab } from "./accounts-tab.tsx";
import { anAccount, aPage } from "./test-data.ts";

const LEA = anAccount();
const KARIM = anAccount({
  id: "00000000-0000-4000-8000-00000000a002",
  displayName: "Karim Diallo",
  email: "karim.diallo@exemple.fr",
  status: "invited",
  jobTitle: null,
  lastLoginAt: null,
});

function rows(): HTMLElement[] {
  return within(screen.getByRole("table", { name: "Comptes" }))
    .getAllByRole("row")
    .slice(1);
}

describe("AccountsTab", () => {
  it("lists the accounts with their roles, status and last login", async () => {
    fakeApi({ "GET /api/admin/accounts": () => aPage([{ ...LEA, lastLoginAt: "2026-03-12T13:05:00.000Z" }, KARIM]) });
    renderWithProviders(<AccountsTab />);

    expect(await screen.findByText("Léa Martin")).toBeTruthy();
    const [lea, karim] = rows();
    expect(within(lea as HTMLElement).getByText("Contrôleuse de gestion")).toBeTruthy();
    expect(within(lea as HTMLElement).getByText("Actif")).toBeTruthy();
    expect(lea?.textContent).toContain("2026");
    expect(within(karim as HTMLElement).getByText("Invitation en attente")).toBeTruthy();
    expect(within(karim as HTMLElement).getByText("Jamais")).toBeTruthy();
    expect(screen.getByText("1–2 sur 2")).toBeTruthy();
  });

  it("says when no account matches, and sends the filters of the address", async () => {
    const api = fakeApi({ "GET /api/admin/accounts": () => aPage([]) });
    renderWithProviders(<AccountsTab />, { route: "/admin/people?status=invited&role=manager&q=zo%C3%A9" });

    expect(await screen.findByText("Aucun compte ne correspond à ces critères.")).toBeTruthy();
    const query = api.calls("GET /api/admin/accounts")[0]?.query;
    expect(Object.fromEntries(query ?? [])).toEqual({ q: "zoé", role: "manager", status: "invited", page: "1", pageSize: "25" });
  });

  it("disables an account only once the admin confirms, and says so", async () => {
    const api = fakeApi({
      "GET /api/admin/accounts": () => aPage([LEA]),
      "PATCH /api/admin/accounts/:id": ({ body }) => ({ ...LEA, ...(body as object) }),
    });
    const { user } = renderWithProviders(<AccountsTab />);

    await user.click(await screen.findByRole("button", { name: "Actions pour Léa Martin" }));
    await user.click(await screen.findByRole("menuitem", { name: "Désactiver le compte" }));
    const dialog = await screen.findByRole("dialog", { name: "Désactiver le compte de Léa Martin ?" });
    expect(within(dialog).getByText(/Léa Martin ne pourra plus se connecter/)).toBeTruthy();
    expect(api.calls("PATCH /api/admin/accounts/:id")).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "Désactiver le compte" }));
    await waitFor(() => expect(api.calls("PATCH /api/admin/accounts/:id")).toHaveLength(1));
    expect(api.calls("PATCH /api/admin/accounts/:id")[0]).toMatchObject({ params: { id: LEA.id }, body: { status: "disabled" } });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("sends the invitation again to an account not yet activated, and says to whom (the link is not shown)", async () => {
    const api = fakeApi({
      "GET /api/admin/accounts": () => aPage([KARIM]),
      "POST /api/admin/accounts/:id/invitation": ({ params }) => ({
        id: params.id,
        email: KARIM.email,
        link: null,
        isEmailed: true,
        expiresAt: "2026-03-19T10:00:00.000Z",
      }),
    });
    const { user } = renderWithProviders(<AccountsTab />);

    await user.click(await screen.findByRole("button", { name: "Actions pour Karim Diallo" }));
    await user.click(await screen.findByRole("menuitem", { name: "Renvoyer l’invitation" }));
    const dialog = await screen.findByRole("dialog", { name: "Invitation envoyée" });
    expect(within(dialog).getByText(`Invitation envoyée par courriel à ${KARIM.email}.`)).toBeTruthy();
    expect(within(dialog).getByText(/jusqu’au 19 mars 2026/)).toBeTruthy();
    expect(within(dialog).queryByRole("textbox")).toBeNull();
    expect(api.calls("POST /api/admin/accounts/:id/invitation")[0]?.params).toEqual({ id: KARIM.id });
  });

  it("shows the new link to hand over when no email server is set", async () => {
    fakeApi({
      "GET /api/admin/accounts": () => aPage([KARIM]),
      "POST /api/admin/accounts/:id/invitation": ({ params }) => ({
        id: params.id,
        email: KARIM.email,
        link: "http://localhost/invitation/abcdefghijklmnopqrstuvwxyz0123456789ABCDEF",
        isEmailed: false,
        expiresAt: "2026-03-19T10:00:00.000Z",
      }),
    });
    const { user } = renderWithProviders(<AccountsTab />);

    await user.click(await screen.findByRole("button", { name: "Actions pour Karim Diallo" }));
    await user.click(await screen.findByRole("menuitem", { name: "Renvoyer l’invitation" }));
    expect(await screen.findByRole("dialog", { name: "Invitation créée" })).toBeTruthy();
    const link = await screen.findByRole("textbox", { name: "Lien d’invitation" });
    expect((link as HTMLInputElement).value).toBe("http://localhost/invitation/abcdefghijklmnopqrstuvwxyz0123456789ABCDEF");
  });
});
