import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../i18n/index.ts", () => ({ default: { language: "fr", t: (key: string) => key } }));

const { ApiError } = await import("./api.ts");
const { call, client } = await import("./api-client.ts");

type Call = { method: string; path: string; token: string | null; language: string | null; body: string };

/**
 * A fake server: hands out numbered CSRF tokens, says it rotated them on login and logout, and refuses
 * the token `stale-token` once with the server's CSRF_INVALID answer.
 */
function fakeServer() {
  const calls: Call[] = [];
  let issued = 0;
  let refusesNext = false;
  const fetchMock = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    const token = request.headers.get("x-csrf-token");
    calls.push({ method: request.method, path, token, language: request.headers.get("accept-language"), body: await request.text() });
    if (path === "/api/csrf-token") return Response.json({ token: `token-${++issued}` });
    if (refusesNext && request.method !== "GET") {
      refusesNext = false;
      return Response.json({ error: { code: "CSRF_INVALID", message: "Jeton expiré" } }, { status: 403 });
    }
    if (path === "/api/programmes/unknown") {
      return Response.json({ error: { code: "NOT_FOUND", message: "Programme introuvable", details: [] } }, { status: 404 });
    }
    const rotates = path === "/api/auth/login" || path === "/api/auth/logout";
    return Response.json({ ok: true }, { headers: rotates ? { "x-csrf-rotated": "1" } : {} });
  });
  return { calls, fetchMock, refuseNext: () => (refusesNext = true) };
}

describe("api client", () => {
  let server: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("fetches a new CSRF token after login and after logout, and keeps it in between", async () => {
    await call(client.POST("/api/auth/login", { body: { email: "a@example.fr", password: "x" } }));
    await call(client.PATCH("/api/me", { body: { language: "fr" } }));
    await call(client.PATCH("/api/me", { body: { language: "en" } }));
    await call(client.POST("/api/auth/logout"));
    await call(client.POST("/api/auth/login", { body: { email: "a@example.fr", password: "x" } }));

    const unsafe = server.calls.filter((c) => c.method !== "GET").map((c) => `${c.path} ${c.token}`);
    expect(unsafe).toEqual([
      "/api/auth/login token-1",
      "/api/me token-2",
      "/api/me token-2",
      "/api/auth/logout token-2",
      "/api/auth/login token-3",
    ]);
  });

  it("sends a refused request once more, body included, with a fresh token when the session's token went stale", async () => {
    await call(client.POST("/api/auth/login", { body: { email: "a@example.fr", password: "x" } }));
    server.refuseNext();
    await call(client.PATCH("/api/me", { body: { language: "en" } }));

    const patches = server.calls.filter((c) => c.path === "/api/me");
    expect(patches.map((c) => [c.token, c.body])).toEqual([
      ["token-2", '{"language":"en"}'],
      ["token-3", '{"language":"en"}'],
    ]);
  });

  it("rejects with the server's translated error, in the UI's language", async () => {
    const failure = call(client.GET("/api/programmes/{id}", { params: { path: { id: "unknown" } } }));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 404, code: "NOT_FOUND", message: "Programme introuvable" });
    expect(server.calls.at(-1)?.language).toBe("fr");
  });
});
