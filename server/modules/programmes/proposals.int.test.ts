import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolments, proposals } from "../../db/schema.ts";
import { addPeople, createProgramme, menteeProfile, mentorProfile, moveTo } from "../../test/programme-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { expireProposals } from "./proposals.service.ts";

const DAY = 24 * 3600 * 1000;

let ctx: TestContext;
let hr: TestClient;
let programmeId: string;
let ids: Record<string, string>;
const client: Record<string, TestClient> = {};
const c = (key: string) => client[key] as TestClient;

/** Moves the clock by days; sessions idle that long have expired, so everyone logs in again. */
async function daysLater(days: number) {
  ctx.clock.advance(days * DAY);
  await hr.login("rh@exemple.fr");
  for (const key of Object.keys(client)) await c(key).login(`${key}@exemple.fr`);
}

beforeAll(async () => {
  ctx = await createTestApp();
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"] });
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
  ids = await addPeople(ctx, [
    { key: "ines", profile: mentorProfile(["prompting", "excel"]), withAccount: true },
    { key: "yanis", profile: mentorProfile(["linkedin", "prompting"], { format: "online" }), withAccount: true },
    { key: "chloe", profile: mentorProfile(["dataviz"]), withAccount: true },
    { key: "bernard", profile: menteeProfile(["prompting", "linkedin"]), withAccount: true },
    { key: "sylvie", profile: menteeProfile(["excel"]), withAccount: true },
    { key: "gerard", profile: null, withAccount: true },
  ]);
  for (const key of Object.keys(ids)) {
    client[key] = new TestClient(ctx.app);
    await c(key).login(`${key}@exemple.fr`);
  }
  programmeId = await createProgramme(hr, { proposalExpiryDays: 7 });
  await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: ["ines", "yanis", "chloe"] });
  await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentee", employeeIds: ["bernard", "sylvie", "gerard"] });
  await moveTo(hr, programmeId, ["enrolment"]);
});
afterAll(() => ctx.close());

