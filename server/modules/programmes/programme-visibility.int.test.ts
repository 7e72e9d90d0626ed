import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "../../platform/auth/route-access.ts";
import { addPeople, createProgramme, menteeProfile, mentorProfile, moveTo } from "../../test/programme-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";

/**
 * A programme a participant may not see (a draft, announced to nobody; or one they are not in, out of
 * enrolment) answers every route taking its id exactly as an unknown id would: no 409, no 403 that
 * would reveal that it exists. Every route of route-access.ts with a programme id is tried, so a new
 * one is tested as soon as it is declared.
 */

const PROGRAMME_ROUTES = Object.entries(ROUTE_ACCESS).filter(([key]) => /\/programmes\/:id(\/|$)/.test(key));

/** A valid body for each participant route that takes one: a 400 would hide what the route does with the id. */
const VALID_BODIES: Record<string, (ids: Record<string, string>) => unknown> = {
  "POST /api/me/programmes/:id/charter": () => ({}),
  "POST /api/programmes/:id/apply": () => ({ role: "mentee" }),
  "POST /api/programmes/:id/respond": () => ({ accept: true }),
  "POST /api/programmes/:id/proposals": (ids) => ({ mentorId: ids.ines, goals: "Apprendre le prompting", offer: "Du leadership" }),
};

const NOT_FOUND = { error: { code: "NOT_FOUND", message: "Cette ressource n’existe pas.", details: [] } };

let ctx: TestContext;
let hr: TestClient;
let ids: Record<string, string>;
const client: Record<string, TestClient> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"] });
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
  ids = await addPeople(ctx, [
    { key: "ines", profile: mentorProfile(["prompting"]), withAccount: true },
    { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
    { key: "outsider", profile: menteeProfile(["prompting"]), withAccount: true },
  ]);
  for (const key of ["ines", "bernard", "outsider"]) {
    client[key] = new TestClient(ctx.app);
    await (client[key] as TestClient).login(`${key}@exemple.fr`);
  }
});
afterAll(() => ctx.close());

const c = (key: string) => client[key] as TestClient;

/** Calls one route of route-access.ts with this programme id (other ids: real people, else random). */
function call(who: TestClient, key: string, programmeId: string) {
  const [method, path] = key.split(" ") as [string, string];
  const url = path
    .replace(":id", programmeId)
    .replace(":personId", ids.bernard as string)
    .replace(":mentorId", ids.ines as string)
    .replace(":menteeId", ids.bernard as string)
    .replace(":runId", randomUUID());
  const body = method === "GET" ? undefined : (VALID_BODIES[key]?.(ids) ?? {});
  return who.request(method as "GET", url, body);
}

/** Every route with a programme id, as `who`: the same answer as for an unknown id; a list of the routes that differ. */
async function expectHiddenOnEveryRoute(who: string, programmeId: string) {
  const leaks: string[] = [];
  for (const [key, access] of PROGRAMME_ROUTES) {
    if (access === "authenticated" && !key.startsWith("GET "))
      expect(VALID_BODIES[key], `${key}: add a valid body to VALID_BODIES`).toBeDefined();
    const unknown = await call(c(who), key, randomUUID());
    const hidden = await call(c(who), key, programmeId);
    // Participant routes say "not found"; manager routes refuse the role before looking at the id.
    const expected = access === "authenticated" ? 404 : 403;
    if (hidden.statusCode !== unknown.statusCode || hidden.body !== unknown.body || hidden.statusCode !== expected)
      leaks.push(`${key} → ${hidden.statusCode} ${hidden.body} (unknown id: ${unknown.statusCode})`);
    if (access === "authenticated") expect(unknown.json(), key).toEqual(NOT_FOUND);
  }
  expect(leaks, `routes revealing the programme to ${who}`).toEqual([]);
  // And the attempts left no trace: no charter accepted, no application, no proposal.
  const onboarding = (await hr.get(`/api/programmes/${programmeId}/onboarding`)).json();
  expect(onboarding.items.map((i: { charterAccepted: boolean }) => i.charterAccepted).every((accepted: boolean) => !accepted)).toBe(true);
  const enrolled = (await hr.get(`/api/programmes/${programmeId}/enrolments`)).json();
  expect(enrolled.items.map((e: { personId: string }) => e.personId)).not.toContain(ids.outsider);
  expect((await c("ines").get("/api/me/proposals")).json().items.map((p: { programme: { id: string } }) => p.programme.id)).not.toContain(
    programmeId,
  );
}

