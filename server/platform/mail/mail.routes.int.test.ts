import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { mailMessages } from "../../db/schema.ts";
import { notify } from "../../modules/notifications/index.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../test/smtp-test-server.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { queueMail } from "./index.ts";

const ADMIN = "admin@acme.test";

let ctx: TestContext | undefined;
let smtp: SmtpTestServer | undefined;
afterEach(async () => {
  await ctx?.close();
  await smtp?.close();
  ctx = undefined;
  smtp = undefined;
});

async function appWithAdmin(env: Record<string, string> = {}) {
  ctx = await createTestApp({ env: { PASSERELLE_MAIL_FROM: "Passerelle <rh@acme.test>", ...env } });
  await createUser(ctx, { email: ADMIN, roles: ["admin"], displayName: "Alice Admin" });
  const admin = new TestClient(ctx.app);
  await admin.login(ADMIN);
  return { ctx, admin };
}

/** A security email to `to`, queued with its delivery job (not delivered until the jobs run). */
async function queueSecurityMail(context: TestContext, to: string): Promise<string> {
  const [id] = await context.database.db.transaction((tx) =>
    queueMail(
      tx,
      [
        {
          category: "security",
          template: "password_changed",
          params: { email: to, at: context.clock.now().toISOString() },
          toAddress: to,
          locale: "fr",
        },
      ],
      context.clock.now(),
    ),
  );
  return id as string;
}

