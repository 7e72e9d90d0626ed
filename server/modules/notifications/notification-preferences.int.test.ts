import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, type NotificationKind } from "../../../contracts/notifications.ts";
import { notifications, users } from "../../db/schema.ts";
import { enqueue } from "../../platform/jobs/job-queue.ts";
import { type Cast, cast, menteeProfile, mentorProfile, newManager, programmeIn } from "../../test/programme-builders.ts";
import { type SmtpTestServer, startTestAppWithSmtp } from "../../test/smtp-test-server.ts";
import { createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { insertUser } from "../accounts/index.ts";
import { notify } from "./index.ts";
import { savePreferences } from "./notifications.repository.ts";

/**
 * "Mes notifications", the daily digest and one-click unsubscribe, with a real SMTP server. The tests of
 * this file share one app and database; each builds its own people and reads only their mailboxes.
 */
let smtp: SmtpTestServer;
let ctx: TestContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ smtp, ctx, close } = await startTestAppWithSmtp());
});
afterAll(() => close());

const emailOf = (people: Cast, key: string) => `${people.employeeIds(key)[0]}@exemple.fr`;

/** Ines (mentor) and Bernard (mentee), with accounts, in a programme of their own taking proposals. */
async function mentorAndMentee() {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "ines", profile: mentorProfile(["prompting"]), withAccount: true },
    { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
  ]);
  const programmeId = await programmeIn(
    hr,
    "enrolment",
    { cast: people, mentors: ["ines"], mentees: ["bernard"] },
    { proposalExpiryDays: 7 },
  );
  // The invitations to the programme go out now: the test reads what comes after.
  await ctx.runJobs();
  const mark = smtp.received.length;
  return {
    hr,
    people,
    programmeId,
    bernard: await people.as("bernard"),
    ines: await people.as("ines"),
    /** What this person received since the programme was set up (with this subject, when given). */
    mailsTo: (key: string, subject?: string) =>
      smtp.received.slice(mark).filter((m) => m.to === emailOf(people, key) && (subject === undefined || m.subject.startsWith(subject))),
  };
}

const ACCEPTED = "Votre proposition a été acceptée : votre binôme est formé.";
const DIGEST = "Passerelle : ";

/**
 * Bernard proposes to Ines, who accepts: Bernard is told "proposal_accepted" (and, as both of them,
 * "match_published" by the pairs context), the managers "managers_pair_formed".
 */
async function acceptedProposal(world: Awaited<ReturnType<typeof mentorAndMentee>>) {
  const { people, programmeId, bernard, ines } = world;
  const sent = await bernard.post(`/api/programmes/${programmeId}/proposals`, {
    mentorId: people.ids.ines,
    goals: "Apprendre",
    offer: "Mon réseau",
  });
  expect(sent.statusCode).toBe(201);
  const accepted = await ines.post(`/api/proposals/${sent.json().id}/accept`);
  expect(accepted.statusCode).toBe(200);
  await ctx.runJobs();
}

const put = (client: TestClient, items: unknown) => client.request("PUT", "/api/me/notification-preferences", { items });
const channelOf = async (client: TestClient, kind: string) =>
  ((await client.get("/api/me/notification-preferences")).json().items as { kind: string; channel: string }[]).find((i) => i.kind === kind)
    ?.channel;

async function runDigest(): Promise<void> {
  await ctx.database.db.transaction((tx) => enqueue(tx, "mail-digest", {}));
  await ctx.runJobs();
}

/** The message id an email's List-Unsubscribe header names. */
function messageIdOf(mail: { header(name: string): string | undefined } | undefined): string {
  const id = mail?.header("List-Unsubscribe")?.match(/\/api\/mail\/unsubscribe\/([0-9a-f-]{36})>$/)?.[1];
  if (!id) throw new Error("no List-Unsubscribe header");
  return id;
}

