import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailMessages } from "../../db/schema.ts";
import { startSmtpTestServer } from "../../test/smtp-test-server.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { MASKED_TOKEN } from "./secret-links.ts";

/** An administrator invites someone, then opens the invitation email in the outbox. */
async function inviteAndRead(ctx: TestContext) {
  await createUser(ctx, { email: "admin@acme.test", roles: ["admin"], displayName: "Alice Admin" });
  const admin = new TestClient(ctx.app);
  await admin.login("admin@acme.test");
  const invited = await admin.post("/api/admin/invitations", { email: "lea@acme.test", displayName: "Léa", roles: ["participant"] });
  expect(invited.statusCode).toBe(201);
  const read = async () => {
    const [item] = (await admin.get("/api/admin/mail?to=lea@acme.test")).json().items;
    return (await admin.get(`/api/admin/mail/${item.id}`)).json();
  };
  return { invited: invited.json(), read };
}

describe("a link that opens an account", () => {
  it("with an SMTP server, reaches its recipient alone: masked in the outbox, and not kept once sent", async () => {
    const smtp = await startSmtpTestServer();
    const ctx = await createTestApp({ env: { SMTP_URL: smtp.url } });
    try {
      const { invited, read } = await inviteAndRead(ctx);
      expect(invited.link).toBeNull();
      const before = await read();
      expect(before.text).toContain(`/invitation/${MASKED_TOKEN}`);

      await ctx.runJobs();
      const [received] = smtp.to("lea@acme.test");
      const token = received?.text.match(/\/invitation\/([\w-]+)/)?.[1] as string;
      expect(token.length).toBeGreaterThan(20);
      expect((await ctx.app.inject({ method: "GET", url: `/api/invitations/${token}` })).statusCode).toBe(200);

      const after = await read();
      expect(after.status).toBe("sent");
      expect(after.text).toContain(`/invitation/${MASKED_TOKEN}`);
      const [stored] = await ctx.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, "lea@acme.test"));
      expect(JSON.stringify(stored)).not.toContain(token);
    } finally {
      await ctx.close();
      await smtp.close();
    }
  });

  it("without an SMTP server, stays readable in the outbox: the administrator hands it over", async () => {
    const ctx = await createTestApp();
    try {
      const { invited, read } = await inviteAndRead(ctx);
      await ctx.runJobs();
      const kept = await read();
      expect(kept.status).toBe("outbox");
      expect(kept.text).toContain(invited.link);
    } finally {
      await ctx.close();
    }
  });
});
