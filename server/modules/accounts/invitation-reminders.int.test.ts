import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "../../platform/jobs/job-queue.ts";
import { type SmtpTestServer, startTestAppWithSmtp } from "../../test/smtp-test-server.ts";
import { createUser, TEST_PASSWORD, TestClient, type TestContext } from "../../test/test-app.ts";
import { sendInvitationReminders } from "./send-invitation-reminders.ts";

/** Reminders of an invitation not accepted: after 3 days and after 6, once each, each with a new link. */

const DAY = 24 * 3_600_000;
let smtp: SmtpTestServer;
let ctx: TestContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ smtp, ctx, close } = await startTestAppWithSmtp());
});
afterAll(() => close());

let serial = 0;
const unique = (name: string) => `${name}-${process.pid.toString(36)}${(++serial).toString(36)}@exemple.fr`;

/** Invites someone (by a manager of the test's own) and delivers the email; returns what to act with. */
async function invite(displayName: string) {
  const managerEmail = unique("rh");
  await createUser(ctx, { email: managerEmail, roles: ["manager"], displayName: "Sophie Martin" });
  const manager = new TestClient(ctx.app);
  await manager.login(managerEmail);
  const email = unique("invite");
  const response = await manager.post("/api/admin/invitations", { email, displayName, roles: ["participant"] });
  expect(response.statusCode).toBe(201);
  await ctx.runJobs();
  return { email, manager, managerEmail };
}

/** The hourly job, as the scheduler would start it, and the emails it queued. */
async function sweep() {
  await ctx.database.db.transaction((tx) => enqueue(tx, "invitation-reminders", {}));
  await ctx.runJobs();
}

const tokenIn = (text: string | undefined) => /\/invitation\/([\w-]+)/.exec(text ?? "")?.[1] as string;
const opens = async (token: string) => (await new TestClient(ctx.app).get(`/api/invitations/${token}`)).statusCode;

describe("invitation reminders", () => {
  it("come after 3 days and after 6, once each, with new links; the first link keeps working", async () => {
    const { email } = await invite("Léa Roux");
    const first = tokenIn(smtp.to(email)[0]?.text);

    ctx.clock.advance(3 * DAY - 60_000);
    await sweep();
    expect(smtp.to(email)).toHaveLength(1);

    ctx.clock.advance(60_000);
    await sweep();
    await sweep();
    const afterFirst = smtp.to(email);
    expect(afterFirst).toHaveLength(2);
    const reminder = afterFirst[1];
    expect(reminder?.subject).toMatch(/^Rappel : votre invitation sur Passerelle expire le /);
    expect(reminder?.text).toContain("Sophie Martin vous a invité·e à rejoindre Passerelle");
    const second = tokenIn(reminder?.text);
    expect(second).not.toBe(first);
    expect(await opens(first)).toBe(200);
    expect(await opens(second)).toBe(200);

    ctx.clock.advance(3 * DAY);
    await sweep();
    await sweep();
    const all = smtp.to(email);
    expect(all).toHaveLength(3);
    const third = tokenIn(all[2]?.text);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(await opens(first)).toBe(200);
    expect(await opens(third)).toBe(200);

    // Every link ends with the invitation, 7 days after it was sent.
    ctx.clock.advance(DAY);
    await sweep();
    expect(smtp.to(email)).toHaveLength(3);
    for (const token of [first, second, third]) expect(await opens(token)).toBe(404);
  });

  it("stop once the invitation is accepted, and every other link with it", async () => {
    const { email } = await invite("Hugo Petit");
    const first = tokenIn(smtp.to(email)[0]?.text);
    ctx.clock.advance(3 * DAY);
    await sweep();
    const reminderToken = tokenIn(smtp.to(email)[1]?.text);
    const accepted = await new TestClient(ctx.app).post(`/api/invitations/${reminderToken}/accept`, { password: TEST_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(await opens(first)).toBe(404);

    ctx.clock.advance(3 * DAY);
    await sweep();
    expect(smtp.to(email).filter((m) => m.subject.startsWith("Rappel"))).toHaveLength(1);
  });

  it("start again from a new invitation, which voids the reminders' links too", async () => {
    const { email, managerEmail } = await invite("Chloé Bernard");
    ctx.clock.advance(3 * DAY);
    await sweep();
    const [invitation, reminder] = smtp.to(email).map((m) => tokenIn(m.text));

    const manager = new TestClient(ctx.app);
    await manager.login(managerEmail);
    const again = await manager.post("/api/admin/invitations", { email, displayName: "Chloé Bernard", roles: ["participant"] });
    expect(again.statusCode).toBe(201);
    await ctx.runJobs();
    expect(await opens(invitation as string)).toBe(404);
    expect(await opens(reminder as string)).toBe(404);
    expect(await opens(tokenIn(smtp.to(email)[2]?.text))).toBe(200);

    // The new invitation is fresh: its own first reminder comes 3 days after it.
    await sweep();
    ctx.clock.advance(3 * DAY - 60_000);
    await sweep();
    expect(smtp.to(email)).toHaveLength(3);
    ctx.clock.advance(60_000);
    await sweep();
    expect(smtp.to(email)).toHaveLength(4);
  });

  it("stop when the invited person unsubscribes from the invitation email; the link keeps working", async () => {
    const { email } = await invite("Inès Garnier");
    const [invitation] = smtp.to(email);
    const messageId = invitation?.header("List-Unsubscribe")?.match(/\/api\/mail\/unsubscribe\/([0-9a-f-]{36})>$/)?.[1];
    expect(messageId).toBeDefined();
    // As a mail client does it (RFC 8058): a form POST, no cookie, no CSRF token.
    const unsubscribed = await ctx.app.inject({
      method: "POST",
      url: `/api/mail/unsubscribe/${messageId}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(unsubscribed.statusCode).toBe(200);
    expect(unsubscribed.json()).toEqual({ kind: null, category: "invitation" });

    ctx.clock.advance(3 * DAY);
    await sweep();
    ctx.clock.advance(3 * DAY);
    await sweep();
    expect(smtp.to(email)).toHaveLength(1);
    expect(await opens(tokenIn(invitation?.text))).toBe(200);
  });

  it("send one reminder, not two, when the sweep missed day 3; two sweeps at once send it once", async () => {
    const { email } = await invite("Marc Lefèvre");
    ctx.clock.advance(6 * DAY);
    const [a, b] = await Promise.all([sendInvitationReminders(ctx), sendInvitationReminders(ctx)]);
    expect((a ?? 0) + (b ?? 0)).toBeGreaterThanOrEqual(1);
    await ctx.runJobs();
    const toMarc = smtp.to(email);
    expect(toMarc).toHaveLength(2);
    expect(toMarc[1]?.subject).toMatch(/^Rappel/);
    await sweep();
    expect(smtp.to(email)).toHaveLength(2);
  });
});
