import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPeople, createProgramme, menteeProfile, mentorProfile, moveTo } from "../../test/programme-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";

let ctx: TestContext;
let hr: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"] });
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
});
afterAll(() => ctx.close());

async function participant(key: string): Promise<TestClient> {
  const client = new TestClient(ctx.app);
  await client.login(`${key}@exemple.fr`);
  return client;
}

async function enrol(programmeId: string, role: "mentor" | "mentee", employeeIds: string[]) {
  const response = await hr.post(`/api/programmes/${programmeId}/enrolments`, { role, employeeIds });
  expect(response.statusCode).toBe(200);
}

async function selfAssess(client: TestClient) {
  expect((await client.post("/api/me/self-assessments", { answers: [{ skillId: "prompting", level: 2 }] })).statusCode).toBe(201);
}

describe("a profile's questions and completeness follow its person's programme roles", () => {
  it("asks a mentor what they teach and want to learn in return, never what they offer in return", async () => {
    await addPeople(ctx, [{ key: "yanis", profile: mentorProfile(["prompting"]), withAccount: true }]);
    const yanis = await participant("yanis");
    await selfAssess(yanis);
    const programmeId = await createProgramme(hr, { name: "Mentors" });
    await enrol(programmeId, "mentor", ["yanis"]);
    await moveTo(hr, programmeId, ["enrolment"]);

    const profile = (await yanis.get("/api/me/profile")).json();
    expect(profile.roles).toEqual(["mentor"]);
    expect(profile.offer).toEqual([]);
    expect(profile.completeness).toEqual({ percent: 100, missing: [] });

    const withoutTeach = (await yanis.request("PUT", "/api/me/profile", { ...profile, teach: [], offer: ["leadership"] })).json();
    expect(withoutTeach.completeness.missing).toEqual(["teach"]);
    expect(withoutTeach.completeness.percent).toBeLessThan(100);
  });

  it("does not show 100 % to a mentee whose offer in return is empty, and HR sees the same", async () => {
    const ids = await addPeople(ctx, [{ key: "gerard", profile: menteeProfile(["dataviz"], { offer: [] }), withAccount: true }]);
    const gerard = await participant("gerard");
    await selfAssess(gerard);
    const programmeId = await createProgramme(hr, { name: "Mentorés" });
    await enrol(programmeId, "mentee", ["gerard"]);
    await moveTo(hr, programmeId, ["enrolment"]);

    const profile = (await gerard.get("/api/me/profile")).json();
    expect(profile.roles).toEqual(["mentee"]);
    expect(profile.completeness.missing).toEqual(["offer"]);
    const detail = (await hr.get(`/api/people/${ids.gerard}`)).json();
    expect(detail.completeness.missing).toEqual(["offer"]);
    expect(detail.profile.roles).toEqual(["mentee"]);
  });

  it("forgets the role of a declined enrolment and of a closed programme", async () => {
    await addPeople(ctx, [{ key: "chloe", profile: mentorProfile(["excel"]), withAccount: true }]);
    const chloe = await participant("chloe");
    const declined = await createProgramme(hr, { name: "Décliné" });
    await enrol(declined, "mentee", ["chloe"]);
    await moveTo(hr, declined, ["enrolment"]);
    expect((await chloe.post(`/api/programmes/${declined}/respond`, { accept: false })).statusCode).toBe(200);
    expect((await chloe.get("/api/me/profile")).json().roles).toEqual([]);

    const closed = await createProgramme(hr, { name: "Clos" });
    await enrol(closed, "mentor", ["chloe"]);
    await moveTo(hr, closed, ["enrolment"]);
    expect((await chloe.get("/api/me/profile")).json().roles).toEqual(["mentor"]);
    await moveTo(hr, closed, ["matching", "running", "closed"]);
    expect((await chloe.get("/api/me/profile")).json().roles).toEqual([]);
  });

  it("keeps the directory's completeness filter true to the roles as enrolments come and go", async () => {
    const ids = await addPeople(ctx, [{ key: "sylvie", profile: menteeProfile(["linkedin"], { offer: [] }), withAccount: true }]);
    const sylvie = await participant("sylvie");
    await selfAssess(sylvie);
    const complete = async () => (await hr.get("/api/people?completeness=complete&q=sylvie")).json().total;
    // In no programme yet, learning and nothing to give is incomplete; give something (teach) and it is complete.
    const saved = (await sylvie.get("/api/me/profile")).json();
    await sylvie.request("PUT", "/api/me/profile", { ...saved, teach: [{ skillId: "excel", level: 2 }] });
    expect(await complete()).toBe(1);

    const programmeId = await createProgramme(hr, { name: "Rafraîchi" });
    await enrol(programmeId, "mentee", ["sylvie"]);
    await moveTo(hr, programmeId, ["enrolment"]);
    // As a mentee she now needs an offer in return.
    expect(await complete()).toBe(0);

    // Out of the programme, the rule of someone in none applies again.
    expect((await hr.request("DELETE", `/api/programmes/${programmeId}/enrolments/${ids.sylvie}`)).statusCode).toBe(204);
    expect(await complete()).toBe(1);

    // Declining is leaving too; closing the programme as well.
    await enrol(programmeId, "mentee", ["sylvie"]);
    expect(await complete()).toBe(0);
    expect((await sylvie.post(`/api/programmes/${programmeId}/respond`, { accept: false })).statusCode).toBe(200);
    expect(await complete()).toBe(1);
  });

  it("announces nothing of a draft, not even to the people enrolled in it, until it opens enrolment", async () => {
    await addPeople(ctx, [{ key: "margaux", profile: menteeProfile(["linkedin"], { offer: [] }), withAccount: true }]);
    const margaux = await participant("margaux");
    await selfAssess(margaux);
    const complete = async () => (await hr.get("/api/people?completeness=complete&q=margaux")).json().total;
    const saved = (await margaux.get("/api/me/profile")).json();
    const before = (await margaux.request("PUT", "/api/me/profile", { ...saved, teach: [{ skillId: "excel", level: 2 }] })).json();
    expect(before.completeness).toEqual({ percent: 100, missing: [] });
    expect(await complete()).toBe(1);

    const programmeId = await createProgramme(hr, { name: "Brouillon" });
    await enrol(programmeId, "mentee", ["margaux"]);
    const inDraft = (await margaux.get("/api/me/profile")).json();
    expect(inDraft.roles).toEqual([]);
    expect(inDraft.completeness).toEqual(before.completeness);
    expect(await complete()).toBe(1);

    await moveTo(hr, programmeId, ["enrolment"]);
    const announced = (await margaux.get("/api/me/profile")).json();
    expect(announced.roles).toEqual(["mentee"]);
    expect(announced.completeness.missing).toEqual(["offer"]);
    expect(await complete()).toBe(0);
  });
});
