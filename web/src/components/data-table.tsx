/**
 * The app's one data table: typed columns, sorting (controlled, so that a server-sorted list and a
 * client-sorted one look and behave the same), pagination, loading and empty states, accessible names.
 *
 * ```tsx
 * const columns: DataTableColumn<Person>[] = [
 *   { key: "name", header: t("fields.displayName"), cell: (p) => personName(p), sortKey: "name" },
 *   { key: "site", header: t("fields.site"), cell: (p) => p.site, visibleFrom: "md" },
 *   { key: "actions", header: t("common.actions"), cell: (p) => <Actions person={p} />, align: "right" },
 * ];
 * <DataTable
 *   label={t("people.tabs.directory")}
 *   columns={columns}
 *   rows={people.data?.items}
 *   rowKey={(p) => p.id}
 *   loading={people.isFetching}
 *   sort={sort} onSortChange={setSort}                      // or {...useClientSort(rows, accessors)}
 *   pagination={people.data && { page: url.page, pageSize: PAGE_SIZE, total: people.data.total, onChange: url.setPage }}
 *   empty={{ title: t("people.noPeople"), action: <Button onClick={invite}>{t("people.invite")}</Button> }}
 * />
 * ```
 * For one page of a query that the API pages (`{ items, total }`), `PagedQueryTable` does the wiring.
 *
 * Long texts wrap (no minimum widths): the table fits a 1280 px screen without scrolling sideways.
 * Below `scrollBelow` pixels (phones) it scrolls inside its own container rather than squeezing every
 * column into a few letters; hide secondary columns there with `visibleFrom`.
 */
