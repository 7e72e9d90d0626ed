import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { givenSession } from "../../test/session-builders.ts";
import { createTestApp, type TestClient, type TestContext } from "../../test/test-app.ts";

/**
 * A pair's goals through the API: written by either person for either direction, agreed by the partner,
 * progress with evidence, achieved by the learner only, signed off by the partner; the agreement asked
 * before session 3; who may read them (the pair's two people: a manager 403, anyone else 404).
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const SECRET_STATEMENT = "Automatiser mes relances clients n° 5b1e";

/** Chloé (mentor, the junior), Gérard (mentee, the senior) in an active pair; an outsider of another pair. */
async function activePair() {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "chloe", profile: mentorProfile(["zapier", "excel"]), withAccount: true },
    { key: "gerard", profile: menteeProfile(["zapier"]), withAccount: true },
    { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
  ]);
  const { pairId, programmeId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" }, "active", {
    requiresOnboarding: false,
  });
  return { hr, people, pairId, programmeId, chloe: await people.as("chloe"), gerard: await people.as("gerard") };
}

const seniorGoal = {
  learnerRole: "mentee",
  skillIds: ["zapier"],
  statement: SECRET_STATEMENT,
  target: "3 processus automatisés avec Zapier",
  dueOn: "2026-06-01",
  templateId: "zapier_automations",
};
const juniorGoal = {
  learnerRole: "mentor",
  skillIds: ["networking", "public_speaking"],
  statement: "Présenter mon projet à un comité de direction",
  target: "1 présentation de 10 minutes",
  dueOn: "2026-07-15",
};

async function notificationsOf(client: TestClient) {
  return (await client.get("/api/me/notifications")).json().items as { kind: string; params: Record<string, string>; link: string }[];
}

