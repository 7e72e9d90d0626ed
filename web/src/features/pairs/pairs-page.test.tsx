import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { PairsPage } from "./pairs-page.tsx";
import { aPair } from "./test-data.ts";

const NOEMIE = { id: "00000000-0000-4000-8000-000000000013", firstName: "Noémie", lastName: "Ferreira", department: null };

function rowsOf(tableName: string): string[] {
  return within(screen.getByRole("table", { name: tableName }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => row.textContent ?? "");
}

describe("PairsPage", () => {
  it("lists the current pairs with what comes next, apart from the past ones", async () => {
    fakeApi({
      "GET /api/me/pairs": () => ({
        items: [
          aPair(),
          aPair({
            id: "00000000-0000-4000-8000-0000000000bb",
            mentor: NOEMIE,
            state: "completed",
            createdAt: "2026-01-10T09:00:00.000Z",
          }),
        ],
      }),
    });
    renderWithProviders(<PairsPage />);

    const current = await screen.findByRole("table", { name: "Actuels" });
    expect(await within(current).findByText("Inès Haddad")).toBeTruthy();
    expect(rowsOf("Actuels")).toHaveLength(1);
    expect(within(current).getByText("Prochaine étape : fixer le café de présentation avec Inès.")).toBeTruthy();
    expect(within(current).getByRole("link", { name: "Ouvrir le binôme avec Inès Haddad" }).getAttribute("href")).toBe(
      "/pairs/00000000-0000-4000-8000-0000000000aa",
    );
    expect(rowsOf("Passés")).toEqual([expect.stringContaining("Noémie Ferreira")]);
    expect(rowsOf("Passés")[0]).toContain("Terminé");
  });

  it("explains where a pair will come from when there is none yet", async () => {
    fakeApi({ "GET /api/me/pairs": () => ({ items: [] }) });
    renderWithProviders(<PairsPage />);
    expect(await screen.findByText("Vous n’avez pas encore de binôme")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Mes propositions" }).getAttribute("href")).toBe("/proposals");
    expect(screen.queryByRole("table", { name: "Passés" })).toBeNull();
  });
});
