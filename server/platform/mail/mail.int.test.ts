import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mailMessages } from "../../db/schema.ts";
import { notify } from "../../modules/notifications/index.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../test/smtp-test-server.ts";
import { createTestApp, createUser, type TestContext } from "../../test/test-app.ts";
import { queueMail } from "./index.ts";

describe("email delivery", () => {
  let smtp: SmtpTestServer;
  let ctx: TestContext;
  beforeEach(async () => {
    smtp = await startSmtpTestServer();
    ctx = await createTestApp({ env: { SMTP_URL: smtp.url, PASSERELLE_MAIL_FROM: "Passerelle <rh@acme.test>" } });
  });
  afterEach(async () => {
    await ctx.close();
    await smtp.close();
  });

  it("sends a notification once, in the recipient's language, with List-Unsubscribe", async () => {
    const fr = await createUser(ctx, { email: "lea@acme.test", displayName: "Léa" });
    const en = await createUser(ctx, { email: "sam@acme.test", displayName: "Sam", locale: "en" });
    await ctx.database.db.transaction((tx) =>
      notify(
        tx,
        [fr, en].map((u) => ({ userId: u.id, kind: "proposal_accepted" as const, link: "/pairs" })),
        ctx.clock.now(),
      ),
    );
    expect(await ctx.runJobs()).toBe(2);
    expect(await ctx.runJobs()).toBe(0);
    const [toLea] = smtp.to("lea@acme.test");
    const [toSam] = smtp.to("sam@acme.test");
    expect(smtp.received).toHaveLength(2);
    expect(toLea?.subject).toBe("Votre proposition a été acceptée : votre binôme est formé.");
    expect(toLea?.text).toContain("Bonjour Léa,");
    expect(toLea?.text).toContain("http://passerelle.test/pairs");
    expect(toLea?.html).toContain('href="http://passerelle.test/pairs"');
    expect(toSam?.subject).toBe("Your proposal was accepted: your pair is formed.");
    expect(toSam?.header("List-Unsubscribe")).toMatch(/^<http:\/\/passerelle\.test\/api\/mail\/unsubscribe\/[0-9a-f-]{36}>$/);
    expect(toSam?.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const rows = await ctx.database.db.select().from(mailMessages);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(rows[0]?.lastResponse).toMatch(/^250/);
  });

  it("keeps the server's refusal and tries again later; the message goes out once", async () => {
    const user = await createUser(ctx, { email: "lea@acme.test" });
    smtp.refuseNext(1, "550 5.1.1 Mailbox full");
    const [id] = await ctx.database.db.transaction((tx) =>
      queueMail(
        tx,
        [
          {
            category: "security",
            template: "password_changed",
            params: { email: user.email, at: ctx.clock.now().toISOString() },
            toAddress: user.email,
            locale: "fr",
          },
        ],
        ctx.clock.now(),
      ),
    );
    await ctx.runJobs();
    const [failed] = await ctx.database.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.id, id as string));
    expect(failed).toMatchObject({ status: "queued", attempts: 1 });
    expect(failed?.lastResponse).toContain("Mailbox full");
    expect(smtp.received).toHaveLength(0);
    // The retry is due after its delay: pg-boss holds it until then.
    await ctx.database.executeSql("update pgboss.job set start_after = now() - interval '1 second' where name = 'mail-deliver'");
    await ctx.runJobs();
    expect(smtp.to("lea@acme.test")).toHaveLength(1);
    expect(smtp.received[0]?.header("List-Unsubscribe")).toBeUndefined();
  });
});

describe("without an SMTP server", () => {
  it("keeps every email in the outbox, rendered as it would be sent", async () => {
    const ctx = await createTestApp();
    try {
      const user = await createUser(ctx, { email: "lea@acme.test", displayName: "Léa" });
      await ctx.database.db.transaction((tx) => notify(tx, [{ userId: user.id, kind: "pair_completed", link: "/pairs" }], ctx.clock.now()));
      await ctx.runJobs();
      const [row] = await ctx.database.db.select().from(mailMessages);
      expect(row).toMatchObject({ status: "outbox", toAddress: "lea@acme.test", subject: "Votre binôme est terminé. Bravo !" });
      expect(row?.text).toContain("Bonjour Léa,");
    } finally {
      await ctx.close();
    }
  });
});
