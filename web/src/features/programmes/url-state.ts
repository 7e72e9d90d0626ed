import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * A tab's list state kept in the address (?tab=enrolment&role=mentor&page=2), so that reloading or
 * sharing the link shows the same view. Changing a filter goes back to page 1.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | number | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === "") next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );
  return {
    get: (key: string) => params.get(key),
    /** One of `values`, or null. */
    choice: <V extends string>(key: string, values: readonly V[]): V | null => {
      const value = params.get(key);
      return values.includes(value as V) ? (value as V) : null;
    },
    page: Math.max(1, Math.floor(Number(params.get("page"))) || 1),
    set,
    setFilter: (key: string, value: string | null) => set({ [key]: value, page: null }),
    setPage: (page: number) => set({ page: page === 1 ? null : page }),
  };
}

/** The search box of a list: typed text at once, written to ?q= (and back to page 1) 300 ms after typing stops. */
export function useUrlSearch(url: ReturnType<typeof useUrlState>) {
  const inUrl = url.get("q") ?? "";
  const [search, setSearch] = useState(inUrl);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced text is written; the URL setter changes every render.
  useEffect(() => {
    if (debounced !== inUrl) url.set({ q: debounced, page: null });
  }, [debounced]);
  return { search, setSearch, q: inUrl };
}