describe("the outbox (no SMTP server)", () => {
  it("lists the newest first, filters by recipient and status, pages with nextBefore, reads a message as kept", async () => {
    const { ctx, admin } = await appWithAdmin();
    const lea = await createUser(ctx, { email: "lea@acme.test", displayName: "Léa" });
    const sam = await createUser(ctx, { email: "sam@acme.test", displayName: "Sam", locale: "en" });
    for (const kind of ["proposal_accepted", "pair_completed", "pair_ended"] as const) {
      ctx.clock.advance(60_000);
      await ctx.database.db.transaction((tx) => notify(tx, [{ userId: lea.id, kind, link: "/pairs" }], ctx.clock.now()));
    }
    await ctx.database.db.transaction((tx) => notify(tx, [{ userId: sam.id, kind: "pair_completed", link: "/pairs" }], ctx.clock.now()));
    await ctx.runJobs();

    const all = (await admin.get("/api/admin/mail")).json();
    expect(all.items).toHaveLength(4);
    expect(all.nextBefore).toBeNull();
    expect(all.items.every((m: { status: string }) => m.status === "outbox")).toBe(true);
    expect(all.items[0]).toMatchObject({ to: "sam@acme.test", template: "notification", category: "notification", locale: "en" });

    const toLea = (await admin.get("/api/admin/mail?to=LEA@acme.test")).json();
    expect(toLea.items.map((m: { to: string }) => m.to)).toEqual(["lea@acme.test", "lea@acme.test", "lea@acme.test"]);
    expect(toLea.items[2]).toMatchObject({ subject: "Votre proposition a été acceptée : votre binôme est formé.", status: "outbox" });

    const first = (await admin.get("/api/admin/mail?to=lea@acme.test&limit=2")).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toEqual(expect.any(Number));
    const second = (await admin.get(`/api/admin/mail?to=lea@acme.test&limit=2&before=${first.nextBefore}`)).json();
    expect(second.items.map((m: { id: string }) => m.id)).toEqual([toLea.items[2].id]);
    expect(second.nextBefore).toBeNull();

    expect((await admin.get("/api/admin/mail?status=failed")).json().items).toEqual([]);
    expect((await admin.get("/api/admin/mail?status=outbox")).json().items).toHaveLength(4);

    const message = (await admin.get(`/api/admin/mail/${toLea.items[2].id}`)).json();
    expect(message).toMatchObject({
      id: toLea.items[2].id,
      to: "lea@acme.test",
      from: "Passerelle <rh@acme.test>",
      status: "outbox",
      subject: "Votre proposition a été acceptée : votre binôme est formé.",
    });
    expect(message.text).toContain("Bonjour Léa,");
    expect(message.html).toContain('href="http://passerelle.test/pairs"');
    expect(message.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/passerelle\.test\/api\/mail\/unsubscribe\//);

    expect((await admin.get("/api/admin/mail/settings")).json()).toEqual({ mode: "outbox", from: "Passerelle <rh@acme.test>" });
    expect((await admin.get("/api/admin/jobs/failed")).json()).toEqual({ items: [] });
  });

  it("shows a message not delivered yet as it would be sent, without writing it", async () => {
    const { ctx, admin } = await appWithAdmin();
    const id = await queueSecurityMail(ctx, "lea@acme.test");

    const message = (await admin.get(`/api/admin/mail/${id}`)).json();
    expect(message).toMatchObject({ status: "queued", subject: expect.any(String), from: "Passerelle <rh@acme.test>" });
    expect(message.text).toContain("lea@acme.test");
    expect(message.headers["List-Unsubscribe"]).toBeUndefined();
    const [row] = await ctx.database.db.select().from(mailMessages).where(eq(mailMessages.id, id));
    expect(row).toMatchObject({ status: "queued", subject: null, text: null });
    // Once kept, the stored rendering is the one shown.
    await ctx.runJobs();
    expect((await admin.get(`/api/admin/mail/${id}`)).json()).toMatchObject({
      status: "outbox",
      subject: message.subject,
      text: message.text,
    });
  });

  it("answers 404 for an unknown message and 409 MAIL_NOT_FAILED for a retry of one that did not fail", async () => {
    const { ctx, admin } = await appWithAdmin();
    const id = await queueSecurityMail(ctx, "lea@acme.test");
    await ctx.runJobs();

    const unknown = await admin.get("/api/admin/mail/00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("NOT_FOUND");
    expect((await admin.post("/api/admin/mail/00000000-0000-4000-8000-000000000000/retry")).statusCode).toBe(404);
    const kept = await admin.post(`/api/admin/mail/${id}/retry`);
    expect(kept.statusCode).toBe(409);
    expect(kept.json().error).toMatchObject({ code: "MAIL_NOT_FAILED", message: expect.stringContaining("en échec") });
    expect((await admin.get("/api/admin/mail/pas-un-id")).statusCode).toBe(400);
  });

  it("is for administrators only: managers and participants get 403, anonymous 401", async () => {
    const { ctx } = await appWithAdmin();
    const id = await queueSecurityMail(ctx, "lea@acme.test");
    await createUser(ctx, { email: "manager@acme.test", roles: ["manager"] });
    await createUser(ctx, { email: "lea@acme.test" });
    const requests = [
      ["GET", "/api/admin/mail"],
      ["GET", "/api/admin/mail/settings"],
      ["GET", `/api/admin/mail/${id}`],
      ["POST", `/api/admin/mail/${id}/retry`],
      ["GET", "/api/admin/jobs/failed"],
    ] as const;
    for (const email of ["manager@acme.test", "lea@acme.test"]) {
      const client = new TestClient(ctx.app);
      await client.login(email);
      for (const [method, url] of requests) {
        const response = await client.request(method, url, method === "POST" ? {} : undefined);
        expect(response.statusCode, `${email} ${method} ${url}`).toBe(403);
      }
    }
    const anonymous = new TestClient(ctx.app);
    for (const [method, url] of requests) expect((await anonymous.request(method, url, undefined, { csrf: false })).statusCode).toBe(401);
  });
});

describe("with an SMTP server", () => {
  it("keeps a message that failed every try, lists its failed job, and sends it again on retry", async () => {
    smtp = await startSmtpTestServer();
    const { ctx, admin } = await appWithAdmin({ SMTP_URL: smtp.url });
    expect((await admin.get("/api/admin/mail/settings")).json()).toEqual({ mode: "smtp", from: "Passerelle <rh@acme.test>" });
    const id = await queueSecurityMail(ctx, "lea@acme.test");
    smtp.refuseNext(100, "550 5.1.1 Mailbox full");
    // Each try is due after its backoff: make it due now, as many times as the queue retries.
    for (let tries = 0; tries < 10; tries++) {
      await ctx.runJobs();
      const [row] = await ctx.database.db.select().from(mailMessages).where(eq(mailMessages.id, id));
      if (row?.status === "failed") break;
      await ctx.database.executeSql(
        "update pgboss.job set start_after = now() - interval '1 second' where name = 'mail-deliver' and state = 'retry'",
      );
    }
    const failed = (await admin.get("/api/admin/mail?status=failed")).json();
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ id, status: "failed", attempts: 7, lastResponse: expect.stringContaining("Mailbox full") });
    const jobs = (await admin.get("/api/admin/jobs/failed")).json().items;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toEqual({
      id: expect.any(String),
      queue: "mail-deliver",
      error: expect.stringContaining("Mailbox full"),
      retryCount: 6,
      failedAt: expect.any(String),
    });
    expect(smtp.received).toHaveLength(0);

    smtp.refuseNext(0);
    const retried = await admin.post(`/api/admin/mail/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id, status: "queued" });
    // A second retry before the delivery: the message is no longer failed.
    expect((await admin.post(`/api/admin/mail/${id}/retry`)).json().error.code).toBe("MAIL_NOT_FAILED");
    await ctx.runJobs();
    expect(smtp.to("lea@acme.test")).toHaveLength(1);
    const sent = (await admin.get(`/api/admin/mail/${id}`)).json();
    expect(sent).toMatchObject({ status: "sent", lastResponse: expect.stringMatching(/^250/), sentAt: expect.any(String) });
    expect(sent.subject).toBe(smtp.received[0]?.subject);
  });
});
