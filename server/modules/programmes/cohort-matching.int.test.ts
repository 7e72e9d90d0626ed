import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, cast, menteeProfile, mentorProfile, moveTo, newManager, programmeIn } from "../../test/programme-builders.ts";
import { createTestApp, type TestClient, type TestContext } from "../../test/test-app.ts";

/** Cohort matching of a programme through the API: runs, locks and forbids, swap, publication. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/**
 * A pilot cohort in enrolment, the test's own: five mentors (Nora without a profile), four mentees
 * enrolled by the manager (Bernard has answered yes; Odile, less available than the others, loses the
 * mentors she would share) and an outsider who applied as a mentee.
 */
async function pilotInEnrolment(): Promise<{ hr: TestClient; people: Cast; programmeId: string }> {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "ines", profile: mentorProfile(["prompting", "excel"]), withAccount: true },
    { key: "yanis", profile: mentorProfile(["linkedin", "dataviz"]), withAccount: true },
    { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: "marc", profile: mentorProfile(["seo", "linkedin"]), withAccount: true },
    { key: "nora", profile: null },
    { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true, department: "Finance" },
    { key: "sylvie", profile: menteeProfile(["linkedin"]), withAccount: true, department: "Finance" },
    { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true, department: "Direction" },
    { key: "odile", profile: menteeProfile(["prompting"], { availability: ["fri:evening"] }), department: "Direction" },
    { key: "outsider", profile: menteeProfile(["excel"], { availability: ["fri:evening"] }), withAccount: true },
  ]);
  const programmeId = await programmeIn(hr, "enrolment", {
    cast: people,
    mentors: ["ines", "yanis", "chloe", "marc", "nora"],
    mentees: ["bernard", "sylvie", "gerard", "odile"],
  });
  expect((await (await people.as("bernard")).post(`/api/programmes/${programmeId}/respond`, { accept: true })).statusCode).toBe(200);
  expect((await (await people.as("outsider")).post(`/api/programmes/${programmeId}/apply`, { role: "mentee" })).statusCode).toBe(200);
  return { hr, people, programmeId };
}

type RunDetail = {
  pairs: { mentor: { id: string }; mentee: { id: string }; isLocked: boolean }[];
  unmatched: { person: { id: string } }[];
};
const mentorOf = (detail: RunDetail, menteeId: string | undefined) => detail.pairs.find((p) => p.mentee.id === menteeId)?.mentor.id;

