import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailMessages } from "../../db/schema.ts";
import { mailDateWriters } from "../../platform/mail/index.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../test/smtp-test-server.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";

/** Invitations go by email: once, in the invited account's language, with a link that opens the invitation page. */

let serial = 0;
const unique = (name: string) => `${name}-${process.pid.toString(36)}${(++serial).toString(36)}@exemple.fr`;

async function loggedIn(ctx: TestContext, roles: ("admin" | "manager")[], displayName: string) {
  const email = unique("rh");
  await createUser(ctx, { email, roles, displayName });
  const client = new TestClient(ctx.app);
  await client.login(email);
  return client;
}

/** The invitation link an email's text gives, and its token. */
function linkIn(text: string): { link: string; token: string } {
  const match = /http:\/\/passerelle\.test\/invitation\/([\w-]+)/.exec(text);
  if (!match) throw new Error(`no invitation link in:\n${text}`);
  return { link: match[0], token: match[1] as string };
}

describe("with an SMTP server", () => {
  let smtp: SmtpTestServer;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    ctx = await createTestApp({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it("emails the invitation once, in French by default, naming who invites and until when; the answer has no link", async () => {
    const hr = await loggedIn(ctx, ["manager"], "Sophie Martin");
    const email = unique("lea");
    const response = await hr.post("/api/admin/invitations", { email, displayName: "Léa Roux", roles: ["participant"] });
    expect(response.statusCode).toBe(201);
    const invitation = response.json();
    expect(invitation).toMatchObject({ email, link: null, isEmailed: true });
    expect(response.body).not.toContain("/invitation/");

    await ctx.runJobs();
    await ctx.runJobs();
    const received = smtp.to(email);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.subject).toBe("Sophie Martin vous invite sur Passerelle – Passerelle");
    expect(mail?.text).toContain("Bonjour Léa Roux,");
    expect(mail?.text).toContain("Sophie Martin vous invite à rejoindre Passerelle");
    expect(mail?.text).toContain(`valable jusqu’au ${mailDateWriters("fr").dateTime(invitation.expiresAt)}`);
    expect(invitation.expiresAt).toBe(new Date(ctx.clock.now().getTime() + 7 * 24 * 3_600_000).toISOString());

    const { token, link } = linkIn(mail?.text ?? "");
    expect(mail?.html).toContain(`href="${link}"`);
    const page = await new TestClient(ctx.app).get(`/api/invitations/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({ email, displayName: "Léa Roux", locale: "fr" });
  });

  it("writes in English to someone whose account is in English", async () => {
    const admin = await loggedIn(ctx, ["admin"], "Sophie Martin");
    const email = unique("sam");
    const response = await admin.post("/api/admin/invitations", { email, displayName: "Sam Carter", roles: ["manager"], locale: "en" });
    expect(response.statusCode).toBe(201);
    await ctx.runJobs();
    const [mail] = smtp.to(email);
    expect(mail?.subject).toBe("Sophie Martin invites you to Passerelle – Passerelle");
    expect(mail?.text).toContain("Hello Sam Carter,");
    expect(mail?.text).toContain(`valid until ${mailDateWriters("en").dateTime(response.json().expiresAt)}`);
    const { token } = linkIn(mail?.text ?? "");
    expect((await new TestClient(ctx.app).get(`/api/invitations/${token}`)).json()).toMatchObject({ email, locale: "en" });
  });

  it("emails a new link when asked again; the first one stops working, and the answer still has no link", async () => {
    const hr = await loggedIn(ctx, ["manager"], "Sophie Martin");
    const email = unique("hugo");
    await hr.post("/api/admin/invitations", { email, displayName: "Hugo Petit", roles: ["participant"] });
    await ctx.runJobs();
    const first = linkIn(smtp.to(email)[0]?.text ?? "");

    const again = await hr.post(`/api/admin/accounts/${await accountIdOf(email)}/invitation`);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ email, link: null, isEmailed: true });
    await ctx.runJobs();
    const mails = smtp.to(email);
    expect(mails).toHaveLength(2);
    const second = linkIn(mails[1]?.text ?? "");
    expect(second.token).not.toBe(first.token);
    const anonymous = new TestClient(ctx.app);
    expect((await anonymous.get(`/api/invitations/${first.token}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/invitations/${second.token}`)).statusCode).toBe(200);
  });

  async function accountIdOf(email: string): Promise<string> {
    const admin = await loggedIn(ctx, ["admin"], "Admin");
    return (await admin.get(`/api/admin/accounts?q=${encodeURIComponent(email)}`)).json().items[0].id;
  }
});

describe("without an SMTP server (the outbox)", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it("returns the link for the manager to hand over, and keeps the same email in the outbox", async () => {
    const hr = await loggedIn(ctx, ["manager"], "Sophie Martin");
    const email = unique("lea");
    const response = await hr.post("/api/admin/invitations", { email, displayName: "Léa Roux", roles: ["participant"] });
    expect(response.statusCode).toBe(201);
    const { link } = response.json();
    expect(response.json()).toMatchObject({
      email,
      isEmailed: false,
      link: expect.stringMatching(/^http:\/\/passerelle\.test\/invitation\//),
    });

    await ctx.runJobs();
    const rows = await ctx.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "outbox", template: "invitation", category: "invitation", locale: "fr" });
    expect(linkIn(rows[0]?.text ?? "").link).toBe(link);
  });
});