/** A draft programme of the test's own, with Inès enrolled as a mentor and Bernard as a mentee. */
async function draftWithBoth(): Promise<string> {
  const draftId = await createProgramme(hr, { allowsProposals: true });
  expect((await hr.post(`/api/programmes/${draftId}/enrolments`, { role: "mentor", employeeIds: ["ines"] })).statusCode).toBe(200);
  expect((await hr.post(`/api/programmes/${draftId}/enrolments`, { role: "mentee", employeeIds: ["bernard"] })).statusCode).toBe(200);
  return draftId;
}

describe("a draft programme", () => {
  it("tries every route of route-access.ts taking a programme id", () => {
    expect(PROGRAMME_ROUTES.map(([key]) => key)).toEqual(
      expect.arrayContaining([
        "GET /api/programmes/:id",
        "POST /api/programmes/:id/apply",
        "POST /api/programmes/:id/respond",
        "GET /api/programmes/:id/mentors",
        "POST /api/programmes/:id/proposals",
        "GET /api/me/programmes/:id/onboarding",
        "POST /api/me/programmes/:id/charter",
        "GET /api/programmes/:id/onboarding",
      ]),
    );
  });

  it("is 'not found' on every route for a mentee enrolled in it, and the attempts leave no trace", async () => {
    const draftId = await draftWithBoth();
    await expectHiddenOnEveryRoute("bernard", draftId);
    const onboarding = (await hr.get(`/api/programmes/${draftId}/onboarding`)).json();
    expect(onboarding.items.map((i: { charterAccepted: boolean }) => i.charterAccepted)).toEqual([false, false]);
    expect((await hr.get(`/api/programmes/${draftId}/enrolments`)).json().total).toBe(2);
  });

  it("is 'not found' on every route for a mentor enrolled in it, and the attempts leave no trace", async () => {
    const draftId = await draftWithBoth();
    await expectHiddenOnEveryRoute("ines", draftId);
    const onboarding = (await hr.get(`/api/programmes/${draftId}/onboarding`)).json();
    expect(onboarding.items.map((i: { charterAccepted: boolean }) => i.charterAccepted)).toEqual([false, false]);
    expect((await hr.get(`/api/programmes/${draftId}/enrolments`)).json().total).toBe(2);
  });

  it("is 'not found' on every route for a participant not in it, and the attempts leave no trace", async () => {
    const draftId = await draftWithBoth();
    await expectHiddenOnEveryRoute("outsider", draftId);
    expect((await hr.get(`/api/programmes/${draftId}/enrolments`)).json().total).toBe(2);
  });

  it("is still seen by managers", async () => {
    const draftId = await draftWithBoth();
    expect((await hr.get(`/api/programmes/${draftId}`)).json()).toMatchObject({ id: draftId, phase: "draft" });
    expect((await hr.get("/api/programmes")).json().items.map((p: { id: string }) => p.id)).toContain(draftId);
    expect((await hr.get(`/api/programmes/${draftId}/onboarding`)).statusCode).toBe(200);
    expect((await hr.get(`/api/programmes/${draftId}/enrolments`)).statusCode).toBe(200);
  });

  it("opens to the people enrolled once enrolment opens", async () => {
    const draftId = await draftWithBoth();
    await moveTo(hr, draftId, ["enrolment"]);
    expect((await c("bernard").get(`/api/programmes/${draftId}`)).statusCode).toBe(200);
    expect((await c("bernard").get(`/api/me/programmes/${draftId}/onboarding`)).statusCode).toBe(200);
    expect((await c("bernard").post(`/api/me/programmes/${draftId}/charter`)).statusCode).toBe(200);
    expect((await c("bernard").get(`/api/programmes/${draftId}/mentors`)).statusCode).toBe(200);
    expect((await c("outsider").get(`/api/programmes/${draftId}`)).statusCode).toBe(200);
  });
});

describe("a programme past enrolment that a participant is not in", () => {
  it("is 'not found' on every route for them, as it is on GET /api/programmes/:id", async () => {
    const programmeId = await createProgramme(hr, { allowsProposals: true });
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: ["ines"] });
    await moveTo(hr, programmeId, ["enrolment", "matching"]);
    await expectHiddenOnEveryRoute("outsider", programmeId);
  });
});
