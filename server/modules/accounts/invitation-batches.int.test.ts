import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, mailMessages, users } from "../../db/schema.ts";
import { enqueue } from "../../platform/jobs/job-queue.ts";
import { cast, newManager, programmeIn, uniqueSuffix } from "../../test/programme-builders.ts";
import { type SmtpTestServer, startTestAppWithSmtp } from "../../test/smtp-test-server.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { insertPeople } from "../people/index.ts";

/**
 * Bulk invitations: from the directory's filters or a programme's enrolled people, by a job, with its
 * progress on the batch; each person without an account invited once, however often the job runs.
 */

let smtp: SmtpTestServer;
let ctx: TestContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ smtp, ctx, close } = await startTestAppWithSmtp());
});
afterAll(() => close());

/** People of a department of their own (unique), as the HR import would write them; returns their emails by key. */
async function department(people: { key: string; isActive?: boolean; site?: string }[], on: TestContext = ctx) {
  const suffix = uniqueSuffix();
  const name = `Finance ${suffix}`;
  const now = on.clock.now();
  const emailOf = (key: string) => `${key}-${suffix}@exemple.fr`;
  await insertPeople(
    on.database.db,
    people.map((p) => ({
      employeeId: `${p.key}-${suffix}`,
      firstName: p.key.charAt(0).toUpperCase() + p.key.slice(1),
      lastName: "Durand",
      email: emailOf(p.key),
      department: name,
      site: p.site ?? "Lyon",
      isActive: p.isActive ?? true,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return { name, emailOf };
}

async function loggedIn(roles: ("admin" | "manager" | "participant")[], displayName = "Sophie Martin", on: TestContext = ctx) {
  const email = `rh-${uniqueSuffix()}@exemple.fr`;
  await createUser(on, { email, roles, displayName });
  const client = new TestClient(on.app);
  await client.login(email);
  return client;
}

const mailsTo = (email: string) => smtp.to(email).length;

describe("a bulk invitation from the directory's filters", () => {
  it("invites exactly the active people shown without an account, once each, and its progress reaches the total", async () => {
    const hr = await loggedIn(["manager"]);
    const finance = await department([
      { key: "alice" },
      { key: "bruno" },
      { key: "chloe", site: "Paris" },
      { key: "denis" },
      { key: "emma", isActive: false },
    ]);
    // Denis has an account already (linked to his entry by its email).
    await createUser(ctx, { email: finance.emailOf("denis") });
    const source = { kind: "directory", filters: { department: finance.name, site: "Lyon" } };

    const preview = await hr.post("/api/invitation-batches/preview", { source });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ toInvite: 2, withAccount: 1 });

    const created = await hr.post("/api/invitation-batches", { source });
    expect(created.statusCode).toBe(202);
    const batch = created.json();
    expect(batch).toMatchObject({ status: "queued", total: 2, done: 0, skipped: 0, finishedAt: null });

    await ctx.runJobs();
    const progress = await hr.get(`/api/invitation-batches/${batch.id}`);
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({ status: "done", total: 2, done: 2, skipped: 0, finishedAt: expect.any(String) });

    expect(mailsTo(finance.emailOf("alice"))).toBe(1);
    expect(mailsTo(finance.emailOf("bruno"))).toBe(1);
    for (const key of ["chloe", "denis", "emma"]) expect(mailsTo(finance.emailOf(key)), key).toBe(0);
    const [toAlice] = smtp.to(finance.emailOf("alice"));
    expect(toAlice?.subject).toBe("Sophie Martin vous invite sur Passerelle – Passerelle");
    expect(toAlice?.text).toContain("Bonjour Alice Durand,");
    const token = /\/invitation\/([\w-]+)/.exec(toAlice?.text ?? "")?.[1];
    expect((await new TestClient(ctx.app).get(`/api/invitations/${token}`)).json()).toEqual({
      email: finance.emailOf("alice"),
      displayName: "Alice Durand",
      locale: "fr",
    });

    // The directory shows their invited accounts, linked to their entries, as participants.
    const directory = (await hr.get(`/api/people?department=${encodeURIComponent(finance.name)}`)).json().items as {
      firstName: string;
      account: { status: string; roles: string[] } | null;
    }[];
    expect(Object.fromEntries(directory.map((p) => [p.firstName, p.account?.status ?? null]))).toEqual({
      Alice: "invited",
      Bruno: "invited",
      Chloe: null,
      Denis: "active",
      Emma: null,
    });
    expect(directory.find((p) => p.firstName === "Alice")?.account?.roles).toEqual(["participant"]);
    const rows = await ctx.database.db.select().from(invitations).where(eq(invitations.batchId, batch.id));
    expect(rows.map((r) => r.round)).toEqual([0, 0]);
  });

  it("sends nothing twice when its job runs again, or resumes after its server died while it ran", async () => {
    const hr = await loggedIn(["manager"]);
    const finance = await department([{ key: "alice" }, { key: "bruno" }]);
    const batch = (
      await hr.post("/api/invitation-batches", { source: { kind: "directory", filters: { department: finance.name } } })
    ).json();
    await ctx.runJobs();
    expect(mailsTo(finance.emailOf("alice")) + mailsTo(finance.emailOf("bruno"))).toBe(2);

    // The same job again.
    await ctx.database.db.transaction((tx) => enqueue(tx, "invitation-batch", { batchId: batch.id }));
    expect(await ctx.runJobs()).toBe(1);
    // As if its server had died in the middle: still "running", the job started afresh.
    await ctx.database.db.execute(sql`update invitation_batches set status = 'running', finished_at = null where id = ${batch.id}`);
    await ctx.database.db.transaction((tx) => enqueue(tx, "invitation-batch", { batchId: batch.id }));
    await ctx.runJobs();

    expect(mailsTo(finance.emailOf("alice"))).toBe(1);
    expect(mailsTo(finance.emailOf("bruno"))).toBe(1);
    expect((await hr.get(`/api/invitation-batches/${batch.id}`)).json()).toMatchObject({ status: "done", total: 2, done: 2, skipped: 0 });
  });

  it("counts as skipped the people who got an account between the request and the job", async () => {
    const hr = await loggedIn(["manager"]);
    const finance = await department([{ key: "alice" }, { key: "bruno" }, { key: "chloe" }]);
    const batch = (
      await hr.post("/api/invitation-batches", { source: { kind: "directory", filters: { department: finance.name } } })
    ).json();
    expect(batch.total).toBe(3);
    await createUser(ctx, { email: finance.emailOf("bruno") });
    await ctx.runJobs();
    expect((await hr.get(`/api/invitation-batches/${batch.id}`)).json()).toMatchObject({ status: "done", total: 3, done: 2, skipped: 1 });
    expect(mailsTo(finance.emailOf("bruno"))).toBe(0);
  });

  it("goes slice by slice through a large department (emails to the outbox)", async () => {
    const outbox = await createTestApp();
    try {
      const hr = await loggedIn(["manager"], "Sophie Martin", outbox);
      const finance = await department(
        Array.from({ length: 130 }, (_, k) => ({ key: `p${k}` })),
        outbox,
      );
      const source = { kind: "directory", filters: { department: finance.name } };
      const batch = (await hr.post("/api/invitation-batches", { source })).json();
      await outbox.runJobs();
      expect((await hr.get(`/api/invitation-batches/${batch.id}`)).json()).toMatchObject({ status: "done", total: 130, done: 130 });
      const count = async (table: typeof users | typeof mailMessages) =>
        (await outbox.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table))[0]?.n;
      // The manager's account and the 130 invited ones (two slices); one email each, in the outbox.
      expect(await count(users)).toBe(131);
      const mails = await outbox.database.db.select({ status: mailMessages.status, template: mailMessages.template }).from(mailMessages);
      expect(mails).toHaveLength(130);
      expect(new Set(mails.map((m) => `${m.template}/${m.status}`))).toEqual(new Set(["invitation/outbox"]));
    } finally {
      await outbox.close();
    }
  }, 120_000);
});

describe("a bulk invitation from a programme", () => {
  it("invites its enrolled people without an account, naming the programme; not those who declined", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [{ key: "ines" }, { key: "yanis" }, { key: "odile" }, { key: "bernard", withAccount: true }]);
    const programmeId = await programmeIn(hr, "enrolment", { cast: people, mentors: ["ines", "yanis"], mentees: ["odile", "bernard"] });
    await ctx.database.db.execute(sql`update enrolments set status = 'declined' where person_id = ${people.ids.odile}`);
    const source = { kind: "programme", programmeId };
    expect((await hr.post("/api/invitation-batches/preview", { source })).json()).toEqual({ toInvite: 2, withAccount: 1 });

    const batch = (await hr.post("/api/invitation-batches", { source })).json();
    await ctx.runJobs();
    expect((await hr.get(`/api/invitation-batches/${batch.id}`)).json()).toMatchObject({ status: "done", total: 2, done: 2 });
    const [email] = people.employeeIds("ines").map((e) => `${e}@exemple.fr`);
    const [toInes] = smtp.to(email as string);
    expect(toInes?.text).toContain("vous invite à rejoindre le programme « Pilote mentorat inversé » sur Passerelle");
    const invitedOnes = smtp.received.filter((m) => m.subject.includes("vous invite sur Passerelle")).map((m) => m.to);
    for (const key of ["odile", "bernard"]) expect(invitedOnes).not.toContain(`${people.employeeIds(key)[0]}@exemple.fr`);
    expect(invitedOnes).toContain(`${people.employeeIds("yanis")[0]}@exemple.fr`);
  });

  it("invites again its enrolled people whose invitation expired, not those whose link still works", async () => {
    const DAY = 24 * 3_600_000;
    const people = await cast(ctx, [{ key: "ines" }, { key: "yanis" }, { key: "odile" }]);
    const emailOf = (key: string) => `${people.employeeIds(key)[0]}@exemple.fr`;
    const inviteByHand = async (key: string) => {
      const invited = await (await loggedIn(["manager"])).post("/api/admin/invitations", {
        email: emailOf(key),
        displayName: key,
        roles: ["participant"],
      });
      expect(invited.statusCode).toBe(201);
      await ctx.runJobs();
    };
    await inviteByHand("ines");
    ctx.clock.advance(7 * DAY);
    await inviteByHand("odile");
    const hr = await newManager(ctx);
    const programmeId = await programmeIn(hr, "enrolment", { cast: people, mentors: ["ines", "yanis"], mentees: ["odile"] });
    const source = { kind: "programme", programmeId };
    expect((await hr.post("/api/invitation-batches/preview", { source })).json()).toEqual({ toInvite: 2, withAccount: 1 });

    const before = smtp.to(emailOf("ines")).length;
    const batch = (await hr.post("/api/invitation-batches", { source })).json();
    await ctx.runJobs();
    await ctx.database.db.transaction((tx) => enqueue(tx, "invitation-batch", { batchId: batch.id }));
    await ctx.runJobs();
    expect((await hr.get(`/api/invitation-batches/${batch.id}`)).json()).toMatchObject({ status: "done", total: 2, done: 2, skipped: 0 });
    const [again, ...more] = smtp.to(emailOf("ines")).slice(before);
    expect(more).toHaveLength(0);
    expect(again?.text).toContain("vous invite à rejoindre le programme « Pilote mentorat inversé » sur Passerelle");
    expect(smtp.to(emailOf("odile"))).toHaveLength(1);
    expect(smtp.to(emailOf("yanis"))).toHaveLength(1);
    const [ines] = await ctx.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, emailOf("ines")));
    const rows = await ctx.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.userId, ines?.id as string));
    expect(rows.filter((r) => r.batchId === batch.id)).toHaveLength(1);
    expect((await hr.post("/api/invitation-batches/preview", { source })).json()).toEqual({ toInvite: 0, withAccount: 3 });
  });

  it("answers 404 for an unknown programme", async () => {
    const hr = await loggedIn(["manager"]);
    const source = { kind: "programme", programmeId: "00000000-0000-4000-8000-000000000000" };
    expect((await hr.post("/api/invitation-batches/preview", { source })).statusCode).toBe(404);
    expect((await hr.post("/api/invitation-batches", { source })).statusCode).toBe(404);
  });
});

