import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportRejection, PeopleImport } from "../../../../contracts/people.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { ImportPage } from "./import-page.tsx";
import { ImportPreview } from "./import-preview.tsx";

const ID = "00000000-0000-4000-8000-00000000d001";

function aPreview(overrides: Partial<PeopleImport["summary"]> = {}, status: PeopleImport["status"] = "previewed"): PeopleImport {
  return {
    id: ID,
    status,
    summary: {
      fileName: "export.csv",
      isFullSync: false,
      totalRows: 3,
      counts: { created: 2, updated: 1, unchanged: 0, deactivated: 0 },
      rejected: [],
      rejectedCount: 0,
      ignoredColumns: [],
      sensitiveColumns: [],
      ...overrides,
    },
    progress: null,
    failure: null,
    canApply: true,
  };
}

const rejection = (line: number, column: string): ImportRejection => ({
  line,
  column,
  code: "invalid",
  reason: `Valeur refusée ligne ${line}`,
});

function tableRows(name: string): string[] {
  return within(screen.getByRole("table", { name }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0]?.textContent ?? "");
}

describe("ImportPreview", () => {
  it("lists the refused rows by line, twenty per page, and sorts them by column", async () => {
    const rejected = Array.from({ length: 25 }, (_, index) => rejection(index + 2, index % 2 ? "email" : "matricule_manager"));
    const { user } = renderWithProviders(<ImportPreview preview={aPreview({ rejected, rejectedCount: 25 })} />);

    expect(screen.getByRole("heading", { name: "25 lignes refusées" })).toBeTruthy();
    expect(tableRows("Lignes refusées")).toHaveLength(20);
    expect(tableRows("Lignes refusées")[0]).toBe("2");
    expect(screen.getByText("1–20 sur 25")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Colonne" }));
    const columns = within(screen.getByRole("table", { name: "Lignes refusées" }))
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell")[1]?.textContent);
    expect(columns.slice(0, 12).every((column) => column === "email")).toBe(true);

    await user.click(screen.getByRole("button", { name: "Page 2" }));
    expect(tableRows("Lignes refusées")).toHaveLength(5);
  });

  it("shows no refused-rows table when every row is accepted", () => {
    renderWithProviders(<ImportPreview preview={aPreview()} />);
    expect(screen.queryByRole("table", { name: "Lignes refusées" })).toBeNull();
    expect(screen.getByText("À créer")).toBeTruthy();
  });
});

describe("ImportPage", () => {
  it("reopens a preview from the history, applies it and follows it from the queue until it is done", async () => {
    let reads = 0;
    const api = fakeApi({
      "GET /api/people/imports": () => ({
        items: [{ ...aPreview(), progress: undefined, createdAt: "2026-03-12T13:05:00.000Z", appliedAt: null }],
      }),
      "GET /api/people/imports/:id": () => {
        reads += 1;
        // The first read opens the preview; then the job stages the rows; the last read finds the apply finished.
        if (reads === 1) return aPreview();
        if (reads === 2) return { ...aPreview({}, "applying"), progress: { phase: "staging", done: 2, total: 3 } };
        return { ...aPreview({}, "applied"), canApply: false };
      },
      // The server answers at once: the import waits for its job.
      "POST /api/people/imports/:id/apply": () => ({ ...aPreview({}, "applying"), progress: { phase: "queued", done: 0, total: 3 } }),
    });
    const { user } = renderWithProviders(<ImportPage />);

    await user.click(await screen.findByRole("button", { name: "Voir et appliquer" }));
    expect(await screen.findByText("À créer")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Appliquer l’import" }));

    expect(await screen.findByText("En file d’attente…")).toBeTruthy();
    expect(await screen.findByText("Préparation : 2 sur 3", {}, { timeout: 3000 })).toBeTruthy();
    expect(await screen.findByText("Import terminé", {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText("Créées")).toBeTruthy();
    expect(api.calls("POST /api/people/imports/:id/apply")).toHaveLength(1);
    // Back to the start: the history shows the import's new state.
    await user.click(screen.getByRole("button", { name: "Importer un autre fichier" }));
    await waitFor(() => expect(api.calls("GET /api/people/imports").length).toBeGreaterThan(1));
  });
});