async function write(client: TestClient, pairId: string, body: object) {
  const response = await client.post(`/api/pairs/${pairId}/goals`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe("a goal's life", () => {
  it("is written by one, agreed by the other, updated with evidence, achieved by the learner and signed off by the partner", async () => {
    const { pairId, chloe, gerard } = await activePair();
    const chloeBefore = (await notificationsOf(chloe)).length;

    // The junior writes the senior's goal; the senior is asked to agree.
    const goal = await write(chloe, pairId, seniorGoal);
    expect(goal).toMatchObject({
      pairId,
      learnerRole: "mentee",
      skillIds: ["zapier"],
      templateId: "zapier_automations",
      status: "not_started",
      authorRole: "mentor",
      agreedAt: null,
      updates: [],
      can: { edit: true, agree: false, update: true, achieve: false, signOff: false },
    });
    expect((await notificationsOf(gerard))[0]).toMatchObject({
      kind: "goal_proposed",
      params: { partnerName: "Chloe Test" },
      link: `/pairs/${pairId}`,
    });
    expect(await notificationsOf(chloe)).toHaveLength(chloeBefore);

    // Only the partner of the author agrees, once.
    const byAuthor = await chloe.post(`/api/goals/${goal.id}/agree`, {});
    expect([byAuthor.statusCode, byAuthor.json().error.code]).toEqual([403, "GOAL_PARTNER_ONLY"]);
    const agreed = await gerard.post(`/api/goals/${goal.id}/agree`, {});
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json().agreedAt).toBe(ctx.clock.now().toISOString());
    expect((await gerard.post(`/api/goals/${goal.id}/agree`, {})).json().error.code).toBe("GOAL_ALREADY_AGREED");

    // The senior writes the junior's own goal; the junior is told.
    ctx.clock.advance(60_000);
    const own = await write(gerard, pairId, juniorGoal);
    expect(own).toMatchObject({ learnerRole: "mentor", authorRole: "mentee", templateId: null });
    expect((await notificationsOf(chloe))[0]).toMatchObject({ kind: "goal_proposed", params: { partnerName: "Gerard Test" } });

    // Editing clears the agreement and makes the editor the author: the other one is asked again.
    ctx.clock.advance(60_000);
    const edited = await gerard.patch(`/api/goals/${goal.id}`, { target: "4 processus automatisés avec Zapier" });
    expect(edited.json()).toMatchObject({ target: "4 processus automatisés avec Zapier", agreedAt: null, authorRole: "mentee" });
    expect((await notificationsOf(chloe))[0]).toMatchObject({ kind: "goal_proposed", params: { partnerName: "Gerard Test" } });
    expect((await chloe.post(`/api/goals/${goal.id}/agree`, {})).statusCode).toBe(200);

    // Progress: either may record it; only the learner marks the goal achieved.
    ctx.clock.advance(60_000);
    const started = await gerard.post(`/api/goals/${goal.id}/updates`, { status: "in_progress", note: "Premier zap en place" });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ status: "in_progress", achievedAt: null });
    const byPartner = await chloe.post(`/api/goals/${goal.id}/updates`, { status: "achieved", note: "Bravo" });
    expect([byPartner.statusCode, byPartner.json().error.code]).toEqual([403, "GOAL_LEARNER_ONLY"]);
    const beforeAchieved = (await notificationsOf(chloe)).length;
    ctx.clock.advance(60_000);
    const achieved = await gerard.post(`/api/goals/${goal.id}/updates`, {
      status: "achieved",
      note: "Les trois tournent depuis deux semaines",
      evidenceUrl: "https://zapier.com/shared/relances",
      evidenceText: "Capture des trois zaps",
    });
    expect(achieved.statusCode).toBe(201);
    expect(achieved.json()).toMatchObject({ status: "achieved", achievedAt: ctx.clock.now().toISOString(), signedOffAt: null });
    const chloeBell = await notificationsOf(chloe);
    expect(chloeBell).toHaveLength(beforeAchieved + 1);
    expect(chloeBell[0]).toMatchObject({ kind: "goal_achieved", params: { partnerName: "Gerard Test" }, link: `/pairs/${pairId}` });

    // Achieved: the words no longer change; the partner signs it off, once, and the learner is told.
    expect((await chloe.patch(`/api/goals/${goal.id}`, { target: "5 processus" })).json().error.code).toBe("GOAL_NOT_EDITABLE");
    const selfSignOff = await gerard.post(`/api/goals/${goal.id}/sign-off`, {});
    expect([selfSignOff.statusCode, selfSignOff.json().error.code]).toEqual([403, "GOAL_PARTNER_ONLY"]);
    const signed = await chloe.post(`/api/goals/${goal.id}/sign-off`, {});
    expect(signed.statusCode).toBe(200);
    expect(signed.json().signedOffAt).toBe(ctx.clock.now().toISOString());
    expect((await notificationsOf(gerard))[0]).toMatchObject({ kind: "goal_signed_off", params: { partnerName: "Chloe Test" } });
    const twice = await chloe.post(`/api/goals/${goal.id}/sign-off`, {});
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, "GOAL_ALREADY_SIGNED_OFF"]);
    // Signing off a goal not achieved is a 409.
    const notAchieved = await gerard.post(`/api/goals/${own.id}/sign-off`, {});
    expect([notAchieved.statusCode, notAchieved.json().error.code]).toEqual([409, "GOAL_NOT_ACHIEVED"]);

    // Both read the same list: oldest goal first, its updates newest first, with the evidence.
    const list = (await chloe.get(`/api/pairs/${pairId}/goals`)).json();
    expect(list.items.map((g: { id: string }) => g.id)).toEqual([goal.id, own.id]);
    expect(list.items[0].updates).toEqual([
      expect.objectContaining({
        authorRole: "mentee",
        status: "achieved",
        evidenceUrl: "https://zapier.com/shared/relances",
        evidenceText: "Capture des trois zaps",
      }),
      expect.objectContaining({ authorRole: "mentee", status: "in_progress", note: "Premier zap en place" }),
    ]);
    expect(list.items[1].can).toMatchObject({ agree: true, achieve: true });
    expect((await gerard.get(`/api/pairs/${pairId}/goals`)).json().items[1].can).toMatchObject({ agree: false, achieve: false });

    // Emails go to the person each notification is for, and render (kept in the outbox: no SMTP server here).
    await ctx.runJobs();
    const mails = await ctx.database.db.query.mailMessages.findMany();
    const kindsTo = (who: string) =>
      mails
        .filter((m) => m.toAddress.startsWith(`${who}-`) && String(m.params.notificationKind).startsWith("goal_"))
        .map((m) => m.params.notificationKind)
        .sort();
    expect(kindsTo("gerard")).toEqual(["goal_proposed", "goal_signed_off"]);
    expect(kindsTo("chloe")).toEqual(["goal_achieved", "goal_proposed", "goal_proposed"]);
    const goalMails = mails.filter((m) => String(m.params.notificationKind).startsWith("goal_") && m.toAddress.match(/^(chloe|gerard)-/));
    expect(new Set(goalMails.map((m) => m.status))).toEqual(new Set(["outbox"]));
    const achievedMail = goalMails.find((m) => m.params.notificationKind === "goal_achieved");
    expect(achievedMail?.text).toContain("Gerard Test a atteint un objectif : confirmez que vous l’avez constaté.");
    // The goal's words never reach an email: administrators read every email in the outbox.
    for (const mail of goalMails) expect(JSON.stringify(mail)).not.toContain(SECRET_STATEMENT);
  });

  it("lets either drop a goal and take it up again, and refuses a status the goal cannot take", async () => {
    const { pairId, chloe, gerard } = await activePair();
    const goal = await write(gerard, pairId, seniorGoal);
    expect((await chloe.post(`/api/goals/${goal.id}/updates`, { status: "dropped", note: "Pas le moment" })).json().status).toBe("dropped");
    expect((await gerard.patch(`/api/goals/${goal.id}`, { target: "x" })).json().error.code).toBe("GOAL_NOT_EDITABLE");
    const back = await gerard.post(`/api/goals/${goal.id}/updates`, { status: "in_progress" });
    expect([back.statusCode, back.json().status]).toEqual([201, "in_progress"]);
    const backwards = await gerard.post(`/api/goals/${goal.id}/updates`, { status: "not_started" });
    expect([backwards.statusCode, backwards.json().error.code]).toEqual([409, "GOAL_INVALID_STATUS_CHANGE"]);
    // Words alone, or evidence alone, are an update; nothing at all is not.
    expect((await chloe.post(`/api/goals/${goal.id}/updates`, { evidenceText: "Vu en séance" })).statusCode).toBe(201);
    const empty = await chloe.post(`/api/goals/${goal.id}/updates`, { note: "  " });
    expect([empty.statusCode, empty.json().error.details.map((d: { path: string }) => d.path)]).toEqual([400, ["note"]]);
  });
});

