import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";

/** The CSRF token is bound to the session (ADR 0003): one fetched for another session, or for none, is refused. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await createUser(ctx, { email: "victime@example.fr" });
  await createUser(ctx, { email: "attaquant@example.fr" });
});
afterAll(() => ctx.close());

const CSRF_ROTATED_HEADER = "x-csrf-rotated";

const CSRF_REFUSED = {
  error: { code: "CSRF_INVALID", message: expect.any(String), details: [] },
};

async function csrfToken(client: TestClient): Promise<string> {
  const response = await client.get("/api/csrf-token");
  expect(response.statusCode).toBe(200);
  return response.json().token;
}

/** The `_csrf` cookie a response sets, if any: the secret the double-submit token is checked against. */
const csrfCookieOf = (response: LightMyRequestResponse) =>
  (response.cookies as { name: string; value: string }[]).find((c) => c.name === "_csrf")?.value;

/** A state-changing request sent with exactly this token (as a forged form or script would). */
const patchMeWith = (client: TestClient, token: string) =>
  client.request("PATCH", "/api/me", { displayName: "Piraté" }, { csrf: false, headers: { "x-csrf-token": token } });

describe("CSRF token bound to the session", () => {
  it("refuses after login a token fetched before it", async () => {
    const browser = new TestClient(ctx.app);
    const before = await csrfToken(browser);
    await browser.login("victime@example.fr");
    const response = await patchMeWith(browser, before);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(CSRF_REFUSED);
  });

  it("refuses after logout a token of the ended session, on the login form", async () => {
    const browser = new TestClient(ctx.app);
    await browser.login("victime@example.fr");
    const during = await csrfToken(browser);
    expect((await browser.post("/api/auth/logout")).statusCode).toBe(200);
    const response = await browser.request(
      "POST",
      "/api/auth/login",
      { email: "victime@example.fr", password: "une longue phrase de passe" },
      { csrf: false, headers: { "x-csrf-token": during } },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(CSRF_REFUSED);
  });

  it("refuses an attacker's planted _csrf cookie with its matching token, made without a session", async () => {
    const attacker = new TestClient(ctx.app);
    const fetched = await attacker.get("/api/csrf-token");
    const token = fetched.json().token;
    const secret = csrfCookieOf(fetched) as string;
    expect(secret).toBeTruthy();

    const victim = new TestClient(ctx.app);
    await victim.login("victime@example.fr");
    victim.setCookie("_csrf", secret);
    const response = await patchMeWith(victim, token);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(CSRF_REFUSED);
    expect((await victim.get("/api/me")).json().displayName).not.toBe("Piraté");
  });

  it("refuses an attacker's planted _csrf cookie with a token made on the attacker's own session", async () => {
    const attacker = new TestClient(ctx.app);
    const fetched = await attacker.get("/api/csrf-token");
    const anonymousToken = fetched.json().token;
    const secret = csrfCookieOf(fetched) as string;
    await attacker.login("attaquant@example.fr");
    const sessionToken = await csrfToken(attacker);

    const victim = new TestClient(ctx.app);
    victim.setCookie("_csrf", secret);
    await victim.login("victime@example.fr");
    victim.setCookie("_csrf", secret);
    for (const token of [anonymousToken, sessionToken]) {
      const response = await patchMeWith(victim, token);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual(CSRF_REFUSED);
    }
  });

  it("gives a fresh _csrf secret at login and at logout", async () => {
    const browser = new TestClient(ctx.app);
    const anonymous = csrfCookieOf(await browser.get("/api/csrf-token"));
    const login = await browser.login("victime@example.fr");
    const loggedIn = csrfCookieOf(login);
    expect(loggedIn).toBeTruthy();
    expect(loggedIn).not.toBe(anonymous);
    const logout = await browser.post("/api/auth/logout");
    const loggedOut = csrfCookieOf(logout);
    expect(loggedOut).toBeTruthy();
    expect(loggedOut).not.toBe(loggedIn);
    // The web app cannot read the HttpOnly cookie: this header tells it to drop the token it holds.
    expect(login.headers[CSRF_ROTATED_HEADER]).toBe("1");
    expect(logout.headers[CSRF_ROTATED_HEADER]).toBe("1");
  });

  it("works in the normal flow: the client fetches a new token after login and after logout", async () => {
    const browser = new TestClient(ctx.app);
    await browser.login("victime@example.fr");
    expect((await browser.patch("/api/me", { displayName: "Victime" })).statusCode).toBe(200);
    expect((await browser.post("/api/auth/logout")).statusCode).toBe(200);
    await browser.login("victime@example.fr");
    expect((await browser.patch("/api/me", { displayName: "Victime" })).statusCode).toBe(200);
  });
});
