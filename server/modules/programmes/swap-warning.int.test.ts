import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgrammeTemplate } from "../../../contracts/programmes.ts";
import { addPeople, createProgramme, menteeProfile, mentorProfile, moveTo } from "../../test/programme-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";

/**
 * Swapping two mentees' mentors in a run may form pairs the engine would never have made: under the
 * programme's minimum score. The manager is told which pairs and their scores, and confirms or not.
 *
 * Inès and Bernard share Monday slots and meeting in person, Yanis and Sylvie Friday slots and meeting
 * online: each swapped pair shares no slot, no format and nothing taught, only the language and what the
 * mentee offers in return (0.2 + 0.05 = 25 % with the template's weights), against 90 % before the swap
 * (100 % for Inès and Bernard, who also share an interest).
 */
let ctx: TestContext;
let hr: TestClient;
let ids: Record<string, string>;
let template: ProgrammeTemplate;
/** French puts a non-breaking space before "%". */
const NBSP = "\u00a0";

beforeAll(async () => {
  ctx = await createTestApp();
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"] });
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
  const monday = { availability: ["mon:morning", "mon:lunch"], format: "in_person" as const };
  const friday = { availability: ["fri:morning", "fri:lunch"], format: "online" as const };
  ids = await addPeople(ctx, [
    { key: "ines", profile: mentorProfile(["prompting"], { ...monday, interests: ["jardinage"] }) },
    { key: "yanis", profile: mentorProfile(["linkedin"], friday) },
    { key: "bernard", profile: menteeProfile(["prompting"], { ...monday, interests: ["jardinage"] }) },
    { key: "sylvie", profile: menteeProfile(["linkedin"], friday) },
  ]);
  template = (await hr.get("/api/programme-templates")).json().items[0];
});
afterAll(() => ctx.close());

/** A programme in matching with the four enrolled and one run (Inès–Bernard, Yanis–Sylvie); returns its id and the run's. */
async function programmeWithRun(minScore: number): Promise<{ id: string; runId: string }> {
  const id = await createProgramme(hr, { matchingSettings: { ...template.matchingSettings, minScore } });
  await hr.post(`/api/programmes/${id}/enrolments`, { role: "mentor", employeeIds: ["ines", "yanis"] });
  await hr.post(`/api/programmes/${id}/enrolments`, { role: "mentee", employeeIds: ["bernard", "sylvie"] });
  await moveTo(hr, id, ["enrolment", "matching"]);
  const run = (await hr.post(`/api/programmes/${id}/matching-runs`, {})).json();
  const detail = (await hr.get(`/api/programmes/${id}/matching-runs/${run.id}`)).json();
  const mentorOf = (mentee: string) => detail.pairs.find((p: { mentee: { id: string } }) => p.mentee.id === ids[mentee])?.mentor.id;
  expect([mentorOf("bernard"), mentorOf("sylvie")]).toEqual([ids.ines, ids.yanis]);
  return { id, runId: run.id };
}

const swap = (id: string, runId: string, body: Record<string, unknown>) =>
  hr.post(`/api/programmes/${id}/matching-runs/${runId}/swap`, { menteeA: ids.bernard, menteeB: ids.sylvie, ...body });

describe("swapping mentors under the programme's minimum score", () => {
  it("is refused without the manager's confirmation, naming each pair and its score, and writes nothing", async () => {
    const { id, runId } = await programmeWithRun(0.3);
    const refused = await swap(id, runId, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({
      code: "SWAP_BELOW_MIN_SCORE",
      message: `Après cet échange, au moins un binôme serait sous le score minimum du programme (30${NBSP}%). Confirmez l’échange pour le faire quand même.`,
      details: [
        { path: "menteeA", message: `Bernard Test avec Yanis Test : score 25${NBSP}%, sous le minimum de 30${NBSP}%.` },
        { path: "menteeB", message: `Sylvie Test avec Ines Test : score 25${NBSP}%, sous le minimum de 30${NBSP}%.` },
      ],
    });
    expect((await hr.get(`/api/programmes/${id}/matching-runs`)).json().items).toHaveLength(1);
    expect((await hr.get(`/api/programmes/${id}/constraints`)).json().items).toEqual([]);
  });

  it("says so in the manager's language", async () => {
    const { id, runId } = await programmeWithRun(0.3);
    await createUser(ctx, { email: "hr@example.com", roles: ["manager"], locale: "en" });
    const english = new TestClient(ctx.app);
    await english.login("hr@example.com");
    const refused = await english.post(`/api/programmes/${id}/matching-runs/${runId}/swap`, { menteeA: ids.bernard, menteeB: ids.sylvie });
    expect(refused.json().error.details[0]).toEqual({
      path: "menteeA",
      message: "Bernard Test with Yanis Test: score 25%, under the minimum of 30%.",
    });
  });

  it("is made once the manager confirms it: a new run with the two swapped pairs locked", async () => {
    const { id, runId } = await programmeWithRun(0.3);
    const accepted = await swap(id, runId, { confirmBelowMinimum: true });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ number: 2, pairs: 2, locks: 2 });
    const detail = (await hr.get(`/api/programmes/${id}/matching-runs/${accepted.json().id}`)).json();
    const pairs = detail.pairs.map((p: { mentor: { id: string }; mentee: { id: string }; isLocked: boolean; score: number }) => ({
      mentor: p.mentor.id,
      mentee: p.mentee.id,
      isLocked: p.isLocked,
      score: Math.round(p.score * 100),
    }));
    expect(pairs).toEqual(
      expect.arrayContaining([
        { mentor: ids.yanis, mentee: ids.bernard, isLocked: true, score: 25 },
        { mentor: ids.ines, mentee: ids.sylvie, isLocked: true, score: 25 },
      ]),
    );
  });

  it("needs no confirmation when every swapped pair reaches the minimum", async () => {
    const { id, runId } = await programmeWithRun(0.2);
    const accepted = await swap(id, runId, {});
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ number: 2, locks: 2 });
  });
});

describe("a run's pairs for review", () => {
  it("come weakest first, where a manager looks before publishing, or strongest first when asked", async () => {
    const { id, runId } = await programmeWithRun(0.3);
    const order = async (query: string) =>
      (await hr.get(`/api/programmes/${id}/matching-runs/${runId}${query}`))
        .json()
        .pairs.map((p: { mentee: { firstName: string }; score: number }) => `${p.mentee.firstName} ${Math.round(p.score * 100)}`);
    expect(await order("")).toEqual(["Sylvie 90", "Bernard 100"]);
    expect(await order("?sort=score_desc")).toEqual(["Bernard 100", "Sylvie 90"]);
    expect(await order("?sort=score_desc&pageSize=1&page=2")).toEqual(["Sylvie 90"]);
  });
});
