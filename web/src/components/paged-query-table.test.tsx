import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../lib/api.ts";
import { renderWithProviders } from "../test/render.tsx";
import type { DataTableColumn } from "./data-table.tsx";
import { type PagedQueryResult, PagedQueryTable } from "./paged-query-table.tsx";

interface Person {
  id: string;
  name: string;
}

const COLUMNS: DataTableColumn<Person>[] = [{ key: "name", header: "Nom", cell: (p) => p.name }];

function renderTable(query: PagedQueryResult<Person>, onPageChange = vi.fn()) {
  const rendered = renderWithProviders(
    <PagedQueryTable
      label="Personnes"
      columns={COLUMNS}
      rowKey={(p) => p.id}
      query={query}
      paging={{ page: 2, pageSize: 25, setPage: onPageChange }}
      empty={{ title: "Personne" }}
    />,
  );
  return { ...rendered, onPageChange };
}

describe("PagedQueryTable", () => {
  it("shows the page of the query's rows and pages through its total", async () => {
    const { user, onPageChange } = renderTable({
      data: { items: [{ id: "1", name: "Léa Martin" }], total: 30 },
      error: null,
      isFetching: false,
    });
    expect(screen.getByRole("cell", { name: "Léa Martin" })).toBeTruthy();
    expect(screen.getByText("26–30 sur 30")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Page précédente" }));
    expect(onPageChange).toHaveBeenCalledWith(1);
  });

  it("says what went wrong when the query failed, with no page buttons", () => {
    renderTable({ data: undefined, error: new ApiError(0, "NETWORK_ERROR", "Le serveur ne répond pas."), isFetching: false });
    expect(screen.getByRole("alert").textContent).toContain("Le serveur ne répond pas.");
    expect(screen.queryByRole("button", { name: "Page précédente" })).toBeNull();
  });
});