describe("self-service proposals", () => {
  it("ranks the programme's mentors for a mentee by the engine's score, with reasons and filters", async () => {
    const page = (await c("bernard").get(`/api/programmes/${programmeId}/mentors`)).json();
    const scores = page.items.map((m: { score: number }) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(page.items[0].mentor.id).toBe(ids.yanis);
    expect(page.items[0].reasons[0].fr).toMatch(/^Ce mentor enseigne .*prompt.*, que vous voulez apprendre/);
    expect(page.items[0]).toMatchObject({ placesLeft: 1, hasMyOpenProposal: false });
    const online = (await c("bernard").get(`/api/programmes/${programmeId}/mentors?format=in_person`)).json();
    expect(online.items.map((m: { mentor: { id: string } }) => m.mentor.id)).not.toContain(ids.yanis);
    const byName = (await c("bernard").get(`/api/programmes/${programmeId}/mentors?q=CHLOE`)).json();
    expect(byName.items.map((m: { mentor: { id: string } }) => m.mentor.id)).toEqual([ids.chloe]);
    const excel = (await c("bernard").get(`/api/programmes/${programmeId}/mentors?skill=excel`)).json();
    expect(excel.items.map((m: { mentor: { id: string } }) => m.mentor.id)).toEqual([ids.ines]);
  });

  it("is for mentees of the programme: a mentor gets 403, someone outside 404, an empty profile a clear 409", async () => {
    expect((await c("ines").get(`/api/programmes/${programmeId}/mentors`)).statusCode).toBe(403);
    const other = await createProgramme(hr, { name: "Autre" });
    await moveTo(hr, other, ["enrolment"]);
    expect((await c("bernard").get(`/api/programmes/${other}/mentors`)).statusCode).toBe(404);
    const empty = await c("gerard").get(`/api/programmes/${programmeId}/mentors`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.message).toContain("Complétez d’abord votre profil");
  });

  it("needs goals and an offer in return, and tells the mentor", async () => {
    const missing = await c("bernard").post(`/api/programmes/${programmeId}/proposals`, { mentorId: ids.yanis, goals: " ", offer: "" });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["goals", "offer"]);
    const sent = await c("bernard").post(`/api/programmes/${programmeId}/proposals`, {
      mentorId: ids.yanis,
      goals: "Animer ma page LinkedIn",
      offer: "Préparer un comité de direction",
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ status: "open", direction: "sent", expiresAt: "2026-03-09T09:00:00.000Z" });
    expect((await c("yanis").get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "proposal_received",
      params: { menteeName: "Bernard Test" },
    });
    const twice = await c("bernard").post(`/api/programmes/${programmeId}/proposals`, { mentorId: ids.yanis, goals: "x", offer: "y" });
    expect(twice.statusCode).toBe(409);
    const toMentee = await c("bernard").post(`/api/programmes/${programmeId}/proposals`, { mentorId: ids.sylvie, goals: "x", offer: "y" });
    expect(toMentee.statusCode).toBe(400);
  });

  it("allows at most 3 open proposals per mentee", async () => {
    for (const mentor of ["ines", "chloe"]) {
      const r = await c("bernard").post(`/api/programmes/${programmeId}/proposals`, {
        mentorId: ids[mentor],
        goals: "Apprendre",
        offer: "Mon réseau",
      });
      expect(r.statusCode).toBe(201);
    }
    const fourthMentor = (await addPeople(ctx, [{ key: "marc", profile: mentorProfile(["seo"]) }])).marc as string;
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: ["marc"] });
    const fourth = await c("bernard").post(`/api/programmes/${programmeId}/proposals`, { mentorId: fourthMentor, goals: "x", offer: "y" });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.message).toBe("Vous avez déjà 3 propositions en attente : attendez une réponse ou retirez-en une.");
  });

  it("lets only the mentor accept: the sender gets 403, others 404; acceptance opens the pair and withdraws the others", async () => {
    const sent = (await c("bernard").get("/api/me/proposals")).json().items as { id: string; mentor: { id: string } }[];
    const toYanis = sent.find((p) => p.mentor.id === ids.yanis) as { id: string };
    expect((await c("bernard").post(`/api/proposals/${toYanis.id}/accept`, {})).statusCode).toBe(403);
    expect((await c("ines").post(`/api/proposals/${toYanis.id}/accept`, {})).statusCode).toBe(404);
    expect((await c("sylvie").post(`/api/proposals/${toYanis.id}/decline`, {})).statusCode).toBe(404);
    ctx.clock.advance(60_000);
    const accepted = (await c("yanis").post(`/api/proposals/${toYanis.id}/accept`, {})).json();
    expect(accepted).toMatchObject({ status: "accepted", direction: "received", pairId: expect.any(String) });
    const mine = (await c("bernard").get("/api/me/proposals")).json().items as { mentor: { id: string }; status: string }[];
    expect(Object.fromEntries(mine.map((p) => [p.mentor.id, p.status]))).toEqual({
      [ids.yanis as string]: "accepted",
      [ids.ines as string]: "withdrawn",
      [ids.chloe as string]: "withdrawn",
    });
    expect((await c("ines").get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_withdrawn" });
    expect((await c("bernard").get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_accepted" });
    expect((await c("bernard").get("/api/me/pairs")).json().items[0]).toMatchObject({
      state: "intro",
      origin: "proposal",
      mentor: { id: ids.yanis },
    });
    const toInes = mine.find((p) => p.mentor.id === ids.ines) as unknown as { id: string };
    const late = await c("ines").post(`/api/proposals/${toInes.id}/accept`, {});
    expect(late.statusCode).toBe(409);
    const paired = await c("bernard").post(`/api/programmes/${programmeId}/proposals`, { mentorId: ids.ines, goals: "x", offer: "y" });
    expect(paired.json().error.message).toBe("Vous faites déjà partie d’un binôme dans ce programme.");
  });

  it("lets a mentor decline with a reason the mentee reads, and a mentee withdraw", async () => {
    const sent = (
      await c("sylvie").post(`/api/programmes/${programmeId}/proposals`, { mentorId: ids.ines, goals: "Excel", offer: "Négociation" })
    ).json();
    const declined = (await c("ines").post(`/api/proposals/${sent.id}/decline`, { reason: "Je pars en congé trois mois" })).json();
    expect(declined.status).toBe("declined");
    const seen = (await c("sylvie").get("/api/me/proposals")).json().items[0];
    expect(seen).toMatchObject({ status: "declined", declineReason: "Je pars en congé trois mois" });
    const again = (
      await c("sylvie").post(`/api/programmes/${programmeId}/proposals`, { mentorId: ids.chloe, goals: "Excel", offer: "Négociation" })
    ).json();
    expect((await c("chloe").post(`/api/proposals/${again.id}/withdraw`, {})).statusCode).toBe(403);
    expect((await c("sylvie").post(`/api/proposals/${again.id}/withdraw`, {})).json().status).toBe("withdrawn");
  });

  it("reminds the mentor two days before a proposal expires, then expires it and tells both", async () => {
    const sent = (
      await c("sylvie").post(`/api/programmes/${programmeId}/proposals`, { mentorId: ids.chloe, goals: "Excel", offer: "Négociation" })
    ).json();
    await daysLater(4);
    expect(await expireProposals(ctx)).toEqual({ reminded: 0, expired: 0 });
    await daysLater(1.5);
    expect(await expireProposals(ctx)).toEqual({ reminded: 1, expired: 0 });
    expect(await expireProposals(ctx)).toEqual({ reminded: 0, expired: 0 });
    expect((await c("chloe").get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_expiring" });
    await daysLater(2);
    const seen = (await c("sylvie").get("/api/me/proposals")).json().items.find((p: { id: string }) => p.id === sent.id);
    expect(seen.status).toBe("expired");
    expect((await c("sylvie").get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_expired" });
    expect((await c("chloe").post(`/api/proposals/${sent.id}/accept`, {})).statusCode).toBe(409);
  });
});

describe("concurrent accepts", () => {
  it("never exceed a mentor's capacity: 50 accepts at once against a capacity of 2 create exactly 2 pairs", async () => {
    const keys = Array.from({ length: 50 }, (_, k) => `senior${k}`);
    const mentees = await addPeople(
      ctx,
      keys.map((key) => ({ key, profile: menteeProfile(["dataviz"]) })),
    );
    const mentor = (await addPeople(ctx, [{ key: "busy", profile: mentorProfile(["dataviz"], { mentorCapacity: 2 }), withAccount: true }]))
      .busy as string;
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: ["busy"] });
    // The programme takes one mentee per mentor; the manager lets this one take two.
    expect((await hr.patch(`/api/programmes/${programmeId}/enrolments/${mentor}`, { capacity: 2 })).statusCode).toBe(204);
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentee", employeeIds: keys });
    const now = ctx.clock.now();
    const rows = await ctx.database.db
      .insert(proposals)
      .values(
        keys.map((key) => ({
          programmeId,
          menteeId: mentees[key] as string,
          mentorId: mentor,
          goals: "Tableaux de bord",
          offer: "Stratégie",
          status: "open" as const,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 7 * DAY),
        })),
      )
      .returning({ id: proposals.id });
    const busy = new TestClient(ctx.app);
    await busy.login("busy@exemple.fr");
    await busy.get("/api/me"); // the CSRF token is fetched once, before the burst
    const answers = await Promise.all(rows.map((r) => busy.post(`/api/proposals/${r.id}/accept`, {})));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((s) => s === 200)).toHaveLength(2);
    expect(codes.filter((s) => s === 409)).toHaveLength(48);
    const pairs = (await busy.get("/api/me/pairs")).json().items;
    expect(pairs).toHaveLength(2);
    expect((await c("bernard").get("/api/me/pairs")).statusCode).toBe(200);
  });

  it("never put a mentee in two pairs: five mentors accepting the same mentee at once make one pair", async () => {
    const mentorKeys = Array.from({ length: 5 }, (_, k) => `junior${k}`);
    const mentors = await addPeople(
      ctx,
      mentorKeys.map((key) => ({ key, profile: mentorProfile(["seo"]), withAccount: true })),
    );
    const mentee = (await addPeople(ctx, [{ key: "courted", profile: menteeProfile(["seo"]) }])).courted as string;
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: mentorKeys });
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentee", employeeIds: ["courted"] });
    const now = ctx.clock.now();
    const rows = await ctx.database.db
      .insert(proposals)
      .values(
        mentorKeys.map((key) => ({
          programmeId,
          menteeId: mentee,
          mentorId: mentors[key] as string,
          goals: "SEO",
          offer: "Réseau",
          status: "open" as const,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 7 * DAY),
        })),
      )
      .returning({ id: proposals.id, mentorId: proposals.mentorId });
    const juniors = await Promise.all(
      mentorKeys.map(async (key) => {
        const junior = new TestClient(ctx.app);
        await junior.login(`${key}@exemple.fr`);
        await junior.get("/api/me");
        return junior;
      }),
    );
    const answers = await Promise.all(rows.map((r, k) => (juniors[k] as TestClient).post(`/api/proposals/${r.id}/accept`, {})));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const board = (await hr.get(`/api/programmes/${programmeId}/enrolments?q=courted`)).json();
    expect(board.items[0].pairState).toBe("intro");
    const enrolled = await ctx.database.db.select().from(enrolments);
    expect(enrolled.length).toBeGreaterThan(50);
  });
});
