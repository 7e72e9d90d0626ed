import { screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../test/render.tsx";
import { DataTable, type DataTableColumn, type DataTableProps, type SortState, sortRows, useClientSort } from "./data-table.tsx";

interface Person {
  id: string;
  name: string;
  site: string | null;
  sessions: number;
}

const PEOPLE: Person[] = [
  { id: "1", name: "Zoé Martin", site: "Lyon", sessions: 3 },
  { id: "2", name: "Émile Durand", site: null, sessions: 12 },
  { id: "3", name: "Adèle Petit", site: "Nantes", sessions: 1 },
];

const COLUMNS: DataTableColumn<Person>[] = [
  { key: "name", header: "Nom", cell: (p) => p.name, sortKey: "name" },
  { key: "site", header: "Site", cell: (p) => p.site ?? "—", visibleFrom: "md" },
  { key: "sessions", header: "Séances", cell: (p) => p.sessions, sortKey: "sessions", align: "right" },
];

const ACCESSORS = { name: (p: Person) => p.name, sessions: (p: Person) => p.sessions, site: (p: Person) => p.site };

/** The table of PEOPLE, unless `props` says otherwise. */
function PeopleTable(props: Partial<DataTableProps<Person>>) {
  return <DataTable label="Personnes" columns={COLUMNS} rows={PEOPLE} rowKey={(p) => p.id} {...props} />;
}

function names(): string[] {
  const rows = within(screen.getByRole("table", { name: "Personnes" }))
    .getAllByRole("row")
    .slice(1);
  return rows.map((row) => within(row).getAllByRole("cell")[0]?.textContent ?? "");
}

describe("DataTable", () => {
  it("shows one row per item under labelled column headers", () => {
    renderWithProviders(<PeopleTable />);
    const table = screen.getByRole("table", { name: "Personnes" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Nom", "Site", "Séances"]);
    expect(names()).toEqual(["Zoé Martin", "Émile Durand", "Adèle Petit"]);
  });

  it("asks for a sort when a sortable header is pressed and marks the sorted column with aria-sort", async () => {
    const onSortChange = vi.fn();
    const { user } = renderWithProviders(<PeopleTable sort={{ key: "name", direction: "asc" }} onSortChange={onSortChange} />);
    const [name, site, sessions] = screen.getAllByRole("columnheader");
    expect(name?.getAttribute("aria-sort")).toBe("ascending");
    expect(sessions?.getAttribute("aria-sort")).toBe("none");
    expect(site?.hasAttribute("aria-sort")).toBe(false);
    expect(within(site as HTMLElement).queryByRole("button")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Nom" }));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: "name", direction: "desc" });
    await user.click(screen.getByRole("button", { name: "Séances" }));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: "sessions", direction: "asc" });
  });

  it("sorts on the client with useClientSort, toggling the direction", async () => {
    function Sorted() {
      const sorted = useClientSort(PEOPLE, ACCESSORS);
      return <PeopleTable {...sorted} />;
    }
    const { user } = renderWithProviders(<Sorted />);
    const nameHeader = () => screen.getAllByRole("columnheader")[0];

    await user.click(screen.getByRole("button", { name: "Nom" }));
    expect(nameHeader()?.getAttribute("aria-sort")).toBe("ascending");
    expect(names()).toEqual(["Adèle Petit", "Émile Durand", "Zoé Martin"]);

    await user.click(screen.getByRole("button", { name: "Nom" }));
    expect(nameHeader()?.getAttribute("aria-sort")).toBe("descending");
    expect(names()).toEqual(["Zoé Martin", "Émile Durand", "Adèle Petit"]);
  });

  it("shows the empty state, with its action, when there are no rows", () => {
    renderWithProviders(
      <PeopleTable rows={[]} empty={{ title: "Personne pour l'instant", action: <button type="button">Inviter</button> }} />,
    );
    expect(screen.getByText("Personne pour l'instant")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Inviter" })).toBeTruthy();
  });

  it("shows a loader while the first rows load, and no empty state", () => {
    renderWithProviders(<PeopleTable rows={undefined} loading empty={{ title: "Personne" }} />);
    expect(screen.getByLabelText("Chargement…")).toBeTruthy();
    expect(screen.queryByText("Personne")).toBeNull();
    expect(screen.getByRole("table").getAttribute("aria-busy")).toBe("true");
  });

  it("pages through a long list", async () => {
    function Paged() {
      const [page, setPage] = useState(1);
      return <PeopleTable pagination={{ page, pageSize: 25, total: 60, onChange: setPage }} />;
    }
    const { user } = renderWithProviders(<Paged />);
    expect(screen.getByText("1–25 sur 60")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Page suivante" }));
    expect(screen.getByText("26–50 sur 60")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Page 3" }));
    expect(screen.getByText("51–60 sur 60")).toBeTruthy();
  });

  it("calls back with the chosen page", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<PeopleTable pagination={{ page: 2, pageSize: 25, total: 60, onChange }} />);
    await user.click(screen.getByRole("button", { name: "Page précédente" }));
    expect(onChange).toHaveBeenCalledWith(1);
  });
});

describe("sortRows", () => {
  it("compares texts as the language does, numbers as numbers, and puts missing values last", () => {
    const sort = (key: string, direction: SortState["direction"]) => sortRows(PEOPLE, { key, direction }, ACCESSORS).map((p) => p.id);
    expect(sort("name", "asc")).toEqual(["3", "2", "1"]);
    expect(sort("sessions", "asc")).toEqual(["3", "1", "2"]);
    expect(sort("sessions", "desc")).toEqual(["2", "1", "3"]);
    expect(sort("site", "asc")).toEqual(["1", "3", "2"]);
    expect(sort("site", "desc")).toEqual(["3", "1", "2"]);
  });

  it("leaves the order alone without a sort", () => {
    expect(sortRows(PEOPLE, null, ACCESSORS)).toEqual(PEOPLE);
  });
});
