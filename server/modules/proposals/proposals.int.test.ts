import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIT_LEVELS } from "../../../contracts/pairs.ts";
import { enrolments, proposals } from "../../db/schema.ts";
import { type Cast, cast, createProgramme, menteeProfile, mentorProfile, newManager, programmeIn } from "../../test/programme-builders.ts";
import { createTestApp, type TestClient, type TestContext } from "../../test/test-app.ts";

/** Self-service proposals through the API. Each test builds its own people and programme. */
const DAY = 24 * 3600 * 1000;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** A programme in enrolment taking proposals (7 days to answer): three mentors, three mentees (Gérard without a profile). */
async function programmeTakingProposals(): Promise<{ hr: TestClient; people: Cast; programmeId: string }> {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "ines", profile: mentorProfile(["prompting", "excel"]), withAccount: true },
    { key: "yanis", profile: mentorProfile(["linkedin", "prompting"], { format: "online" }), withAccount: true },
    { key: "chloe", profile: mentorProfile(["dataviz"]), withAccount: true },
    { key: "bernard", profile: menteeProfile(["prompting", "linkedin"]), withAccount: true },
    { key: "sylvie", profile: menteeProfile(["excel"]), withAccount: true },
    { key: "gerard", profile: null, withAccount: true },
  ]);
  const programmeId = await programmeIn(
    hr,
    "enrolment",
    { cast: people, mentors: ["ines", "yanis", "chloe"], mentees: ["bernard", "sylvie", "gerard"] },
    { proposalExpiryDays: 7 },
  );
  return { hr, people, programmeId };
}

const propose = async (people: Cast, programmeId: string, from: string, to: string, texts = { goals: "Apprendre", offer: "Mon réseau" }) =>
  (await people.as(from)).post(`/api/programmes/${programmeId}/proposals`, { mentorId: people.ids[to], ...texts });