/** As a mail client does it (RFC 8058): a form POST, no cookie, no CSRF token. */
const oneClick = (id: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/mail/unsubscribe/${id}`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: "List-Unsubscribe=One-Click",
  });

describe("notification preferences", () => {
  it("lists the kinds that concern me with the default, and saves my choices", async () => {
    const { bernard, hr } = await mentorAndMentee();
    const mine = (await bernard.get("/api/me/notification-preferences")).json().items as { kind: string; channel: string }[];
    expect(mine.map((i) => i.kind)).toEqual(NOTIFICATION_KINDS.filter((k) => !k.startsWith("managers_")));
    expect(new Set(mine.map((i) => i.channel))).toEqual(new Set(["email"]));
    const managers = (await hr.get("/api/me/notification-preferences")).json().items as { kind: string }[];
    expect(managers.map((i) => i.kind)).toEqual(NOTIFICATION_KINDS.filter((k) => k.startsWith("managers_")));

    const saved = await put(bernard, [
      { kind: "proposal_received", channel: "digest" },
      { kind: "pair_active", channel: "app" },
    ]);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items).toHaveLength(mine.length);
    expect(saved.json().items).toContainEqual({ kind: "proposal_received", channel: "digest" });
    expect(await channelOf(bernard, "pair_active")).toBe("app");
    // Changing one kind keeps the others.
    expect((await put(bernard, [{ kind: "pair_active", channel: "email" }])).statusCode).toBe(200);
    expect(await channelOf(bernard, "proposal_received")).toBe("digest");
    expect(await channelOf(bernard, "pair_active")).toBe("email");
  });

  it("refuses a managers' kind from a participant, naming the item, and saves nothing", async () => {
    const { bernard } = await mentorAndMentee();
    const refused = await put(bernard, [
      { kind: "pair_active", channel: "app" },
      { kind: "managers_pair_formed", channel: "app" },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ path: "items.1.kind", message: "Ce type de notification ne vous concerne pas." }]);
    expect(await channelOf(bernard, "pair_active")).toBe("email");
    const badChannel = await put(bernard, [{ kind: "pair_active", channel: "sms" }]);
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().error.details[0].path).toBe("items.0.channel");
    expect((await put(bernard, [])).statusCode).toBe(400);
    expect((await new TestClient(ctx.app).get("/api/me/notification-preferences")).statusCode).toBe(401);
  });

  it("are only ever mine: the URL names no one, and my choices do not touch anyone else's", async () => {
    const { bernard, ines } = await mentorAndMentee();
    const inesId = (await ines.get("/api/me")).json().id as string;
    expect((await put(bernard, [{ kind: "proposal_received", channel: "app" }])).statusCode).toBe(200);
    // A user id in the query changes nothing: it is ignored.
    const asked = await bernard.get(`/api/me/notification-preferences?userId=${inesId}`);
    expect(asked.json().items).toContainEqual({ kind: "proposal_received", channel: "app" });
    expect(await channelOf(ines, "proposal_received")).toBe("email");
    expect((await bernard.get(`/api/users/${inesId}/notification-preferences`)).statusCode).toBe(404);
  });
});

describe("email by preference", () => {
  it("sends an accepted proposal to the mentee by email by default, and not when they chose the app", async () => {
    const byDefault = await mentorAndMentee();
    await acceptedProposal(byDefault);
    expect(byDefault.mailsTo("bernard", ACCEPTED)).toHaveLength(1);

    const inApp = await mentorAndMentee();
    expect((await put(inApp.bernard, [{ kind: "proposal_accepted", channel: "app" }])).statusCode).toBe(200);
    await acceptedProposal(inApp);
    expect(inApp.mailsTo("bernard", ACCEPTED)).toHaveLength(0);
    // The bell shows it all the same.
    expect((await inApp.bernard.get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_accepted" });
  });

  it("tells the managers in the bell that a pair was formed by proposal", async () => {
    const world = await mentorAndMentee();
    await acceptedProposal(world);
    const bell = (await world.hr.get("/api/me/notifications")).json().items as {
      kind: string;
      params: Record<string, string>;
      link: string;
    }[];
    const formed = bell.find((n) => n.kind === "managers_pair_formed" && n.params.mentorName === "Ines Test");
    const pairs = (await world.hr.get(`/api/programmes/${world.programmeId}/pairs`)).json().items as { id: string }[];
    expect(formed).toMatchObject({
      params: { mentorName: "Ines Test", menteeName: "Bernard Test", programmeName: "Pilote mentorat inversé", pairId: pairs[0]?.id },
      link: `/programmes/${world.programmeId}?tab=pairs`,
    });
    // Participants are not told what managers are.
    expect(((await world.bernard.get("/api/me/notifications")).json().items as { kind: string }[]).map((n) => n.kind)).not.toContain(
      "managers_pair_formed",
    );
  });
});

describe("the daily digest", () => {
  it("sends nothing at once, then one digest in each person's language; a second run sends nothing", async () => {
    const world = await mentorAndMentee();
    expect((await put(world.bernard, [{ kind: "proposal_accepted", channel: "digest" }])).statusCode).toBe(200);
    await acceptedProposal(world);
    expect(world.mailsTo("bernard", ACCEPTED)).toHaveLength(0);

    const sam = await createUser(ctx, { email: `sam-${world.programmeId}@acme.test`, displayName: "Sam", locale: "en" });
    const samClient = new TestClient(ctx.app);
    await samClient.login(sam.email);
    expect(
      (
        await put(samClient, [
          { kind: "pair_completed", channel: "digest" },
          { kind: "proposal_declined", channel: "digest" },
        ])
      ).statusCode,
    ).toBe(200);
    await ctx.database.db.transaction((tx) =>
      notify(
        tx,
        [
          { userId: sam.id, kind: "proposal_declined", link: "/proposals" },
          { userId: sam.id, kind: "pair_completed", link: "/pairs" },
        ],
        ctx.clock.now(),
      ),
    );
    await ctx.runJobs();
    expect(smtp.to(sam.email)).toHaveLength(0);

    await runDigest();
    expect(world.mailsTo("bernard", ACCEPTED)).toHaveLength(0);
    const [toBernard, ...moreToBernard] = world.mailsTo("bernard", DIGEST);
    expect(moreToBernard).toHaveLength(0);
    expect(toBernard?.subject).toBe("Passerelle : 1 nouvelle notification");
    expect(toBernard?.text).toContain("Bonjour bernard-");
    expect(toBernard?.text).toContain("- Votre proposition a été acceptée : votre binôme est formé.");
    expect(toBernard?.header("List-Unsubscribe")).toMatch(/\/api\/mail\/unsubscribe\/[0-9a-f-]{36}>$/);

    const [toSam, ...moreToSam] = smtp.to(sam.email);
    expect(moreToSam).toHaveLength(0);
    expect(toSam?.subject).toBe("Passerelle: 2 new notifications");
    expect(toSam?.text).toContain("Hello Sam,");
    // Newest first.
    const completed = toSam?.text.indexOf("- Your pair is completed. Well done!") ?? -1;
    const declined = toSam?.text.indexOf("- Your proposal was declined.") ?? -1;
    expect(completed).toBeGreaterThan(-1);
    expect(declined).toBeGreaterThan(completed);

    const received = smtp.received.length;
    await runDigest();
    expect(smtp.received.length).toBe(received);
    const stillPending = await ctx.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, sam.id), eq(notifications.isDigestPending, true)));
    expect(stillPending).toHaveLength(0);
  });

  it("reaches every recipient, batch after batch", async () => {
    const tag = `crowd-${Date.now()}`;
    const crowd: { id: string; email: string }[] = [];
    for (let k = 0; k < 55; k += 1)
      crowd.push(
        await insertUser(ctx.database.db, {
          email: `${tag}-${k}@acme.test`,
          displayName: `Personne ${k}`,
          passwordHash: null,
          status: "active",
          locale: "fr",
          roles: ["participant"],
          now: ctx.clock.now(),
        }),
      );
    await ctx.database.db.transaction(async (tx) => {
      for (const u of crowd) await savePreferences(tx, u.id, [{ kind: "pair_active", channel: "digest" }]);
      await notify(
        tx,
        crowd.map((u) => ({ userId: u.id, kind: "pair_active" as const })),
        ctx.clock.now(),
      );
    });
    await runDigest();
    for (const u of crowd) expect(smtp.to(u.email).map((m) => m.subject)).toEqual(["Passerelle : 1 nouvelle notification"]);
  });

  /** An active account of its own, logged in, with these kinds on the digest. */
  async function digestReader(name: string, kinds: NotificationKind[]) {
    const email = `reader-${Date.now()}-${Math.random().toString(36).slice(2)}@acme.test`;
    const user = await createUser(ctx, { email, displayName: name });
    const client = new TestClient(ctx.app);
    await client.login(user.email);
    expect(
      (
        await put(
          client,
          kinds.map((kind) => ({ kind, channel: "digest" })),
        )
      ).statusCode,
    ).toBe(200);
    const tell = (...told: NotificationKind[]) =>
      ctx.database.db.transaction((tx) =>
        notify(
          tx,
          told.map((kind) => ({ userId: user.id, kind })),
          ctx.clock.now(),
        ),
      );
    const stillPending = async () =>
      (
        await ctx.database.db
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.userId, user.id), eq(notifications.isDigestPending, true)))
      ).length;
    return { user, client, tell, stillPending };
  }

  it("sends nothing more once I unsubscribed from the digest, and nothing waits any longer", async () => {
    const mia = await digestReader("Mia", ["pair_active", "pair_completed"]);
    await mia.tell("pair_active");
    await runDigest();
    const [first] = smtp.to(mia.user.email);
    expect(first?.subject).toBe("Passerelle : 1 nouvelle notification");

    await mia.tell("pair_completed");
    expect((await oneClick(messageIdOf(first))).statusCode).toBe(200);
    await runDigest();
    await ctx.runJobs();
    expect(smtp.to(mia.user.email)).toHaveLength(1);
    expect(await mia.stillPending()).toBe(0);
    // The bell keeps them all.
    expect((await mia.client.get("/api/me/notifications")).json().items).toHaveLength(2);
  });

  it('lists only the kinds still on the digest after I changed my choice on "Mes notifications"', async () => {
    const noa = await digestReader("Noa", ["pair_active", "pair_completed", "proposal_declined"]);
    await noa.tell("pair_active", "pair_completed", "proposal_declined");
    expect(
      (
        await put(noa.client, [
          { kind: "pair_active", channel: "app" },
          { kind: "pair_completed", channel: "email" },
        ])
      ).statusCode,
    ).toBe(200);
    await runDigest();
    await ctx.runJobs();
    const [digest, ...more] = smtp.to(noa.user.email);
    expect(more).toHaveLength(0);
    expect(digest?.subject).toBe("Passerelle : 1 nouvelle notification");
    expect(digest?.text).toContain("- Votre proposition a été déclinée.");
    expect(digest?.text).not.toContain("Votre binôme est terminé");
    expect(digest?.text).not.toContain("binôme démarre");
    expect(await noa.stillPending()).toBe(0);
  });

  it("counts every notification it stops waiting for, listing the 50 newest", async () => {
    const zoe = await digestReader("Zoé", ["pair_active", "proposal_declined"]);
    await zoe.tell("proposal_declined");
    await zoe.tell(...Array.from({ length: 54 }, () => "pair_active" as const));
    await runDigest();
    const [digest, ...more] = smtp.to(zoe.user.email);
    expect(more).toHaveLength(0);
    expect(digest?.subject).toBe("Passerelle : 55 nouvelles notifications");
    const lines = digest?.text.split("\n").filter((line) => line.startsWith("- ")) ?? [];
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toBe("- … et 5 autres notifications dans Passerelle.");
    // The oldest is the one left out.
    expect(digest?.text).not.toContain("Votre proposition a été déclinée.");
    expect(await zoe.stillPending()).toBe(0);
  });

  it("drops the digest of someone whose account is no longer active, without email", async () => {
    const lea = await createUser(ctx, { email: `lea-${Date.now()}@acme.test` });
    const client = new TestClient(ctx.app);
    await client.login(lea.email);
    expect((await put(client, [{ kind: "pair_active", channel: "digest" }])).statusCode).toBe(200);
    await ctx.database.db.transaction((tx) => notify(tx, [{ userId: lea.id, kind: "pair_active" }], ctx.clock.now()));
    await ctx.database.db.update(users).set({ status: "disabled" }).where(eq(users.id, lea.id));
    await runDigest();
    expect(smtp.to(lea.email)).toHaveLength(0);
    const [row] = await ctx.database.db.select().from(notifications).where(eq(notifications.userId, lea.id));
    expect(row?.isDigestPending).toBe(false);
  });
});

describe("one-click unsubscribe", () => {
  it("switches the email's kind to the app: a form POST without cookie or CSRF token", async () => {
    const world = await mentorAndMentee();
    await acceptedProposal(world);
    const id = messageIdOf(world.mailsTo("bernard", ACCEPTED)[0]);

    const preview = await ctx.app.inject({ method: "GET", url: `/api/mail/unsubscribe/${id}` });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ kind: "proposal_accepted", category: "notification" });
    expect(await channelOf(world.bernard, "proposal_accepted")).toBe("email");

    const response = await oneClick(id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: "proposal_accepted", category: "notification" });
    expect(await channelOf(world.bernard, "proposal_accepted")).toBe("app");
    // Other kinds keep theirs; a second click (or an empty body, as the web page sends) changes nothing more.
    expect(await channelOf(world.bernard, "proposal_declined")).toBe("email");
    expect((await ctx.app.inject({ method: "POST", url: `/api/mail/unsubscribe/${id}` })).statusCode).toBe(200);
    expect(await channelOf(world.bernard, "proposal_accepted")).toBe("app");
  });

  it("from a digest, switches every kind in the digest to the app", async () => {
    const world = await mentorAndMentee();
    expect(
      (
        await put(world.bernard, [
          { kind: "proposal_accepted", channel: "digest" },
          { kind: "pair_active", channel: "digest" },
          { kind: "pair_ended", channel: "app" },
        ])
      ).statusCode,
    ).toBe(200);
    await acceptedProposal(world);
    await runDigest();
    const id = messageIdOf(world.mailsTo("bernard", DIGEST)[0]);
    const response = await ctx.app.inject({
      method: "POST",
      url: `/api/mail/unsubscribe/${id}`,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: null, category: "digest" });
    const items = (await world.bernard.get("/api/me/notification-preferences")).json().items as { kind: string; channel: string }[];
    expect(items.filter((i) => i.channel === "digest")).toEqual([]);
    expect(items).toContainEqual({ kind: "pair_active", channel: "app" });
    expect(items).toContainEqual({ kind: "proposal_declined", channel: "email" });
  });

  it("answers 404 for an unknown message, UUID or not", async () => {
    for (const id of ["6f1c1c4e-2f0b-4b8e-9d55-0e0c9a4f1b2a", "not-a-message", "6f1c1c4e"]) {
      expect((await oneClick(id)).statusCode).toBe(404);
      expect((await ctx.app.inject({ method: "GET", url: `/api/mail/unsubscribe/${id}` })).statusCode).toBe(404);
    }
  });
});
