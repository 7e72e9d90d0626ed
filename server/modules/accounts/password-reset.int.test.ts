/**
 * "Forgot your password?" through the API, with the emails as a real SMTP server receives them:
 * the request answers the same for any address, the job sends one link to an active account (at
 * most three an hour), the link sets a new password once within the hour and ends every session.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { passwordResets } from "../../db/schema.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../test/smtp-test-server.ts";
import { createTestApp, createUser, TEST_PASSWORD, TestClient, type TestContext } from "../../test/test-app.ts";
import { insertUser } from "./index.ts";

const NEW_PASSWORD = "un tout nouveau départ chez Acme";
const HOUR_MS = 3_600_000;

describe("forgot password", () => {
  let smtp: SmtpTestServer;
  let ctx: TestContext;
  beforeEach(async () => {
    smtp = await startSmtpTestServer();
    ctx = await createTestApp({ env: { SMTP_URL: smtp.url } });
  });
  afterEach(async () => {
    await ctx.close();
    await smtp.close();
  });

  const forgot = (email: string, client = new TestClient(ctx.app)) => client.post("/api/auth/forgot-password", { email });
  const reset = (token: string, password = NEW_PASSWORD, client = new TestClient(ctx.app)) =>
    client.post("/api/auth/reset-password", { token, password });

  /** The token of the link in an email's text. */
  function tokenIn(text: string | undefined): string {
    const match = /http:\/\/passerelle\.test\/reset-password\?token=([\w-]+)/.exec(text ?? "");
    if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
    return match[1];
  }

  /** Asks for a link for `email`, runs the jobs and returns the token of the newest email received. */
  async function askLink(email: string): Promise<string> {
    expect((await forgot(email)).statusCode).toBe(202);
    await ctx.runJobs();
    return tokenIn(smtp.to(email).at(-1)?.text);
  }

  it("sends the link once, in French; it sets a new password, ends every session, and the old password stops working", async () => {
    await createUser(ctx, { email: "lea@acme.test", displayName: "Léa Martin" });
    const earlier = new TestClient(ctx.app);
    await earlier.login("lea@acme.test");
    const asker = new TestClient(ctx.app);

    const asked = await forgot("  Lea@Acme.test ", asker);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ ok: true });
    expect(smtp.received).toHaveLength(0);
    await ctx.runJobs();
    await ctx.runJobs();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.to("lea@acme.test");
    expect(mail?.subject).toBe("Choisir un nouveau mot de passe – Passerelle");
    expect(mail?.text).toContain("Bonjour Léa Martin,");
    expect(mail?.text).toContain("Ce lien est valable une heure et ne sert qu’une fois.");
    expect(mail?.html).toContain('href="http://passerelle.test/reset-password?token=');
    // A security email: always sent, no way to unsubscribe from it.
    expect(mail?.header("List-Unsubscribe")).toBeUndefined();
    const token = tokenIn(mail?.text);
    // Only the token's hash is kept.
    const [stored] = await ctx.database.db.select().from(passwordResets);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.expiresAt.getTime()).toBe(ctx.clock.now().getTime() + HOUR_MS);

    const done = await reset(token, NEW_PASSWORD, asker);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ ok: true });
    // Not logged in: they log in with the new password.
    expect(asker.sessionCookie).toBeUndefined();
    expect((await asker.get("/api/me")).statusCode).toBe(401);
    // The session opened before is over.
    expect((await earlier.get("/api/me")).statusCode).toBe(401);

    const withOld = await new TestClient(ctx.app).post("/api/auth/login", { email: "lea@acme.test", password: TEST_PASSWORD });
    expect(withOld.statusCode).toBe(401);
    expect(withOld.json().error.code).toBe("INVALID_CREDENTIALS");
    await new TestClient(ctx.app).login("lea@acme.test", NEW_PASSWORD);

    await ctx.runJobs();
    const changed = smtp.to("lea@acme.test")[1];
    expect(smtp.to("lea@acme.test")).toHaveLength(2);
    expect(changed?.subject).toBe("Votre mot de passe Passerelle a été changé");
    expect(changed?.text).toContain("Le mot de passe de votre compte Passerelle (lea@acme.test) a été changé le 2 mars 2026 à 10:00.");
    expect(changed?.text).toContain("Se connecter : http://passerelle.test/login");
    expect(changed?.header("List-Unsubscribe")).toBeUndefined();
  });

  it("writes to an English account in English", async () => {
    await createUser(ctx, { email: "sam@acme.test", displayName: "Sam Lee", locale: "en" });
    const token = await askLink("sam@acme.test");
    const [mail] = smtp.to("sam@acme.test");
    expect(mail?.subject).toBe("Choose a new password – Passerelle");
    expect(mail?.text).toContain("Hello Sam Lee,");
    expect(mail?.text).toContain("This link is valid for one hour and works once.");

    expect((await reset(token)).statusCode).toBe(200);
    await ctx.runJobs();
    expect(smtp.to("sam@acme.test")[1]?.subject).toBe("Your Passerelle password was changed");
  });

  it("works once", async () => {
    await createUser(ctx, { email: "lea@acme.test" });
    const token = await askLink("lea@acme.test");
    expect((await reset(token)).statusCode).toBe(200);

    const again = await reset(token, "encore une autre phrase de passe");
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toMatchObject({
      code: "PASSWORD_RESET_INVALID",
      message: expect.stringMatching(/^Ce lien n’est plus valable/),
    });
    await new TestClient(ctx.app).login("lea@acme.test", NEW_PASSWORD);
  });

  it("lets one of two concurrent uses of a link win", async () => {
    await createUser(ctx, { email: "lea@acme.test" });
    const token = await askLink("lea@acme.test");
    const answers = await Promise.all([reset(token, "la première phrase de passe"), reset(token, "la seconde phrase de passe")]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410]);
    await ctx.runJobs();
    expect(smtp.to("lea@acme.test").filter((m) => m.subject.includes("a été changé"))).toHaveLength(1);
  });

  it("expires after one hour", async () => {
    await createUser(ctx, { email: "lea@acme.test" });
    const token = await askLink("lea@acme.test");
    ctx.clock.advance(HOUR_MS);
    const late = await reset(token);
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe("PASSWORD_RESET_INVALID");
    await new TestClient(ctx.app).login("lea@acme.test");
  });

  it("answers an unknown address exactly as a known one, and sends nothing", async () => {
    await createUser(ctx, { email: "lea@acme.test" });
    const known = await forgot("lea@acme.test");
    const unknown = await forgot("personne@acme.test");
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers["content-type"]).toBe(known.headers["content-type"]);

    await ctx.runJobs();
    expect(smtp.to("personne@acme.test")).toHaveLength(0);
    expect(smtp.received.map((m) => m.to)).toEqual(["lea@acme.test"]);
  });

  it("sends at most three links an hour to an address; the newest one alone works", async () => {
    await createUser(ctx, { email: "lea@acme.test" });
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      tokens.push(await askLink("lea@acme.test"));
      ctx.clock.advance(60_000);
    }
    const fourth = await forgot("lea@acme.test");
    expect(fourth.statusCode).toBe(202);
    expect(fourth.json()).toEqual({ ok: true });
    await ctx.runJobs();
    expect(smtp.to("lea@acme.test")).toHaveLength(3);
    expect(await ctx.database.db.select().from(passwordResets)).toHaveLength(3);

    // Each new link replaced the earlier ones.
    expect((await reset(tokens[0] as string)).statusCode).toBe(410);
    expect((await reset(tokens[1] as string)).statusCode).toBe(410);
    expect((await reset(tokens[2] as string)).statusCode).toBe(200);

    // An hour after the first, a link may be asked for again.
    ctx.clock.advance(HOUR_MS - 3 * 60_000 + 1);
    await askLink("lea@acme.test");
    expect(smtp.to("lea@acme.test").filter((m) => m.subject.startsWith("Choisir"))).toHaveLength(4);
  });

  it("keeps only the address in the job, not the asker's IP address", async () => {
    expect((await forgot("lea@acme.test")).statusCode).toBe(202);
    const { rows } = await ctx.database.executeSql("select data from pgboss.job where name = 'password-reset-request'");
    expect(rows.map((r) => (r as { data: unknown }).data)).toEqual([{ email: "lea@acme.test" }]);
  });

  it("ends the open links when the password is changed on the account page", async () => {
    await createUser(ctx, { email: "lea@acme.test" });
    const token = await askLink("lea@acme.test");
    const lea = new TestClient(ctx.app);
    await lea.login("lea@acme.test");
    const changed = await lea.post("/api/me/password", { currentPassword: TEST_PASSWORD, newPassword: "ma phrase de passe choisie" });
    expect(changed.statusCode).toBe(200);

    const late = await reset(token);
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe("PASSWORD_RESET_INVALID");
    await new TestClient(ctx.app).login("lea@acme.test", "ma phrase de passe choisie");
  });

  it("refuses a weak password on the `password` field and keeps the link open", async () => {
    await createUser(ctx, { email: "lea@acme.test" });
    const token = await askLink("lea@acme.test");

    const common = await reset(token, "motdepasse123");
    expect(common.statusCode).toBe(400);
    expect(common.json().error.details).toEqual([{ path: "password", message: expect.stringMatching(/trop courant/) }]);
    const short = await reset(token, "court");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([{ path: "password", message: "Le mot de passe doit contenir au moins 12 caractères." }]);
    const withEmail = await reset(token, "lea@acme.test et encore");
    expect(withEmail.json().error.details).toEqual([{ path: "password", message: expect.any(String) }]);

    expect((await reset(token)).statusCode).toBe(200);
  });

  it("sends nothing to an invited account, and a link stops working once its account is disabled", async () => {
    await createUser(ctx, { email: "admin@acme.test", roles: ["admin"] });
    const lea = await createUser(ctx, { email: "lea@acme.test" });
    const admin = new TestClient(ctx.app);
    await admin.login("admin@acme.test");
    await insertUser(ctx.database.db, {
      email: "nina@acme.test",
      displayName: "Nina",
      passwordHash: null,
      status: "invited",
      locale: "fr",
      roles: ["participant"],
      now: ctx.clock.now(),
    });
    expect((await forgot("nina@acme.test")).statusCode).toBe(202);
    await ctx.runJobs();
    expect(smtp.received).toHaveLength(0);

    const token = await askLink("lea@acme.test");
    expect((await admin.patch(`/api/admin/accounts/${lea.id}`, { status: "disabled" })).statusCode).toBe(200);
    expect((await reset(token)).statusCode).toBe(410);
    // And a disabled account gets no new link.
    expect((await forgot("lea@acme.test")).statusCode).toBe(202);
    await ctx.runJobs();
    expect(smtp.to("lea@acme.test")).toHaveLength(1);
  });

  it("limits requests per source address, in the error envelope", async () => {
    const from = async (remoteAddress: string) => {
      const csrf = await ctx.app.inject({ method: "GET", url: "/api/csrf-token", remoteAddress });
      const cookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      return ctx.app.inject({
        method: "POST",
        url: "/api/auth/forgot-password",
        remoteAddress,
        headers: { cookie, "x-csrf-token": csrf.json().token, "accept-language": "fr" },
        payload: { email: "lea@acme.test" },
      });
    };
    for (let i = 0; i < 5; i++) expect((await from("203.0.113.7")).statusCode).toBe(202);
    const limited = await from("203.0.113.7");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: "RATE_LIMITED", message: "Trop de requêtes. Réessayez dans un instant." });
    expect((await from("203.0.113.8")).statusCode).toBe(202);
  });
});