describe("validation", () => {
  it("names each refused field", async () => {
    const { pairId, gerard, chloe } = await activePair();
    const fieldsOf = async (body: object) => {
      const response = await gerard.post(`/api/pairs/${pairId}/goals`, { ...seniorGoal, ...body });
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.details.map((d: { path: string }) => d.path);
    };
    expect(await fieldsOf({ skillIds: ["zapier", "pas_une_competence"] })).toEqual(["skillIds"]);
    expect(await fieldsOf({ skillIds: [] })).toEqual(["skillIds"]);
    expect(await fieldsOf({ skillIds: ["zapier", "zapier"] })).toEqual(["skillIds"]);
    expect(await fieldsOf({ dueOn: "2026-03-01" })).toEqual(["dueOn"]);
    expect(await fieldsOf({ dueOn: "2027-01-01" })).toEqual(["dueOn"]);
    expect(await fieldsOf({ dueOn: "01/06/2026" })).toEqual(["dueOn"]);
    expect(await fieldsOf({ statement: "  " })).toEqual(["statement"]);
    expect(await fieldsOf({ target: "x".repeat(301) })).toEqual(["target"]);
    expect(await fieldsOf({ learnerRole: "manager" })).toEqual(["learnerRole"]);
    expect(await fieldsOf({ templateId: "pas_un_modele" })).toEqual(["templateId"]);

    // The programme ends on 9 September: the message says until when.
    const late = await gerard.post(`/api/pairs/${pairId}/goals`, { ...seniorGoal, dueOn: "2027-01-01" });
    expect(late.json().error.details).toEqual([{ path: "dueOn", message: "Choisissez une échéance au plus tard le 9 septembre 2026." }]);

    const goal = await write(gerard, pairId, seniorGoal);
    const patch = async (body: object) =>
      (await chloe.patch(`/api/goals/${goal.id}`, body)).json().error.details.map((d: { path: string }) => d.path);
    expect(await patch({})).toEqual([""]);
    expect(await patch({ skillIds: ["inconnue"] })).toEqual(["skillIds"]);
    expect(await patch({ dueOn: "2020-01-01" })).toEqual(["dueOn"]);
    const update = async (body: object) =>
      (await gerard.post(`/api/goals/${goal.id}/updates`, body)).json().error.details.map((d: { path: string }) => d.path);
    expect(await update({ note: "Voilà", evidenceUrl: "javascript:alert(1)" })).toEqual(["evidenceUrl"]);
    expect(await update({ note: "Voilà", evidenceUrl: "ftp://exemple.fr/preuve" })).toEqual(["evidenceUrl"]);
    expect(await update({ status: "fini" })).toEqual(["status"]);
  });
});

