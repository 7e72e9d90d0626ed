import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { insertPeople } from "../people/index.ts";

let ctx: TestContext;
let lea: TestClient;
let paul: TestClient;
let hr: TestClient;
let leaPersonId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  await insertPeople(ctx.database.db, [
    { employeeId: "E1", firstName: "Léa", lastName: "Martin", email: "lea@exemple.fr", department: "Marketing", languages: ["fr", "en"] },
    { employeeId: "E2", firstName: "Paul", lastName: "Girard", email: "paul@exemple.fr", department: "Finance" },
  ]);
  await createUser(ctx, { email: "lea@exemple.fr", displayName: "Léa Martin" });
  await createUser(ctx, { email: "paul@exemple.fr", displayName: "Paul Girard" });
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"] });
  await logInEveryone();
  leaPersonId = (await hr.get("/api/people?q=martin")).json().items[0].id;
});
afterAll(() => ctx.close());

async function logInEveryone() {
  lea = new TestClient(ctx.app);
  await lea.login("lea@exemple.fr");
  paul = new TestClient(ctx.app);
  await paul.login("paul@exemple.fr");
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
}

const leaProfile = {
  teach: [
    { skillId: "prompting", level: 4 },
    { skillId: "dataviz", level: 3 },
  ],
  learn: [
    { skillId: "strategy", priority: 1 },
    { skillId: "exec_comm", priority: 2 },
  ],
  offer: [],
  interests: ["Photographie", "course à pied"],
  availability: ["tue:lunch", "thu:afternoon"],
  format: "online",
  languages: ["fr", "en"],
  mentorCapacity: 2,
  hopes: "Oser prendre la parole devant le comité de direction.",
};

describe("my profile", () => {
  it("starts empty with the directory's languages and says what is missing", async () => {
    const profile = (await lea.get("/api/me/profile")).json();
    expect(profile).toMatchObject({ teach: [], learn: [], languages: ["fr", "en"], mentorCapacity: 1, updatedAt: null });
    expect(profile.completeness).toEqual({
      percent: 14,
      missing: ["learn", "teachOrOffer", "availability", "format", "hopes", "selfAssessment"],
    });
  });

  it("is saved, read back, and complete once a self-assessment exists", async () => {
    const saved = await lea.request("PUT", "/api/me/profile", leaProfile);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      ...leaProfile,
      interests: ["photographie", "course à pied"],
      completeness: { missing: ["selfAssessment"] },
    });
    const snapshot = await lea.post("/api/me/self-assessments", {
      answers: [
        { skillId: "prompting", level: 4 },
        { skillId: "ai_critical", level: 2 },
        { skillId: "strategy", level: 1 },
      ],
    });
    expect(snapshot.statusCode).toBe(201);
    expect(snapshot.json().byCategory).toEqual([
      { categoryId: "ai", average: 3, count: 2 },
      { categoryId: "business", average: 1, count: 1 },
    ]);
    expect((await lea.get("/api/me/profile")).json().completeness).toEqual({ percent: 100, missing: [] });
  });

  it("keeps every self-assessment as a dated snapshot, newest first", async () => {
    ctx.clock.advance(90 * 24 * 3_600_000);
    await logInEveryone();
    await lea.post("/api/me/self-assessments", { answers: [{ skillId: "strategy", level: 3 }] });
    const list = (await lea.get("/api/me/self-assessments")).json().items;
    expect(list).toHaveLength(2);
    expect(new Date(list[0].takenAt).getTime()).toBeGreaterThan(new Date(list[1].takenAt).getTime());
    expect(list[0].answers).toEqual([{ skillId: "strategy", level: 3 }]);
  });

  it("refuses unknown skills, duplicates and out-of-scale levels, naming the field", async () => {
    const unknown = await lea.request("PUT", "/api/me/profile", { ...leaProfile, teach: [{ skillId: "cobol_2099", level: 2 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: "skills", message: "Compétence inconnue ou archivée : cobol_2099." }]);
    const twice = await lea.request("PUT", "/api/me/profile", { ...leaProfile, offer: ["leadership", "leadership"] });
    expect(twice.json().error.details).toEqual([{ path: "offer", message: "Chaque compétence ne peut figurer qu’une fois : leadership." }]);
    const level = await lea.post("/api/me/self-assessments", { answers: [{ skillId: "seo", level: 7 }] });
    expect(level.json().error.details).toEqual([{ path: "answers.0.level", message: "Doit être au plus 4." }]);
  });

  it("creates a directory entry for an account that had none", async () => {
    await createUser(ctx, { email: "externe@partenaire.fr", displayName: "Inès Externe" });
    const outsider = new TestClient(ctx.app);
    await outsider.login("externe@partenaire.fr");
    expect((await outsider.request("PUT", "/api/me/profile", leaProfile)).statusCode).toBe(200);
    const found = (await hr.get("/api/people?q=externe")).json().items[0];
    expect(found).toMatchObject({
      firstName: "Inès",
      lastName: "Externe",
      email: "externe@partenaire.fr",
      employeeId: expect.stringMatching(/^EXT-/),
    });
  });
});

