import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, createUser, TEST_PASSWORD, TestClient, type TestContext } from "../../test/test-app.ts";
import { ensureFirstAdmin } from "./accounts.service.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  // Each test starts from an empty organisation.
  await ctx.database.db.execute(sql`truncate users, sessions, invitations, setup_tokens, login_failures, people cascade`);
});

const serviceDeps = () => ({ database: ctx.database, clock: ctx.clock, publicUrl: ctx.config.publicUrl, session: ctx.config.session });
const tokenOf = (link: string) => link.split(/[/=]/).pop() as string;

describe("first administrator", () => {
  it("is created through the one-time setup link, which then stops working", async () => {
    const first = await ensureFirstAdmin(undefined, serviceDeps());
    expect(first.kind).toBe("setup-link");
    const token = tokenOf((first as { link: string }).link);

    const browser = new TestClient(ctx.app);
    expect((await browser.get("/api/setup/status")).json()).toEqual({ isSetupRequired: true });
    const created = await browser.post("/api/setup", {
      token,
      displayName: "Claire Admin",
      email: "Claire@Example.fr",
      password: TEST_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: "claire@example.fr", roles: ["admin"] });
    expect((await browser.get("/api/me")).json()).toMatchObject({ displayName: "Claire Admin" });
    expect((await browser.get("/api/setup/status")).json()).toEqual({ isSetupRequired: false });

    const again = await new TestClient(ctx.app).post("/api/setup", {
      token,
      displayName: "Intrus",
      email: "x@example.fr",
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("SETUP_NOT_AVAILABLE");
  });

  it("refuses a wrong setup token", async () => {
    await ensureFirstAdmin(undefined, serviceDeps());
    const response = await new TestClient(ctx.app).post("/api/setup", {
      token: "not-the-token",
      displayName: "A",
      email: "a@example.fr",
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("SETUP_TOKEN_INVALID");
  });

  it("is created from PASSERELLE_ADMIN_EMAIL and PASSERELLE_ADMIN_PASSWORD when both are set", async () => {
    const first = await ensureFirstAdmin({ email: "Root@Example.fr", password: TEST_PASSWORD }, serviceDeps());
    expect(first).toEqual({ kind: "created", email: "root@example.fr" });
    const browser = new TestClient(ctx.app);
    expect((await browser.login("root@example.fr")).json().roles).toEqual(["admin"]);
    expect(await ensureFirstAdmin({ email: "root@example.fr", password: TEST_PASSWORD }, serviceDeps())).toEqual({ kind: "exists" });
  });
});

describe("login and sessions", () => {
  beforeEach(async () => {
    await createUser(ctx, { email: "paul@example.fr" });
  });

  it("answers 401 on /api/me without a session, in the error envelope", async () => {
    const response = await new TestClient(ctx.app).get("/api/me");
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Vous devez être connecté·e.", details: [] } });
  });

  it("sets an HttpOnly SameSite=Lax cookie and gives a new session id at each login", async () => {
    const browser = new TestClient(ctx.app);
    const first = await browser.login("paul@example.fr");
    const cookie = first.cookies.find((c) => c.name === "passerelle_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const firstToken = browser.sessionCookie as string;

    await browser.login("paul@example.fr");
    expect(browser.sessionCookie).not.toBe(firstToken);
    const planted = new TestClient(ctx.app);
    planted.setCookie("passerelle_session", firstToken);
    expect((await planted.get("/api/me")).statusCode).toBe(401);
  });

  it("marks the cookie Secure behind an HTTPS proxy when told to trust it", async () => {
    const behindProxy = await createTestApp({ database: ctx.database, env: { PASSERELLE_TRUST_PROXY: "127.0.0.1" } });
    try {
      const plain = new TestClient(behindProxy.app);
      expect((await plain.login("paul@example.fr")).cookies.find((c) => c.name === "passerelle_session")?.secure).toBeFalsy();
      const https = new TestClient(behindProxy.app);
      const response = await https.request(
        "POST",
        "/api/auth/login",
        { email: "paul@example.fr", password: TEST_PASSWORD },
        { headers: { "x-forwarded-proto": "https" } },
      );
      expect(response.cookies.find((c) => c.name === "passerelle_session")?.secure).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });

  it("logs out: the old cookie no longer works", async () => {
    const browser = new TestClient(ctx.app);
    await browser.login("paul@example.fr");
    const token = browser.sessionCookie as string;
    expect((await browser.post("/api/auth/logout")).statusCode).toBe(200);
    expect((await browser.get("/api/me")).statusCode).toBe(401);
    const replay = new TestClient(ctx.app);
    replay.setCookie("passerelle_session", token);
    expect((await replay.get("/api/me")).statusCode).toBe(401);
  });

  it("ends a session idle for more than 30 minutes", async () => {
    const browser = new TestClient(ctx.app);
    await browser.login("paul@example.fr");
    ctx.clock.advance(29 * 60_000);
    expect((await browser.get("/api/me")).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    expect((await browser.get("/api/me")).statusCode).toBe(401);
  });

  it("ends any session after 12 hours, however active", async () => {
    const browser = new TestClient(ctx.app);
    await browser.login("paul@example.fr");
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 20) {
      expect((await browser.get("/api/me")).statusCode).toBe(200);
      ctx.clock.advance(20 * 60_000);
    }
    expect((await browser.get("/api/me")).statusCode).toBe(401);
  });

  it("refuses wrong passwords, then rate-limits the account after ten with a clear message", async () => {
    const attacker = new TestClient(ctx.app);
    for (let i = 0; i < 10; i++) {
      const response = await attacker.post("/api/auth/login", { email: "paul@example.fr", password: `mauvais mot de passe ${i}` });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toBe("Adresse e-mail ou mot de passe incorrect.");
    }
    const blocked = await attacker.post("/api/auth/login", { email: "paul@example.fr", password: TEST_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBe("900");
    expect(blocked.json().error).toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      message: "Trop de tentatives de connexion échouées. Réessayez dans 15 minutes.",
    });

    ctx.clock.advance(15 * 60_000 + 1);
    expect((await attacker.post("/api/auth/login", { email: "paul@example.fr", password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("rate-limits one IP trying many accounts", async () => {
    const attacker = new TestClient(ctx.app);
    for (let i = 0; i < 20; i++) {
      expect((await attacker.post("/api/auth/login", { email: `inconnu${i}@example.fr`, password: "nimporte quoi ici" })).statusCode).toBe(
        401,
      );
    }
    expect((await attacker.post("/api/auth/login", { email: "paul@example.fr", password: TEST_PASSWORD })).statusCode).toBe(429);
  });

  it("refuses a disabled account even with the right password", async () => {
    await ctx.database.db.execute(sql`update users set status = 'disabled' where email = 'paul@example.fr'`);
    const response = await new TestClient(ctx.app).post("/api/auth/login", { email: "paul@example.fr", password: TEST_PASSWORD });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("ACCOUNT_DISABLED");
  });
});

describe("CSRF", () => {
  it("rejects a state-changing request without the token, even with a valid session", async () => {
    await createUser(ctx, { email: "paul@example.fr" });
    const browser = new TestClient(ctx.app);
    await browser.login("paul@example.fr");
    const response = await browser.request("PATCH", "/api/me", { locale: "en" }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("CSRF_INVALID");
    const forged = await browser.request("PATCH", "/api/me", { locale: "en" }, { csrf: false, headers: { "x-csrf-token": "forged" } });
    expect(forged.statusCode).toBe(403);
    expect((await browser.patch("/api/me", { locale: "en" })).statusCode).toBe(200);
  });

  it("protects the login form too", async () => {
    const response = await new TestClient(ctx.app).post("/api/auth/login", { email: "a@example.fr", password: "x" }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });
});

describe("validation errors", () => {
  it("names each bad field, in French by default", async () => {
    const response = await new TestClient(ctx.app).post("/api/auth/login", { email: "pas-un-email" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: "VALIDATION_ERROR",
        message: "Certaines informations sont invalides.",
        details: [
          { path: "email", message: "Adresse e-mail invalide." },
          { path: "password", message: "Ce champ est obligatoire." },
        ],
      },
    });
  });

  it("answers in English with Accept-Language: en", async () => {
    const response = await new TestClient(ctx.app, "en-GB,en;q=0.9").post("/api/auth/login", { email: "pas-un-email" });
    expect(response.json().error).toEqual({
      code: "VALIDATION_ERROR",
      message: "Some information is invalid.",
      details: [
        { path: "email", message: "Invalid email address." },
        { path: "password", message: "This field is required." },
      ],
    });
  });

  it("prefers the user's language to Accept-Language", async () => {
    await createUser(ctx, { email: "anna@example.fr", locale: "en" });
    const browser = new TestClient(ctx.app, "fr-FR");
    await browser.login("anna@example.fr");
    const response = await browser.patch("/api/me", { locale: "de" });
    expect(response.json().error.details).toEqual([{ path: "locale", message: "Expected one of: fr, en." }]);
  });

  it("never sends a stack trace, even for malformed JSON", async () => {
    const csrf = await ctx.app.inject({ method: "GET", url: "/api/csrf-token" });
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json", "x-csrf-token": csrf.json().token, cookie: `_csrf=${csrf.cookies[0]?.value}` },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(response.json().error.code).toBe("BAD_REQUEST");
  });
});

describe("invitations", () => {
  async function adminClient() {
    await createUser(ctx, { email: "admin@example.fr", roles: ["admin"] });
    const admin = new TestClient(ctx.app);
    await admin.login("admin@example.fr");
    return admin;
  }

  it("lets an invited person set a password once, then log in", async () => {
    const admin = await adminClient();
    const invited = await admin.post("/api/admin/invitations", {
      email: "Lea.Martin@example.fr",
      displayName: "Léa Martin",
      roles: ["participant"],
    });
    expect(invited.statusCode).toBe(201);
    const { link, expiresAt } = invited.json();
    expect(link).toMatch(/^http:\/\/passerelle\.test\/invitation\/[\w-]{40,}$/);
    expect(new Date(expiresAt).getTime() - ctx.clock.now().getTime()).toBe(7 * 24 * 3_600_000);
    const token = tokenOf(link);

    const lea = new TestClient(ctx.app);
    expect((await lea.get(`/api/invitations/${token}`)).json()).toEqual({
      email: "lea.martin@example.fr",
      displayName: "Léa Martin",
      locale: "fr",
    });
    const accepted = await lea.post(`/api/invitations/${token}/accept`, { password: "ma phrase secrète du lundi" });
    expect(accepted.statusCode).toBe(200);
    expect((await lea.get("/api/me")).json()).toMatchObject({ email: "lea.martin@example.fr", roles: ["participant"] });

    expect(
      (await new TestClient(ctx.app).post(`/api/invitations/${token}/accept`, { password: "une autre phrase longue" })).statusCode,
    ).toBe(404);
    await new TestClient(ctx.app).login("lea.martin@example.fr", "ma phrase secrète du lundi");
  });

  it("refuses an 11-character password with a message naming the rule, and common passwords", async () => {
    const admin = await adminClient();
    const token = tokenOf(
      (await admin.post("/api/admin/invitations", { email: "b@example.fr", displayName: "B", roles: ["participant"] })).json().link,
    );
    const short = await new TestClient(ctx.app).post(`/api/invitations/${token}/accept`, { password: "abcdefghijk" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([{ path: "password", message: "Le mot de passe doit contenir au moins 12 caractères." }]);
    const common = await new TestClient(ctx.app, "en").post(`/api/invitations/${token}/accept`, { password: "azertyuiop123" });
    expect(common.json().error.details).toEqual([
      { path: "password", message: "This password is too common: choose another one, for example a phrase of several words." },
    ]);
    // Twelve characters, no digit, no capital: accepted (no composition rules).
    expect((await new TestClient(ctx.app).post(`/api/invitations/${token}/accept`, { password: "girafe rouge" })).statusCode).toBe(200);
  });

  it("expires after 7 days", async () => {
    const admin = await adminClient();
    const token = tokenOf(
      (await admin.post("/api/admin/invitations", { email: "c@example.fr", displayName: "C", roles: ["participant"] })).json().link,
    );
    ctx.clock.advance(7 * 24 * 3_600_000 + 1000);
    const response = await new TestClient(ctx.app).get(`/api/invitations/${token}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("INVITATION_INVALID");
  });

  it("replaces the previous link when a new one is issued", async () => {
    const admin = await adminClient();
    const first = await admin.post("/api/admin/invitations", { email: "d@example.fr", displayName: "D", roles: ["participant"] });
    const second = await admin.post(
      `/api/admin/accounts/${(await admin.get("/api/admin/accounts?q=d@example")).json().items[0].id}/invitation`,
    );
    expect(second.statusCode).toBe(201);
    expect((await new TestClient(ctx.app).get(`/api/invitations/${tokenOf(first.json().link)}`)).statusCode).toBe(404);
    expect((await new TestClient(ctx.app).get(`/api/invitations/${tokenOf(second.json().link)}`)).statusCode).toBe(200);
  });

  it("gives no new link to an account already active", async () => {
    const admin = await adminClient();
    const me = (await admin.get("/api/me")).json();
    const response = await admin.post(`/api/admin/accounts/${me.id}/invitation`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: "NOT_INVITED",
      message: "Le compte de admin@example.fr est déjà activé : inutile de l’inviter à nouveau.",
    });
  });

  it("refuses to invite an email that already has an active account", async () => {
    const admin = await adminClient();
    const response = await admin.post("/api/admin/invitations", { email: "admin@example.fr", displayName: "Moi", roles: ["participant"] });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0]).toEqual({ path: "email", message: "Un compte existe déjà pour admin@example.fr." });
  });
});

describe("access control", () => {
  it("forbids admin routes to a participant and to a manager where only admins may go", async () => {
    await createUser(ctx, { email: "part@example.fr", roles: ["participant"] });
    await createUser(ctx, { email: "rh@example.fr", roles: ["manager"] });
    const participant = new TestClient(ctx.app);
    await participant.login("part@example.fr");
    expect((await participant.get("/api/admin/accounts")).statusCode).toBe(403);
    expect((await participant.get("/api/people")).statusCode).toBe(403);
    const invite = await participant.post("/api/admin/invitations", { email: "x@example.fr", displayName: "X", roles: ["participant"] });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().error).toMatchObject({ code: "FORBIDDEN", message: "Vous n’avez pas accès à cette action." });

    const manager = new TestClient(ctx.app);
    await manager.login("rh@example.fr");
    expect((await manager.get("/api/admin/accounts")).statusCode).toBe(403);
    expect(
      (await manager.post("/api/admin/invitations", { email: "p@example.fr", displayName: "P", roles: ["participant"] })).statusCode,
    ).toBe(201);
    const escalate = await manager.post("/api/admin/invitations", { email: "q@example.fr", displayName: "Q", roles: ["admin"] });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().error.code).toBe("CANNOT_GRANT_ROLE");
  });

  it("answers 401 before anything else when not logged in", async () => {
    expect((await new TestClient(ctx.app).get("/api/admin/accounts")).statusCode).toBe(401);
    expect(
      (await new TestClient(ctx.app).patch("/api/admin/accounts/00000000-0000-0000-0000-000000000000", { status: "disabled" })).statusCode,
    ).toBe(401);
  });
});

describe("my account", () => {
  it("remembers my language and answers in it", async () => {
    await createUser(ctx, { email: "paul@example.fr" });
    const browser = new TestClient(ctx.app);
    await browser.login("paul@example.fr");
    expect((await browser.patch("/api/me", { locale: "en" })).json().locale).toBe("en");
    const again = new TestClient(ctx.app);
    expect((await again.login("paul@example.fr")).json().locale).toBe("en");
    expect((await again.get("/api/admin/accounts")).json().error.message).toBe("You are not allowed to do this.");
  });

  it("changes my password after checking the current one, and ends my other sessions", async () => {
    await createUser(ctx, { email: "paul@example.fr" });
    const laptop = new TestClient(ctx.app);
    const phone = new TestClient(ctx.app);
    await laptop.login("paul@example.fr");
    await phone.login("paul@example.fr");
    const wrong = await laptop.post("/api/me/password", { currentPassword: "pas le bon du tout", newPassword: "nouvelle phrase de passe" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ path: "currentPassword", message: "Le mot de passe actuel est incorrect." }]);
    expect(
      (await laptop.post("/api/me/password", { currentPassword: TEST_PASSWORD, newPassword: "nouvelle phrase de passe" })).statusCode,
    ).toBe(200);
    expect((await laptop.get("/api/me")).statusCode).toBe(200);
    expect((await phone.get("/api/me")).statusCode).toBe(401);
    await new TestClient(ctx.app).login("paul@example.fr", "nouvelle phrase de passe");
  });
});

describe("account administration", () => {
  it("searches accounts, changes roles, disables an account and ends its sessions", async () => {
    await createUser(ctx, { email: "admin@example.fr", roles: ["admin"], displayName: "Alice Admin" });
    const bob = await createUser(ctx, { email: "bob@example.fr", displayName: "Bob Durand" });
    const admin = new TestClient(ctx.app);
    await admin.login("admin@example.fr");
    const bobBrowser = new TestClient(ctx.app);
    await bobBrowser.login("bob@example.fr");

    const found = (await admin.get("/api/admin/accounts?q=durand")).json();
    expect(found).toMatchObject({ total: 1, items: [{ email: "bob@example.fr", roles: ["participant"], status: "active" }] });
    expect((await admin.patch(`/api/admin/accounts/${bob.id}`, { roles: ["manager", "participant"] })).json().roles).toEqual([
      "manager",
      "participant",
    ]);
    expect((await admin.patch(`/api/admin/accounts/${bob.id}`, { status: "disabled" })).json().status).toBe("disabled");
    expect((await bobBrowser.get("/api/me")).statusCode).toBe(401);
  });

  it("never removes the last active administrator", async () => {
    const alice = await createUser(ctx, { email: "admin@example.fr", roles: ["admin"] });
    const admin = new TestClient(ctx.app);
    await admin.login("admin@example.fr");
    const response = await admin.patch(`/api/admin/accounts/${alice.id}`, { roles: ["participant"] });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("LAST_ADMIN");
    expect((await admin.get("/api/me")).json().roles).toEqual(["admin"]);
  });

  it("answers 404 for an unknown account id", async () => {
    await createUser(ctx, { email: "admin@example.fr", roles: ["admin"] });
    const admin = new TestClient(ctx.app);
    await admin.login("admin@example.fr");
    expect((await admin.patch("/api/admin/accounts/00000000-0000-4000-8000-000000000000", { status: "disabled" })).statusCode).toBe(404);
  });
});