describe("who may invite in bulk", () => {
  it("refuses participants; a manager invites participants only; any manager or admin follows any batch", async () => {
    const finance = await department([{ key: "alice" }]);
    const source = { kind: "directory", filters: { department: finance.name } };
    const participant = await loggedIn(["participant"]);
    expect((await participant.post("/api/invitation-batches/preview", { source })).statusCode).toBe(403);
    expect((await participant.post("/api/invitation-batches", { source })).statusCode).toBe(403);

    const hr = await loggedIn(["manager"]);
    const refused = await hr.post("/api/invitation-batches", { source, role: "manager" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("CANNOT_GRANT_ROLE");

    const admin = await loggedIn(["admin"]);
    const batch = await admin.post("/api/invitation-batches", { source, role: "manager" });
    expect(batch.statusCode).toBe(202);
    await ctx.runJobs();
    const directory = (await admin.get(`/api/people?department=${encodeURIComponent(finance.name)}`)).json().items;
    expect(directory[0].account).toMatchObject({ status: "invited", roles: ["manager"] });

    expect((await hr.get(`/api/invitation-batches/${batch.json().id}`)).statusCode).toBe(200);
    expect((await participant.get(`/api/invitation-batches/${batch.json().id}`)).statusCode).toBe(403);
    expect((await hr.get("/api/invitation-batches/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });
});