describe("self-service proposals", () => {
  it("ranks the programme's mentors for a mentee by the engine's score, with reasons and filters", async () => {
    const { people, programmeId } = await programmeTakingProposals();
    const { ids } = people;
    const bernard = await people.as("bernard");
    const page = (await bernard.get(`/api/programmes/${programmeId}/mentors`)).json();
    // Best first: the fit words follow the ranking (the score itself is not sent).
    const ranks = page.items.map((m: { fit: (typeof FIT_LEVELS)[number] }) => FIT_LEVELS.indexOf(m.fit));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(page.items[0].mentor.id).toBe(ids.yanis);
    expect(page.items[0].reasons[0].fr).toMatch(/^Ce mentor enseigne .*prompt.*, que vous voulez apprendre/);
    expect(page.items[0]).toMatchObject({ placesLeft: 1, hasMyOpenProposal: false });
    const inPerson = (await bernard.get(`/api/programmes/${programmeId}/mentors?format=in_person`)).json();
    expect(inPerson.items.map((m: { mentor: { id: string } }) => m.mentor.id)).not.toContain(ids.yanis);
    const byName = (await bernard.get(`/api/programmes/${programmeId}/mentors?q=CHLOE`)).json();
    expect(byName.items.map((m: { mentor: { id: string } }) => m.mentor.id)).toEqual([ids.chloe]);
    const excel = (await bernard.get(`/api/programmes/${programmeId}/mentors?skill=excel`)).json();
    expect(excel.items.map((m: { mentor: { id: string } }) => m.mentor.id)).toEqual([ids.ines]);
  });

  it("is for mentees of the programme: a mentor gets 403, someone outside 404, an empty profile a clear 409", async () => {
    const { hr, people, programmeId } = await programmeTakingProposals();
    expect((await (await people.as("ines")).get(`/api/programmes/${programmeId}/mentors`)).statusCode).toBe(403);
    const other = await createProgramme(hr, { name: "Autre" });
    await hr.post(`/api/programmes/${other}/phase`, { phase: "enrolment" });
    expect((await (await people.as("bernard")).get(`/api/programmes/${other}/mentors`)).statusCode).toBe(404);
    const empty = await (await people.as("gerard")).get(`/api/programmes/${programmeId}/mentors`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.message).toContain("Complétez d’abord votre profil");
  });

  it("needs goals and an offer in return, and tells the mentor", async () => {
    const { people, programmeId } = await programmeTakingProposals();
    const missing = await propose(people, programmeId, "bernard", "yanis", { goals: " ", offer: "" });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["goals", "offer"]);
    const sentAt = ctx.clock.now();
    const sent = await propose(people, programmeId, "bernard", "yanis", {
      goals: "Animer ma page LinkedIn",
      offer: "Préparer un comité de direction",
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      status: "open",
      direction: "sent",
      expiresAt: new Date(sentAt.getTime() + 7 * DAY).toISOString(),
    });
    expect((await (await people.as("yanis")).get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "proposal_received",
      params: { menteeName: "Bernard Test", proposalId: sent.json().id },
    });
    expect((await propose(people, programmeId, "bernard", "yanis", { goals: "x", offer: "y" })).statusCode).toBe(409);
    expect((await propose(people, programmeId, "bernard", "sylvie", { goals: "x", offer: "y" })).statusCode).toBe(400);
  });

  it("allows at most 3 open proposals per mentee", async () => {
    const { hr, people, programmeId } = await programmeTakingProposals();
    for (const mentor of ["yanis", "ines", "chloe"]) expect((await propose(people, programmeId, "bernard", mentor)).statusCode).toBe(201);
    const more = await cast(ctx, [{ key: "marc", profile: mentorProfile(["seo"]) }]);
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: more.employeeIds("marc") });
    const fourth = await (await people.as("bernard")).post(`/api/programmes/${programmeId}/proposals`, {
      mentorId: more.ids.marc,
      goals: "x",
      offer: "y",
    });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.message).toBe("Vous avez déjà 3 propositions en attente : attendez une réponse ou retirez-en une.");
  });

  it("lets only the mentor accept: the sender gets 403, others 404; acceptance opens the pair and withdraws the others", async () => {
    const { people, programmeId } = await programmeTakingProposals();
    const { ids } = people;
    for (const mentor of ["yanis", "ines", "chloe"]) expect((await propose(people, programmeId, "bernard", mentor)).statusCode).toBe(201);
    const bernard = await people.as("bernard");
    const sent = (await bernard.get("/api/me/proposals")).json().items as { id: string; mentor: { id: string } }[];
    const toYanis = sent.find((p) => p.mentor.id === ids.yanis) as { id: string };
    expect((await bernard.post(`/api/proposals/${toYanis.id}/accept`, {})).statusCode).toBe(403);
    expect((await (await people.as("ines")).post(`/api/proposals/${toYanis.id}/accept`, {})).statusCode).toBe(404);
    expect((await (await people.as("sylvie")).post(`/api/proposals/${toYanis.id}/decline`, {})).statusCode).toBe(404);
    ctx.clock.advance(60_000);
    const accepted = (await (await people.as("yanis")).post(`/api/proposals/${toYanis.id}/accept`, {})).json();
    expect(accepted).toMatchObject({ status: "accepted", direction: "received", pairId: expect.any(String) });
    const mine = (await bernard.get("/api/me/proposals")).json().items as { id: string; mentor: { id: string }; status: string }[];
    expect(Object.fromEntries(mine.map((p) => [p.mentor.id, p.status]))).toEqual({
      [ids.yanis as string]: "accepted",
      [ids.ines as string]: "withdrawn",
      [ids.chloe as string]: "withdrawn",
    });
    for (const key of ["ines", "chloe"])
      expect((await (await people.as(key)).get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_withdrawn" });
    expect((await bernard.get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "proposal_accepted",
      link: `/pairs/${accepted.pairId}`,
    });
    expect((await bernard.get("/api/me/pairs")).json().items[0]).toMatchObject({
      id: accepted.pairId,
      state: "intro",
      origin: "proposal",
      mentor: { id: ids.yanis },
    });
    const toInes = mine.find((p) => p.mentor.id === ids.ines) as { id: string };
    expect((await (await people.as("ines")).post(`/api/proposals/${toInes.id}/accept`, {})).statusCode).toBe(409);
    const paired = await propose(people, programmeId, "bernard", "ines", { goals: "x", offer: "y" });
    expect(paired.json().error.message).toBe("Vous faites déjà partie d’un binôme dans ce programme.");
  });

  it("lets a mentor decline with a reason the mentee reads, and a mentee withdraw", async () => {
    const { people, programmeId } = await programmeTakingProposals();
    const texts = { goals: "Excel", offer: "Négociation" };
    const sent = (await propose(people, programmeId, "sylvie", "ines", texts)).json();
    const declined = (
      await (await people.as("ines")).post(`/api/proposals/${sent.id}/decline`, { reason: "Je pars en congé trois mois" })
    ).json();
    expect(declined.status).toBe("declined");
    const sylvie = await people.as("sylvie");
    expect((await sylvie.get("/api/me/proposals")).json().items[0]).toMatchObject({
      status: "declined",
      declineReason: "Je pars en congé trois mois",
    });
    expect((await sylvie.get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_declined" });
    const again = (await propose(people, programmeId, "sylvie", "chloe", texts)).json();
    expect((await (await people.as("chloe")).post(`/api/proposals/${again.id}/withdraw`, {})).statusCode).toBe(403);
    expect((await sylvie.post(`/api/proposals/${again.id}/withdraw`, {})).json().status).toBe("withdrawn");
    expect((await (await people.as("chloe")).get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_withdrawn" });
  });
});

describe("concurrent accepts", () => {
  it("never exceed a mentor's capacity: 50 accepts at once against a capacity of 2 create exactly 2 pairs", async () => {
    const hr = await newManager(ctx);
    const keys = Array.from({ length: 50 }, (_, k) => `senior${k}`);
    const people = await cast(ctx, [
      ...keys.map((key) => ({ key, profile: menteeProfile(["dataviz"]) })),
      { key: "busy", profile: mentorProfile(["dataviz"], { mentorCapacity: 2 }), withAccount: true },
    ]);
    const programmeId = await programmeIn(hr, "enrolment", { cast: people, mentors: ["busy"], mentees: keys });
    const mentor = people.ids.busy as string;
    // The programme takes one mentee per mentor; the manager lets this one take two.
    expect((await hr.patch(`/api/programmes/${programmeId}/enrolments/${mentor}`, { capacity: 2 })).statusCode).toBe(204);
    const now = ctx.clock.now();
    const rows = await ctx.database.db
      .insert(proposals)
      .values(
        keys.map((key) => ({
          programmeId,
          menteeId: people.ids[key] as string,
          mentorId: mentor,
          goals: "Tableaux de bord",
          offer: "Stratégie",
          status: "open" as const,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 7 * DAY),
        })),
      )
      .returning({ id: proposals.id });
    const busy = await people.as("busy");
    await busy.get("/api/me"); // the CSRF token is fetched once, before the burst
    const answers = await Promise.all(rows.map((r) => busy.post(`/api/proposals/${r.id}/accept`, {})));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((s) => s === 200)).toHaveLength(2);
    expect(codes.filter((s) => s === 409)).toHaveLength(48);
    expect((await busy.get("/api/me/pairs")).json().items).toHaveLength(2);
    expect((await hr.get(`/api/programmes/${programmeId}/pairs`)).json().counts.intro).toBe(2);
  });

  it("never put a mentee in two pairs: five mentors accepting the same mentee at once make one pair", async () => {
    const hr = await newManager(ctx);
    const mentorKeys = Array.from({ length: 5 }, (_, k) => `junior${k}`);
    const people = await cast(ctx, [
      ...mentorKeys.map((key) => ({ key, profile: mentorProfile(["seo"]), withAccount: true })),
      { key: "courted", profile: menteeProfile(["seo"]) },
    ]);
    const programmeId = await programmeIn(hr, "enrolment", { cast: people, mentors: mentorKeys, mentees: ["courted"] });
    const now = ctx.clock.now();
    const rows = await ctx.database.db
      .insert(proposals)
      .values(
        mentorKeys.map((key) => ({
          programmeId,
          menteeId: people.ids.courted as string,
          mentorId: people.ids[key] as string,
          goals: "SEO",
          offer: "Réseau",
          status: "open" as const,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 7 * DAY),
        })),
      )
      .returning({ id: proposals.id });
    const juniors = await Promise.all(
      mentorKeys.map(async (key) => {
        const junior = await people.as(key);
        await junior.get("/api/me");
        return junior;
      }),
    );
    const answers = await Promise.all(rows.map((r, k) => (juniors[k] as TestClient).post(`/api/proposals/${r.id}/accept`, {})));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const board = (await hr.get(`/api/programmes/${programmeId}/enrolments?q=courted`)).json();
    expect(board.items[0].pairState).toBe("intro");
    // The locks lost nothing: every enrolment is still there.
    const enrolled = await ctx.database.db.select().from(enrolments).where(eq(enrolments.programmeId, programmeId));
    expect(enrolled).toHaveLength(6);
  });
});