describe("who may see and touch a pair's goals", () => {
  it("keeps them to the pair: a manager gets 403 and never the words, anyone else 404", async () => {
    const { hr, people, pairId, chloe, gerard } = await activePair();
    const goal = await write(chloe, pairId, seniorGoal);
    const outsider = await people.as("outsider");
    const unknown = "00000000-0000-4000-8000-000000000000";

    const attempts = (client: TestClient) => [
      client.get(`/api/pairs/${pairId}/goals`),
      client.post(`/api/pairs/${pairId}/goals`, seniorGoal),
      client.patch(`/api/goals/${goal.id}`, { target: "Autre" }),
      client.post(`/api/goals/${goal.id}/agree`, {}),
      client.post(`/api/goals/${goal.id}/updates`, { note: "Intrus" }),
      client.post(`/api/goals/${goal.id}/sign-off`, {}),
    ];
    for (const response of await Promise.all(attempts(hr))) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.body).not.toContain(SECRET_STATEMENT);
    }
    for (const response of await Promise.all(attempts(outsider))) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.body).not.toContain(SECRET_STATEMENT);
    }
    for (const path of [`/api/goals/${unknown}/agree`, `/api/goals/${unknown}/sign-off`])
      expect((await gerard.post(path, {})).statusCode).toBe(404);
    expect((await gerard.get(`/api/pairs/${unknown}/goals`)).statusCode).toBe(404);
    // Nothing was written by the refused requests.
    const list = (await gerard.get(`/api/pairs/${pairId}/goals`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ target: seniorGoal.target, agreedAt: null, updates: [] });
  });

  it("keeps a closed pair's goals as they were: readable, no longer changed", async () => {
    const { pairId, chloe, gerard } = await activePair();
    const goal = await write(chloe, pairId, seniorGoal);
    expect((await gerard.post(`/api/pairs/${pairId}/end`, { reason: "no_time" })).statusCode).toBe(200);
    const refused = await chloe.post(`/api/pairs/${pairId}/goals`, juniorGoal);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, "GOAL_PAIR_CLOSED"]);
    expect((await gerard.post(`/api/goals/${goal.id}/agree`, {})).json().error.code).toBe("GOAL_PAIR_CLOSED");
    const list = (await gerard.get(`/api/pairs/${pairId}/goals`)).json();
    expect(list.items[0].can).toEqual({ edit: false, agree: false, update: false, achieve: false, signOff: false });
  });
});

describe("the agreement asked before session 3", () => {
  it("is needed after two held sessions while a direction lacks an agreed goal", async () => {
    const { pairId, chloe, gerard } = await activePair();
    const agreement = async () => (await gerard.get(`/api/pairs/${pairId}/goals`)).json().agreement;
    expect(await agreement()).toEqual({ needed: false, sessionsHeld: 0, missing: ["mentee", "mentor"] });

    await givenSession(ctx.database, pairId, { startsAt: new Date("2026-03-10T12:00:00Z"), status: "held" });
    await givenSession(ctx.database, pairId, { startsAt: new Date("2026-03-17T12:00:00Z"), status: "cancelled" });
    await givenSession(ctx.database, pairId, { startsAt: new Date("2026-03-24T12:00:00Z"), status: "missed" });
    expect(await agreement()).toEqual({ needed: false, sessionsHeld: 1, missing: ["mentee", "mentor"] });
    await givenSession(ctx.database, pairId, { startsAt: new Date("2026-03-31T11:00:00Z"), status: "held" });
    expect(await agreement()).toEqual({ needed: true, sessionsHeld: 2, missing: ["mentee", "mentor"] });

    const senior = await write(chloe, pairId, seniorGoal);
    const junior = await write(chloe, pairId, juniorGoal);
    expect((await agreement()).missing).toEqual(["mentee", "mentor"]);
    await gerard.post(`/api/goals/${senior.id}/agree`, {});
    expect(await agreement()).toEqual({ needed: true, sessionsHeld: 2, missing: ["mentor"] });
    await gerard.post(`/api/goals/${junior.id}/agree`, {});
    expect(await agreement()).toEqual({ needed: false, sessionsHeld: 2, missing: [] });

    // A new goal not agreed yet asks again; a dropped one does not count.
    const extra = await write(gerard, pairId, { ...juniorGoal, statement: "Comprendre le compte de résultat", skillIds: ["finance_pl"] });
    expect((await agreement()).missing).toEqual(["mentor"]);
    await gerard.post(`/api/goals/${extra.id}/updates`, { status: "dropped", note: "Plus tard" });
    expect((await agreement()).needed).toBe(false);
  });
});

describe("goal templates", () => {
  it("are listed by skill and by who learns, in French and English", async () => {
    const { gerard } = await activePair();
    const zapier = (await gerard.get("/api/goal-templates?skillId=zapier")).json().items;
    expect(zapier.length).toBeGreaterThanOrEqual(2);
    expect(zapier[0]).toMatchObject({
      skillId: "zapier",
      learnerRole: "mentee",
      statement: { fr: expect.any(String), en: expect.any(String) },
      target: { fr: expect.any(String), en: expect.any(String) },
      weeks: expect.any(Number),
    });
    const juniors = (await gerard.get("/api/goal-templates?learnerRole=mentor")).json().items as { learnerRole: string }[];
    expect(juniors.length).toBeGreaterThan(10);
    expect(juniors.every((t) => t.learnerRole === "mentor")).toBe(true);
    expect((await gerard.get("/api/goal-templates?skillId=inconnue")).json().items).toEqual([]);
  });
});
