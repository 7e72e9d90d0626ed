import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
