import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPeople, createProgramme, menteeProfile, mentorProfile, moveTo } from "../../test/programme-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { capacityOf } from "./mentor-capacity.ts";

/** Who may be paired, and when: the same rules for a published run, a proposal sent and a proposal accepted. */
let ctx: TestContext;
let hr: TestClient;
let ids: Record<string, string>;
const client: Record<string, TestClient> = {};
const c = (key: string) => client[key] as TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"] });
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
  ids = await addPeople(ctx, [
    { key: "ines", profile: mentorProfile(["prompting"]), withAccount: true },
    { key: "yanis", profile: mentorProfile(["prompting", "linkedin"]), withAccount: true },
    { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
    { key: "sylvie", profile: menteeProfile(["linkedin"]), withAccount: true },
  ]);
  for (const key of Object.keys(ids)) {
    client[key] = new TestClient(ctx.app);
    await c(key).login(`${key}@exemple.fr`);
  }
});
afterAll(() => ctx.close());

async function programmeWithEveryone(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await createProgramme(hr, overrides);
  await hr.post(`/api/programmes/${id}/enrolments`, { role: "mentor", employeeIds: ["ines", "yanis"] });
  await hr.post(`/api/programmes/${id}/enrolments`, { role: "mentee", employeeIds: ["bernard", "sylvie"] });
  return id;
}

const propose = (key: string, programmeId: string, mentor: string) =>
  c(key).post(`/api/programmes/${programmeId}/proposals`, { mentorId: ids[mentor], goals: "Apprendre", offer: "Mon expérience" });