describe("cohort matching", () => {
  it("runs the engine on the cohort: explained pairs, next best options, and the unmatched with why", async () => {
    const { hr, people, programmeId } = await pilotInEnrolment();
    const { ids } = people;
    expect((await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).statusCode).toBe(409);
    await moveTo(hr, programmeId, ["matching"]);
    const run = await hr.post(`/api/programmes/${programmeId}/matching-runs`, {});
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ number: 1, mentors: 5, mentees: 5, pairs: 4, locks: 0, forbids: 0 });
    const detail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${run.json().id}`)).json();
    const pairOf = (mentee: string) => detail.pairs.find((p: { mentee: { id: string } }) => p.mentee.id === ids[mentee]);
    expect(pairOf("bernard").mentor.id).toBe(ids.ines);
    expect([ids.yanis, ids.marc]).toContain(pairOf("sylvie").mentor.id);
    expect(pairOf("bernard").reasons[0].fr).toMatch(/^Le mentor enseigne .*prompt/);
    const alternatives = pairOf("gerard").alternatives as { mentor: { id: string }; score: number }[];
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.map((a) => a.mentor.id)).not.toContain(pairOf("gerard").mentor.id);
    expect(alternatives.map((a) => a.score)).toEqual(alternatives.map((a) => a.score).sort((x, y) => y - x));
    const why = Object.fromEntries(
      detail.unmatched.map((u: { person: { firstName: string }; why: string }) => [u.person.firstName, u.why]),
    );
    expect(why).toEqual({ Nora: "no_profile", Odile: "outbid" });
    // Enrolled by the manager and not answered yet: matched all the same, and flagged for the review.
    expect(detail.notAnswered).toEqual(expect.arrayContaining([ids.ines, ids.nora, ids.odile]));
    expect(detail.notAnswered).not.toContain(ids.bernard);
    const odile = detail.unmatched.find((u: { person: { firstName: string } }) => u.person.firstName === "Odile");
    expect(odile.bestOption.person.id).toBe(ids.ines);
  });

  it("keeps locks and forbids across runs, swaps two mentees' mentors, and compares runs", async () => {
    const { hr, people, programmeId } = await pilotInEnrolment();
    const { ids } = people;
    await moveTo(hr, programmeId, ["matching"]);
    expect((await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).statusCode).toBe(201);
    await hr.request("PUT", `/api/programmes/${programmeId}/constraints`, { mentorId: ids.chloe, menteeId: ids.bernard, kind: "lock" });
    await hr.request("PUT", `/api/programmes/${programmeId}/constraints`, { mentorId: ids.yanis, menteeId: ids.sylvie, kind: "forbid" });
    const notEnrolled = await hr.request("PUT", `/api/programmes/${programmeId}/constraints`, {
      mentorId: ids.bernard,
      menteeId: ids.sylvie,
      kind: "lock",
    });
    expect(notEnrolled.statusCode).toBe(400);
    const second = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    expect(second).toMatchObject({ number: 2, locks: 1, forbids: 1 });
    const detail: RunDetail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${second.id}?pageSize=50`)).json();
    expect(mentorOf(detail, ids.bernard)).toBe(ids.chloe);
    expect(detail.pairs.find((p) => p.mentee.id === ids.bernard)?.isLocked).toBe(true);
    expect(mentorOf(detail, ids.sylvie)).not.toBe(ids.yanis);

    const swapped = (
      await hr.post(`/api/programmes/${programmeId}/matching-runs/${second.id}/swap`, { menteeA: ids.bernard, menteeB: ids.gerard })
    ).json();
    const third: RunDetail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${swapped.id}?pageSize=50`)).json();
    expect(mentorOf(third, ids.gerard)).toBe(ids.chloe);
    expect(mentorOf(third, ids.bernard)).toBe(mentorOf(detail, ids.gerard));

    const runs = (await hr.get(`/api/programmes/${programmeId}/matching-runs`)).json().items;
    expect(runs.map((r: { number: number }) => r.number)).toEqual([3, 2, 1]);
    for (const r of runs)
      expect(r).toEqual(
        expect.objectContaining({ total: expect.any(Number), matchedRatio: expect.any(Number), worstScore: expect.any(Number) }),
      );
    await hr.request("DELETE", `/api/programmes/${programmeId}/constraints/${ids.yanis}/${ids.sylvie}`);
    expect((await hr.get(`/api/programmes/${programmeId}/constraints`)).json().items).toHaveLength(2);
  });

  it("publishes only the latest run: pairs in intro, both people told, the programme running", async () => {
    const { hr, people, programmeId } = await pilotInEnrolment();
    const { ids } = people;
    await moveTo(hr, programmeId, ["matching"]);
    const first = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    await hr.request("PUT", `/api/programmes/${programmeId}/constraints`, { mentorId: ids.chloe, menteeId: ids.gerard, kind: "lock" });
    const latest = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    const old = await hr.post(`/api/programmes/${programmeId}/matching-runs/${first.id}/publish`, {});
    expect(old.statusCode).toBe(409);
    expect(old.json().error.message).toBe("Un calcul plus récent existe : publiez le dernier.");
    ctx.clock.advance(60_000);
    const published = (await hr.post(`/api/programmes/${programmeId}/matching-runs/${latest.id}/publish`, {})).json();
    // Two of the cohort have no account yet: publishing invites them by email (programme-invitations.int.test.ts).
    expect(published).toEqual({ created: latest.pairs, skipped: 0, invitation: { batchId: expect.any(String), invited: 2 } });
    expect((await hr.post(`/api/programmes/${programmeId}/matching-runs/${latest.id}/publish`, {})).statusCode).toBe(409);
    expect((await hr.get(`/api/programmes/${programmeId}`)).json()).toMatchObject({ phase: "running", openPairs: latest.pairs });
    const gerard = await people.as("gerard");
    const bell = (await gerard.get("/api/me/notifications")).json();
    expect(bell.items[0]).toMatchObject({ kind: "match_published", params: { partnerName: "Chloe Test" } });
    expect((await gerard.get("/api/me/pairs")).json().items[0]).toMatchObject({
      state: "intro",
      myRole: "mentee",
      mentor: { id: ids.chloe },
    });
    // The run's reasons are about both people; each person of a pair reads them addressed to them.
    const reasonsOf = async (key: string) =>
      ((await (await people.as(key)).get("/api/me/pairs")).json().items[0].reasons as { fr: string }[]).map((r) => r.fr);
    expect(await reasonsOf("chloe")).toContainEqual(expect.stringMatching(/^Vous enseignez .*, que votre mentoré·e veut apprendre/));
    expect(await reasonsOf("gerard")).toContainEqual(expect.stringMatching(/^Votre mentor enseigne .*, que vous voulez apprendre/));
  });
});