describe("the directory for HR", () => {
  it("filters people by skill, role and profile completeness", async () => {
    const ids = async (query: string) => (await hr.get(`/api/people?${query}`)).json().items.map((p: { email: string }) => p.email);
    expect(await ids("skill=prompting")).toEqual(["externe@partenaire.fr", "lea@exemple.fr"]);
    expect(await ids("skill=seo")).toEqual([]);
    expect(await ids("completeness=complete")).toEqual(["lea@exemple.fr"]);
    expect(await ids("completeness=incomplete")).toEqual(["externe@partenaire.fr"]);
    expect(await ids("completeness=none")).toEqual(["paul@exemple.fr"]);
    expect(await ids("role=participant&q=girard")).toEqual(["paul@exemple.fr"]);
    expect(await ids("role=manager")).toEqual([]);
    expect((await hr.get("/api/people?q=martin")).json().items[0].profileCompleteness).toBe(100);
  });
});

describe("who sees what", () => {
  it("shows HR a person's profile summary and when they self-assessed, not their scores", async () => {
    const detail = (await hr.get(`/api/people/${leaPersonId}`)).json();
    expect(detail.person).toMatchObject({ firstName: "Léa", department: "Marketing" });
    expect(detail.profile).toMatchObject({ teach: leaProfile.teach, format: "online" });
    expect(detail.selfAssessments).toHaveLength(2);
    expect(JSON.stringify(detail.selfAssessments)).not.toContain("level");
  });

  it("gives a participant no way to read or change another participant's profile or self-assessments", async () => {
    expect((await paul.get(`/api/people/${leaPersonId}`)).statusCode).toBe(403);
    expect((await paul.get("/api/me/profile")).json().teach).toEqual([]);
    expect((await paul.get("/api/me/self-assessments")).json().items).toEqual([]);
    expect((await paul.request("PUT", `/api/people/${leaPersonId}/profile`, leaProfile)).statusCode).toBe(404);
    expect((await paul.post(`/api/people/${leaPersonId}/self-assessments`, { answers: [{ skillId: "seo", level: 4 }] })).statusCode).toBe(
      404,
    );
  });

  it("gives a manager no way to change a participant's self-assessment", async () => {
    expect((await hr.post(`/api/people/${leaPersonId}/self-assessments`, { answers: [{ skillId: "seo", level: 0 }] })).statusCode).toBe(
      404,
    );
    await hr.post("/api/me/self-assessments", { answers: [{ skillId: "seo", level: 0 }] });
    const leas = (await lea.get("/api/me/self-assessments")).json().items;
    expect(leas.flatMap((a: { answers: { skillId: string }[] }) => a.answers.map((x) => x.skillId))).not.toContain("seo");
  });
});

describe("an account whose email the directory gives to someone else", () => {
  let own: TestContext;
  beforeAll(async () => {
    own = await createTestApp();
  });
  afterAll(() => own.close());

  it("answers 409, not 500, when the directory gives my email to a person who already has another account", async () => {
    // Camille's account is linked to her directory entry; Claude's account has no entry yet.
    await insertPeople(own.database.db, [{ employeeId: "E10", firstName: "Camille", lastName: "Durand", email: "camille@exemple.fr" }]);
    await createUser(own, { email: "camille@exemple.fr", displayName: "Camille Durand" });
    await createUser(own, { email: "c.durand@exemple.fr", displayName: "Claude Durand", locale: "en" });
    // An HR import then gives Camille the address Claude's account uses (people-import updates emails by employee id).
    await own.database.db.execute(sql`update people set email = 'c.durand@exemple.fr' where employee_id = 'E10'`);

    const claude = new TestClient(own.app);
    await claude.login("c.durand@exemple.fr");
    const saved = await claude.request("PUT", "/api/me/profile", leaProfile);
    expect([saved.statusCode, saved.json()]).toEqual([
      409,
      {
        error: {
          code: "PERSON_HAS_ACCOUNT",
          message:
            "In the directory, your address c.durand@exemple.fr belongs to Camille Durand, who already has another account. Ask HR to correct the directory.",
          details: [],
        },
      },
    ]);
    const assessed = await claude.post("/api/me/self-assessments", { answers: [{ skillId: "prompting", level: 2 }] });
    expect([assessed.statusCode, assessed.json().error.code]).toEqual([409, "PERSON_HAS_ACCOUNT"]);
    await claude.patch("/api/me", { locale: "fr" });
    expect((await claude.request("PUT", "/api/me/profile", leaProfile)).json().error.message).toBe(
      "Dans l’annuaire, votre adresse c.durand@exemple.fr est celle de Camille Durand, qui a déjà un autre compte. Demandez aux RH de corriger l’annuaire.",
    );
    // Nothing was linked: Camille keeps her entry, Claude has none.
    const linked = await own.database.db
      .select({ email: users.email, personId: users.personId })
      .from(users)
      .where(inArray(users.email, ["camille@exemple.fr", "c.durand@exemple.fr"]));
    expect(linked.sort((a, b) => (a.email < b.email ? -1 : 1))).toEqual([
      { email: "c.durand@exemple.fr", personId: null },
      { email: "camille@exemple.fr", personId: expect.any(String) },
    ]);
  });
});
