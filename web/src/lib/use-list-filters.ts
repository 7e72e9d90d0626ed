import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";

/**
 * State of a searchable, filtered, paginated list: the search box (sent 300 ms after typing stops)
 * and the filters; any change of search or filter goes back to page 1.
 */
export function useListFilters<F extends object>(initial: F) {
  const [search, setSearchText] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [filters, setFilters] = useState({ ...initial, page: 1 });
  return {
    search,
    setSearch: (value: string) => {
      setSearchText(value);
      setFilters((current) => ({ ...current, page: 1 }));
    },
    filters,
    setFilter: <K extends keyof F>(key: K, value: F[K]) => setFilters((current) => ({ ...current, [key]: value, page: 1 })),
    setPage: (page: number) => setFilters((current) => ({ ...current, page })),
    /** What to send to the API. */
    query: { ...filters, q },
  };
}
