import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { PeopleImportList } from "../../../../contracts/people.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { ImportHistory } from "./import-history.tsx";

type Item = PeopleImportList["items"][number];

function anImport(overrides: Partial<Item> & { fileName?: string; rejectedCount?: number } = {}): Item {
  const { fileName = "export.csv", rejectedCount = 0, ...rest } = overrides;
  return {
    id: "00000000-0000-4000-8000-00000000d001",
    status: "applied",
    summary: {
      fileName,
      isFullSync: false,
      totalRows: 1200,
      counts: { created: 1200, updated: 0, unchanged: 0, deactivated: 0 },
      rejectedCount,
      ignoredColumns: [],
      sensitiveColumns: [],
    },
    failure: null,
    canApply: false,
    createdAt: "2026-03-12T13:05:00.000Z",
    appliedAt: "2026-03-12T13:06:00.000Z",
    ...rest,
  };
}

const APPLIED = anImport({ fileName: "export-corrige.csv" });
const REFUSED = anImport({
  id: "00000000-0000-4000-8000-00000000d002",
  fileName: "export-avec-erreurs.csv",
  status: "previewed",
  rejectedCount: 2,
  canApply: true,
  createdAt: "2026-03-12T12:55:00.000Z",
  appliedAt: null,
});
const EXPIRED = anImport({
  id: "00000000-0000-4000-8000-00000000d003",
  fileName: "ancien.csv",
  status: "failed",
  failure: "expired",
  createdAt: "2026-02-01T08:00:00.000Z",
  appliedAt: null,
});

function files(): string[] {
  return within(screen.getByRole("table", { name: "Derniers imports" }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[1]?.textContent ?? "");
}

describe("ImportHistory", () => {
  it("shows each import's date in the UI language, its state and its result, newest first", async () => {
    fakeApi({ "GET /api/people/imports": () => ({ items: [REFUSED, EXPIRED, APPLIED] }) });
    renderWithProviders(<ImportHistory onOpen={() => {}} />);

    await screen.findByText("export-corrige.csv");
    expect(files()).toEqual(["export-corrige.csv", "export-avec-erreurs.csv", "ancien.csv"]);
    const [applied, refused, expired] = within(screen.getByRole("table", { name: "Derniers imports" }))
      .getAllByRole("row")
      .slice(1) as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(applied).getByText(formatDateTime(APPLIED.createdAt))).toBeTruthy();
    expect(applied.textContent).toContain("Appliqué");
    expect(applied.textContent).toMatch(/1\s200 créées, 0 mises à jour/);
    expect(refused.textContent).toContain("Aperçu, non appliqué");
    expect(refused.textContent).toContain("2 lignes refusées");
    expect(expired.textContent).toContain("Expiré");
  });

  it("reopens an import, offering to apply only a preview without refused rows", async () => {
    const preview = anImport({ id: "00000000-0000-4000-8000-00000000d004", fileName: "propre.csv", status: "previewed", canApply: true });
    fakeApi({ "GET /api/people/imports": () => ({ items: [preview, REFUSED] }) });
    const onOpen = vi.fn();
    const { user } = renderWithProviders(<ImportHistory onOpen={onOpen} />);

    await user.click(await screen.findByRole("button", { name: "Voir et appliquer" }));
    expect(onOpen).toHaveBeenCalledWith(preview.id);
    expect(screen.getAllByRole("button", { name: "Voir" })).toHaveLength(1);
  });

  it("sorts by file name when asked", async () => {
    fakeApi({ "GET /api/people/imports": () => ({ items: [APPLIED, REFUSED, EXPIRED] }) });
    const { user } = renderWithProviders(<ImportHistory onOpen={() => {}} />);

    await user.click(await screen.findByRole("button", { name: "Fichier" }));
    expect(files()).toEqual(["ancien.csv", "export-avec-erreurs.csv", "export-corrige.csv"]);
  });

  it("says where imports will show before the first one", async () => {
    fakeApi({ "GET /api/people/imports": () => ({ items: [] }) });
    renderWithProviders(<ImportHistory onOpen={() => {}} />);
    expect(await screen.findByText("Aucun import pour l’instant")).toBeTruthy();
  });
});