describe("pair eligibility", () => {
  it("keeps a draft programme out of sight of the people enrolled in it until enrolment opens", async () => {
    const id = await programmeWithEveryone();
    expect((await c("bernard").get(`/api/programmes/${id}`)).statusCode).toBe(404);
    expect((await c("bernard").get("/api/programmes")).json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await c("bernard").post(`/api/programmes/${id}/respond`, { accept: true })).statusCode).toBe(404);
    await moveTo(hr, id, ["enrolment"]);
    expect((await c("bernard").get(`/api/programmes/${id}`)).json().myEnrolment).toEqual({ role: "mentee", status: "invited" });
  });

  it("withdraws open proposals when the programme closes, and a closed programme takes no accept", async () => {
    const id = await programmeWithEveryone();
    await moveTo(hr, id, ["enrolment"]);
    const sent = (await propose("bernard", id, "ines")).json();
    await moveTo(hr, id, ["matching", "running", "closed"]);
    const accept = await c("ines").post(`/api/proposals/${sent.id}/accept`, {});
    expect(accept.statusCode).toBe(409);
    expect((await c("bernard").get("/api/me/proposals")).json().items.find((p: { id: string }) => p.id === sent.id).status).toBe(
      "withdrawn",
    );
    expect((await c("ines").get("/api/me/pairs")).json().items).toHaveLength(0);
  });

  it("withdraws the proposals of someone who declines the programme", async () => {
    const id = await programmeWithEveryone();
    await moveTo(hr, id, ["enrolment"]);
    const sent = (await propose("bernard", id, "ines")).json();
    await c("bernard").post(`/api/programmes/${id}/respond`, { accept: false });
    expect((await c("ines").post(`/api/proposals/${sent.id}/accept`, {})).statusCode).toBe(409);
    expect((await c("ines").get("/api/me/notifications")).json().items[0]).toMatchObject({ kind: "proposal_withdrawn" });
  });

  it("does not offer, nor let anyone propose to, a mentor set aside; a mentor set aside after a proposal cannot accept it", async () => {
    const id = await programmeWithEveryone();
    await moveTo(hr, id, ["enrolment"]);
    const sent = (await propose("sylvie", id, "yanis")).json();
    await hr.patch(`/api/programmes/${id}/enrolments/${ids.ines}`, { isSetAside: true });
    const listed = (await c("bernard").get(`/api/programmes/${id}/mentors`))
      .json()
      .items.map((m: { mentor: { id: string } }) => m.mentor.id);
    expect(listed).toEqual([ids.yanis]);
    const refused = await propose("bernard", id, "ines");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("PAIR_NOT_ALLOWED");
    await hr.patch(`/api/programmes/${id}/enrolments/${ids.yanis}`, { isSetAside: true });
    expect((await c("yanis").post(`/api/proposals/${sent.id}/accept`, {})).json().error.code).toBe("PAIR_NOT_ALLOWED");
  });

  it("never forms again a pair that was not a fit: not in the next run, not by proposal", async () => {
    const id = await programmeWithEveryone();
    await moveTo(hr, id, ["enrolment", "matching"]);
    const run = (await hr.post(`/api/programmes/${id}/matching-runs`, {})).json();
    await hr.post(`/api/programmes/${id}/matching-runs/${run.id}/publish`, {});
    const pair = (await c("bernard").get("/api/me/pairs")).json().items[0];
    const mentorKey = pair.mentor.id === ids.ines ? "ines" : "yanis";
    await c("bernard").post(`/api/pairs/${pair.id}/intro-answer`, { isFit: false });
    const rerun = (await hr.post(`/api/programmes/${id}/matching-runs`, {})).json();
    const detail = (await hr.get(`/api/programmes/${id}/matching-runs/${rerun.id}`)).json();
    const again = detail.pairs.find((p: { mentee: { id: string } }) => p.mentee.id === ids.bernard);
    expect(again?.mentor.id).not.toBe(pair.mentor.id);
    expect((await propose("bernard", id, mentorKey)).json().error.code).toBe("PAIR_NOT_ALLOWED");
  });

  it("publishes only the pairs whose people are still available: a mentee who declined since the run is skipped", async () => {
    const id = await programmeWithEveryone();
    await moveTo(hr, id, ["enrolment", "matching"]);
    const run = (await hr.post(`/api/programmes/${id}/matching-runs`, {})).json();
    expect(run.pairs).toBe(2);
    await c("sylvie").post(`/api/programmes/${id}/respond`, { accept: false });
    expect((await hr.post(`/api/programmes/${id}/matching-runs/${run.id}/publish`, {})).json()).toEqual({ created: 1, skipped: 1 });
    expect(
      (await c("sylvie").get("/api/me/pairs")).json().items.filter((p: { programme: { id: string } }) => p.programme.id === id),
    ).toEqual([]);
  });

  it("numbers runs started at the same time one after the other", async () => {
    const id = await programmeWithEveryone();
    await moveTo(hr, id, ["enrolment", "matching"]);
    const runs = await Promise.all([1, 2, 3, 4].map(() => hr.post(`/api/programmes/${id}/matching-runs`, {})));
    expect(runs.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(runs.map((r) => r.json().number).sort()).toEqual([1, 2, 3, 4]);
  });

  it("refuses to swap two mentees of the same mentor, naming the field", async () => {
    const id = await programmeWithEveryone({
      matchingSettings: { ...(await hr.get("/api/programme-templates")).json().items[0].matchingSettings, defaultCapacity: 2, minScore: 0 },
    });
    await hr.patch(`/api/programmes/${id}/enrolments/${ids.ines}`, { isSetAside: true });
    await moveTo(hr, id, ["enrolment", "matching"]);
    await hr.patch(`/api/programmes/${id}/enrolments/${ids.yanis}`, { capacity: 2 });
    const run = (await hr.post(`/api/programmes/${id}/matching-runs`, {})).json();
    expect(run.pairs).toBe(2);
    const swap = await hr.post(`/api/programmes/${id}/matching-runs/${run.id}/swap`, { menteeA: ids.bernard, menteeB: ids.sylvie });
    expect(swap.statusCode).toBe(400);
    expect(swap.json().error.details).toEqual([
      { path: "menteeB", message: "Ces deux mentorés ont le même mentor : il n’y a rien à échanger." },
    ]);
  });
});

describe("mentor capacity", () => {
  it("is the manager's setting for that person, else the programme's number per mentor, never more than the profile offers", () => {
    expect(capacityOf(3, 1, 1)).toBe(3);
    expect(capacityOf(null, 1, 2)).toBe(1);
    expect(capacityOf(null, 4, 2)).toBe(2);
    expect(capacityOf(null, undefined, 2)).toBe(2);
  });
});
