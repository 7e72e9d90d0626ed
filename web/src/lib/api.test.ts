import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../i18n/index.ts", () => ({ default: { language: "fr", t: (key: string) => key } }));

const { api } = await import("./api.ts");

type Call = { method: string; path: string; token: string | undefined };

/** A fake server: hands out numbered CSRF tokens, and says it rotated them on login and logout. */
function fakeServer() {
  const calls: Call[] = [];
  let issued = 0;
  const fetchMock = vi.fn(async (path: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ method: init.method as string, path, token: headers["x-csrf-token"] });
    if (path === "/api/csrf-token") return Response.json({ token: `token-${++issued}` });
    const rotates = path === "/api/auth/login" || path === "/api/auth/logout";
    return Response.json({ ok: true }, { headers: rotates ? { "x-csrf-rotated": "1" } : {} });
  });
  return { calls, fetchMock };
}

describe("api: CSRF token", () => {
  let server: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("fetches a new token after login and after logout, and keeps it in between", async () => {
    await api.post("/api/auth/login", { email: "a@example.fr", password: "x" });
    await api.patch("/api/me", { displayName: "A" });
    await api.patch("/api/me", { displayName: "B" });
    await api.post("/api/auth/logout");
    await api.post("/api/auth/login", { email: "a@example.fr", password: "x" });

    const unsafe = server.calls.filter((c) => c.method !== "GET").map((c) => `${c.path} ${c.token}`);
    expect(unsafe).toEqual([
      "/api/auth/login token-1",
      "/api/me token-2",
      "/api/me token-2",
      "/api/auth/logout token-2",
      "/api/auth/login token-3",
    ]);
  });
});
