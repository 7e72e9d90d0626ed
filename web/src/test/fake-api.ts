/**
 * A fake Passerelle API for component tests: `fetch` is stubbed with a table of answers by method and
 * path, CSRF tokens are handed out, and every request is recorded (method, path, query, JSON body).
 *
 * ```ts
 * const api = fakeApi({
 *   "GET /api/people": () => ({ items: [], total: 0, page: 1, pageSize: 25, departments: [], sites: [] }),
 *   "PATCH /api/admin/accounts/:id": ({ params, body }) => ({ ...account, id: params.id, ...body }),
 *   "DELETE /api/admin/skills/:id": () => apiError(409, "SKILL_IN_USE", "Compétence utilisée"),
 * });
 * // … render, act …
 * expect(api.calls("PATCH /api/admin/accounts/:id")[0]?.body).toEqual({ status: "disabled" });
 * ```
 * Requests without an answer fail the test's query with a 404 (and are recorded, to be seen in `api.requests`).
 * The stub is removed after each test (`vi.unstubAllGlobals` in the returned `restore`, and by `afterEach`).
 */
import { afterEach, vi } from "vitest";

export interface FakeRequest {
  method: string;
  path: string;
  /** The route pattern that answered, e.g. "PATCH /api/admin/accounts/:id"; null when none did. */
  route: string | null;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/** An answer: a JSON body (status 200), or a whole `Response` (see {@link apiError}). */
export type FakeHandler = (request: FakeRequest) => unknown;

/** The server's error envelope with `status` and a catalogued `code`. */
export function apiError(status: number, code: string, message: string, details: unknown[] = []): Response {
  return Response.json({ error: { code, message, details } }, { status });
}

function match(pattern: string, path: string): Record<string, string> | null {
  const expected = pattern.split("/");
  const actual = path.split("/");
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const value = actual[index] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

/** Stubs `fetch` with `routes` ("METHOD /api/path/:param" → answer) for the current test. */
export function fakeApi(routes: Record<string, FakeHandler>) {
  const requests: FakeRequest[] = [];
  const fetchMock = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === "/api/csrf-token") return Response.json({ token: "test-token" });
    const text = await input.text();
    const request: FakeRequest = {
      method: input.method,
      path: url.pathname,
      route: null,
      params: {},
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(request);
    for (const [route, handler] of Object.entries(routes)) {
      const [method, pattern = ""] = route.split(" ");
      const params = method === input.method ? match(pattern, url.pathname) : null;
      if (!params) continue;
      request.route = route;
      request.params = params;
      const answer = await handler(request);
      return answer instanceof Response ? answer : Response.json(answer ?? null);
    }
    return apiError(404, "NOT_FOUND", `No fake answer for ${input.method} ${url.pathname}`);
  });
  vi.stubGlobal("fetch", fetchMock);
  return {
    requests,
    /** The requests a route answered, oldest first. */
    calls: (route: string) => requests.filter((request) => request.route === route),
    restore: () => vi.unstubAllGlobals(),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});