import { Center, Loader, type MantineBreakpoint, Stack, Table, type TableTrProps, Text, UnstyledButton } from "@mantine/core";
import { Fragment, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../i18n/index.ts";
import { TablePagination } from "./table-pagination.tsx";

export interface DataTableColumn<Row> {
  /** Unique among the columns. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Makes the header a sort button; this key is what `onSortChange` receives. */
  sortKey?: string;
  /** The direction of the first press on this column's header (e.g. "desc" for a score). Default "asc". */
  firstDirection?: SortDirection;
  /** "right" for numbers, so that their digits line up. */
  align?: "left" | "center" | "right";
  /** The column shows from this breakpoint up: secondary information that phones do without. */
  visibleFrom?: MantineBreakpoint;
  /** A width hint ("30%", 48 for a checkbox); never needed for text, which wraps. */
  width?: number | string;
}

export type SortDirection = "asc" | "desc";

export interface SortState<K extends string = string> {
  key: K;
  direction: SortDirection;
}

export interface DataTablePagination {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

export interface DataTableEmpty {
  title: ReactNode;
  description?: ReactNode;
  /** A button that gets the list started, e.g. "Invite people". */
  action?: ReactNode;
}

export interface DataTableProps<Row> {
  /** The table's accessible name (aria-label), even when a caption is shown. */
  label: string;
  /** A visible caption above the table. */
  caption?: ReactNode;
  columns: readonly DataTableColumn<Row>[];
  /** `undefined` while nothing has loaded yet. */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** Fetching: a loader while there are no rows yet, dimmed rows while newer ones load. */
  loading?: boolean;
  /** Shown in place of the rows when `rows` is empty. */
  empty?: DataTableEmpty;
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Omit while there is no total yet; the range and page buttons show below the table. */
  pagination?: DataTablePagination | null;
  /** Props of a row's `<tr>`, e.g. a background for a selected row. */
  rowProps?: (row: Row) => TableTrProps;
  /** Content of a full-width row under a row (an expanded row's details), or null for none. */
  rowDetails?: (row: Row) => ReactNode;
  /** Below this width in pixels the table scrolls sideways inside its container. Default 600. */
  scrollBelow?: number;
}

/** The sort after pressing `key`'s header: the other direction on the sorted column, else `firstDirection`. */
export function nextSort(current: SortState | null | undefined, key: string, firstDirection: SortDirection = "asc"): SortState {
  if (current?.key === key) return { key, direction: current.direction === "asc" ? "desc" : "asc" };
  return { key, direction: firstDirection };
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function DataTable<Row>({
  label,
  caption,
  columns,
  rows,
  rowKey,
  loading = false,
  empty,
  sort,
  onSortChange,
  pagination,
  rowProps,
  rowDetails,
  scrollBelow = 600,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const isWaiting = rows === undefined && loading;

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={scrollBelow} type="native">
        <Table
          aria-label={label}
          aria-busy={loading}
          striped
          highlightOnHover
          verticalSpacing="xs"
          // Emails and identifiers have no spaces: without this they would widen their column past the screen.
          style={{ overflowWrap: "anywhere", opacity: loading && rows !== undefined ? 0.6 : 1 }}
        >
          {caption && <Table.Caption>{caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <HeaderCell key={column.key} column={column} sort={sort} onSortChange={onSortChange} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => {
              const details = rowDetails?.(row);
              return (
                <Fragment key={rowKey(row)}>
                  <Table.Tr {...rowProps?.(row)}>
                    {columns.map((column) => (
                      <Table.Td key={column.key} ta={column.align} visibleFrom={column.visibleFrom}>
                        {column.cell(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {details != null && details !== false && (
                    <Table.Tr>
                      <Table.Td colSpan={columns.length}>{details}</Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
            {isWaiting && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Center py="md">
                    <Loader size="sm" aria-label={t("common.loading")} />
                  </Center>
                </Table.Td>
              </Table.Tr>
            )}
            {rows?.length === 0 && empty && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Stack align="center" gap="xs" py="lg">
                    <Text fw={500}>{empty.title}</Text>
                    {empty.description && (
                      <Text size="sm" c="dimmed" ta="center">
                        {empty.description}
                      </Text>
                    )}
                    {empty.action}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pagination && <TablePagination {...pagination} />}
    </Stack>
  );
}

function HeaderCell<Row>({
  column,
  sort,
  onSortChange,
}: {
  column: DataTableColumn<Row>;
  sort: SortState | null | undefined;
  onSortChange: ((sort: SortState) => void) | undefined;
}) {
  const isSortable = column.sortKey !== undefined && onSortChange !== undefined;
  const direction = isSortable && sort && sort.key === column.sortKey ? sort.direction : null;
  return (
    <Table.Th
      ta={column.align}
      w={column.width}
      visibleFrom={column.visibleFrom}
      aria-sort={isSortable ? (direction ? ARIA_SORT[direction] : "none") : undefined}
    >
      {isSortable ? (
        <UnstyledButton
          onClick={() => onSortChange(nextSort(sort, column.sortKey as string, column.firstDirection))}
          fw="inherit"
          fz="inherit"
          style={{ display: "inline-flex", alignItems: "center", gap: 4, textAlign: "inherit" }}
        >
          <span>{column.header}</span>
          <Text span aria-hidden c={direction ? undefined : "dimmed"} fz="xs">
            {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
          </Text>
        </UnstyledButton>
      ) : (
        column.header
      )}
    </Table.Th>
  );
}

/** What a client-sorted column compares: a text (in the UI language's order), a number, or null (always last). */
export type SortValue = string | number | null | undefined;

/**
 * `rows` in `sort`'s order, comparing each row's `accessors[sort.key]`; the order of equal rows is kept.
 * Texts compare as the UI language does ("Émile" between "Adèle" and "Zoé"), numbers as numbers.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  sort: SortState | null | undefined,
  accessors: Record<string, (row: Row) => SortValue>,
): Row[] {
  const accessor = sort ? accessors[sort.key] : undefined;
  if (!sort || !accessor) return [...rows];
  const collator = new Intl.Collator(currentLanguage(), { numeric: true, sensitivity: "base" });
  const sign = sort.direction === "asc" ? 1 : -1;
  return rows
    .map((row) => ({ row, value: accessor(row) }))
    .sort((a, b) => {
      const aMissing = a.value === null || a.value === undefined || a.value === "";
      const bMissing = b.value === null || b.value === undefined || b.value === "";
      if (aMissing || bMissing) return Number(aMissing) - Number(bMissing);
      if (typeof a.value === "number" && typeof b.value === "number") return sign * (a.value - b.value);
      return sign * collator.compare(String(a.value), String(b.value));
    })
    .map(({ row }) => row);
}

/**
 * Sorting on the client, for a list the API sends whole: spread the result into `<DataTable>`.
 * `accessors` maps each column's `sortKey` to the value it sorts by.
 */
export function useClientSort<Row>(
  rows: readonly Row[] | undefined,
  accessors: Record<string, (row: Row) => SortValue>,
  initial: SortState | null = null,
): { rows: Row[] | undefined; sort: SortState | null; onSortChange: (sort: SortState) => void } {
  const [sort, setSort] = useState(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: accessors are usually an inline object; the rows and the sort decide the order.
  const sorted = useMemo(() => (rows ? sortRows(rows, sort, accessors) : undefined), [rows, sort]);
  return { rows: sorted, sort, onSortChange: setSort };
}
