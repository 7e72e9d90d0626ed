/**
 * A screen's state kept in the address (?tab=enrolment&role=mentor&q=lea&page=2), so that reloading,
 * going back or sharing the link shows the same view.
 *
 * ```ts
 * const url = useUrlState({ role: urlParam.choice(ROLES), q: urlParam.text() });
 * const { search, setSearch, q } = useUrlSearch(url);         // the search box, debounced into ?q=
 * usePeople({ ...url.values, page: url.page });               // values typed: role is Role | null
 * url.set({ role: "mentor" });                                // back to page 1
 * url.setPage(3);
 * url.set({ tab: "pairs" }, { clearOthers: true });           // a new tab: its lists start afresh
 * ```
 */
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";

/** How one parameter is read from the address and written back; its default is left out of the address. */
export interface UrlParam<T> {
  read(raw: string | null): T;
  /** The text to write, or null to remove the parameter (its default). */
  write(value: T): string | null;
}

function choice<const V extends string>(values: readonly V[]): UrlParam<V | null>;
function choice<const V extends string>(values: readonly V[], fallback: NoInfer<V>): UrlParam<V>;
function choice<const V extends string>(values: readonly V[], fallback: V | null = null): UrlParam<V | null> {
  return {
    read: (raw) => (values.includes(raw as V) ? (raw as V) : fallback),
    write: (value) => (value === fallback ? null : value),
  };
}

/** Parameter kinds for {@link useUrlState}. */
export const urlParam = {
  /** Free text, "" when absent (a search, a selected id). */
  text: (fallback = ""): UrlParam<string> => ({
    read: (raw) => raw ?? fallback,
    write: (value) => (value === fallback ? null : value),
  }),
  /** Free text or null when absent or empty (a filter whose "all" is null, e.g. a department). */
  optionalText: (): UrlParam<string | null> => ({
    read: (raw) => raw || null,
    write: (value) => value || null,
  }),
  /** One of `values`; anything else in the address reads as `fallback` (null unless given). */
  choice,
  /** A whole number ≥ `min`; anything else reads as `fallback`. */
  integer: (fallback: number, min = 0): UrlParam<number> => ({
    read: (raw) => {
      const value = Number(raw ?? Number.NaN);
      return Number.isInteger(value) && value >= min ? value : fallback;
    },
    write: (value) => (value === fallback ? null : String(value)),
  }),
};

export type UrlParams = Record<string, UrlParam<unknown>>;
export type UrlValues<P extends UrlParams> = { [K in keyof P]: P[K] extends UrlParam<infer T> ? T : never };

export interface SetOptions {
  /** "replace" (the default of the hook, itself "replace" unless given) keeps filters out of the back button. */
  history?: "replace" | "push";
  /** Remove every other parameter of the address: a new tab's lists start afresh. */
  clearOthers?: boolean;
}

export interface UrlState<P extends UrlParams> {
  values: UrlValues<P>;
  /** The list's page (?page=, 1 when absent or invalid). */
  page: number;
  /** Changes some values; the page goes back to 1 (a filtered list's page 3 means nothing). */
  set(changes: Partial<UrlValues<P>>, options?: SetOptions): void;
  setPage(page: number, options?: Pick<SetOptions, "history">): void;
}

const PAGE = urlParam.integer(1, 1);

/**
 * The parameters `params` of the address, typed, plus the page. Parameters of the address that are not
 * in `params` are kept, so that a page and its tabs can each own some.
 */
export function useUrlState<P extends UrlParams>(params: P, options: { history?: "replace" | "push" } = {}): UrlState<P> {
  const [searchParams, setSearchParams] = useSearchParams();
  const values = Object.fromEntries(Object.entries(params).map(([key, param]) => [key, param.read(searchParams.get(key))])) as UrlValues<P>;

  const write = (changes: Record<string, string | null>, { history = options.history ?? "replace", clearOthers = false }: SetOptions) =>
    setSearchParams(
      (previous) => {
        const next = clearOthers ? new URLSearchParams() : new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: history === "replace" },
    );

  return {
    values,
    page: PAGE.read(searchParams.get("page")),
    set: (changes, setOptions = {}) => {
      const written: Record<string, string | null> = { page: null };
      for (const [key, value] of Object.entries(changes)) {
        const param = params[key];
        if (param) written[key] = param.write(value);
      }
      write(written, setOptions);
    },
    setPage: (page, setOptions = {}) => write({ page: PAGE.write(page) }, setOptions),
  };
}

/**
 * The search box of a list whose ?q= is a `urlParam.text()`: the typed text at once, written to the
 * address (and back to page 1) `delay` ms after typing stops; `q` is the trimmed text the list is
 * filtered by. Follows the address when something else changes ?q= (back button, a new tab).
 */
export function useUrlSearch<P extends UrlParams & { q: UrlParam<string> }>(url: UrlState<P>, { delay = 300 }: { delay?: number } = {}) {
  const q = url.values.q as string;
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), delay);
  const written = useRef(q);
  const set = useRef(url.set);
  set.current = url.set;

  useEffect(() => {
    if (debounced === written.current) return;
    written.current = debounced;
    set.current({ q: debounced } as Partial<UrlValues<P>>);
  }, [debounced]);

  useEffect(() => {
    if (q === written.current) return;
    written.current = q;
    setSearch(q);
  }, [q]);

  return { search, setSearch, q };
}
