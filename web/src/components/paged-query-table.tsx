import { DataTable, type DataTableProps } from "./data-table.tsx";
import { ErrorAlert } from "./error-alert.tsx";

/** What the table reads of a query (`useQuery`) for one page of a list the API pages. */
export interface PagedQueryResult<Row> {
  data: { items: readonly Row[]; total: number } | undefined;
  error: unknown;
  isFetching: boolean;
}

/** The list's page and how to change it, e.g. `{ ...url, pageSize: PAGE_SIZE }` with `url` from `useUrlState`. */
export interface Paging {
  page: number;
  pageSize: number;
  setPage: (page: number) => void;
}

/**
 * A `DataTable` of one page of a server-paged query: the query's error above it, its rows, and the
 * page buttons once the total is known.
 *
 * ```tsx
 * <PagedQueryTable label={t("people.tabs.directory")} columns={columns} rowKey={(p) => p.id}
 *   query={usePeople(filters)} paging={{ ...url, pageSize: PAGE_SIZE }} empty={{ title: t("people.noPeople") }} />
 * ```
 */
export function PagedQueryTable<Row>({
  query,
  paging,
  ...props
}: Omit<DataTableProps<Row>, "rows" | "loading" | "pagination"> & { query: PagedQueryResult<Row>; paging: Paging }) {
  const { data } = query;
  return (
    <>
      <ErrorAlert error={query.error} />
      <DataTable
        {...props}
        rows={data?.items}
        loading={query.isFetching}
        pagination={data && { page: paging.page, pageSize: paging.pageSize, total: data.total, onChange: paging.setPage }}
      />
    </>
  );
}
