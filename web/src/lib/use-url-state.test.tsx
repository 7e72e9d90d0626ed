import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../test/render.tsx";
import { type UrlState, urlParam, useUrlSearch, useUrlState } from "./use-url-state.ts";

const ROLES = ["mentor", "mentee"] as const;
const params = {
  tab: urlParam.choice(["list", "board"], "list"),
  role: urlParam.choice(ROLES),
  site: urlParam.optionalText(),
  q: urlParam.text(),
};

/** Renders the hook and hands its latest state to the test. */
function renderUrlState(route: string, options?: Parameters<typeof useUrlState>[1]) {
  const latest: { url?: UrlState<typeof params>; search?: ReturnType<typeof useUrlSearch> } = {};
  function Harness() {
    const url = useUrlState(params, options);
    const search = useUrlSearch(url);
    latest.url = url;
    latest.search = search;
    return <input aria-label="search" value={search.search} onChange={(event) => search.setSearch(event.currentTarget.value)} />;
  }
  const rendered = renderWithProviders(<Harness />, { route, user: { advanceTimers: vi.advanceTimersByTime } });
  return { ...rendered, url: () => latest.url as UrlState<typeof params>, search: () => latest.search as ReturnType<typeof useUrlSearch> };
}

describe("useUrlState", () => {
  afterEach(() => vi.useRealTimers());

  it("reads typed values, with defaults for missing or unknown ones", () => {
    const { url } = renderUrlState("/list?tab=board&role=admin&site=&page=3");
    expect(url().values).toEqual({ tab: "board", role: null, site: null, q: "" });
    expect(url().page).toBe(3);
  });

  it("reads a page that is not a positive whole number as the first", () => {
    for (const page of ["0", "-2", "abc", "1.5"]) {
      const { url, unmount } = renderUrlState(`/list?page=${page}`);
      expect(url().page).toBe(1);
      unmount();
    }
  });

  it("goes back to the first page when a filter changes, and leaves defaults out of the address", () => {
    const { url, location } = renderUrlState("/list?tab=board&page=3&other=kept");
    act(() => url().set({ role: "mentor", tab: "list", site: "Lyon" }));
    expect(location().search).toBe("?other=kept&role=mentor&site=Lyon");
    expect(url().values.role).toBe("mentor");
    expect(url().page).toBe(1);
  });

  it("changes the page alone", () => {
    const { url, location } = renderUrlState("/list?role=mentee");
    act(() => url().setPage(4));
    expect(location().search).toBe("?role=mentee&page=4");
    act(() => url().setPage(1));
    expect(location().search).toBe("?role=mentee");
  });

  it("replaces the history entry unless asked to push", () => {
    const { url, navigationType } = renderUrlState("/list");
    act(() => url().set({ role: "mentor" }));
    expect(navigationType()).toBe("REPLACE");
    act(() => url().set({ tab: "board" }, { history: "push" }));
    expect(navigationType()).toBe("PUSH");
  });

  it("pushes by default when the hook says so", () => {
    const { url, navigationType } = renderUrlState("/list", { history: "push" });
    act(() => url().setPage(2));
    expect(navigationType()).toBe("PUSH");
  });

  it("can clear the parameters it does not set, e.g. a sub-tab's filters when the tab changes", () => {
    const { url, location } = renderUrlState("/list?role=mentor&page=2&run=7");
    act(() => url().set({ tab: "board" }, { clearOthers: true }));
    expect(location().search).toBe("?tab=board");
  });
});

describe("useUrlSearch", () => {
  afterEach(() => vi.useRealTimers());

  it("shows the typed text at once and writes it to ?q= (back to page 1) once typing stops", async () => {
    vi.useFakeTimers();
    const { user, search, location } = renderUrlState("/list?page=2");
    await user.type(screen.getByRole("textbox", { name: "search" }), " Léa ");
    expect(search().search).toBe(" Léa ");
    expect(location().search).toBe("?page=2");
    act(() => vi.advanceTimersByTime(300));
    expect(location().search).toBe(`?q=${encodeURIComponent("Léa")}`);
    expect(search().q).toBe("Léa");
  });

  it("follows the address when something else changes it", () => {
    const { url, search } = renderUrlState("/list?q=L%C3%A9a");
    expect(search().search).toBe("Léa");
    act(() => url().set({ q: "" }));
    expect(search().search).toBe("");
  });
});
