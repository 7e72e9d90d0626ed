import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPeople, createProgramme, menteeProfile, mentorProfile, moveTo } from "../../test/programme-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { remindIntroAnswers } from "./pairs.service.ts";

const NOT_A_FIT_REASON = "Il m’a coupé la parole tout le long du café";

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
    { key: "ines", profile: mentorProfile(["prompting", "excel"]), withAccount: true },
    { key: "yanis", profile: mentorProfile(["linkedin", "dataviz"]), withAccount: true },
    { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: "marc", profile: mentorProfile(["seo", "linkedin"]), withAccount: true },
    { key: "nora", profile: null },
    { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true, department: "Finance" },
    { key: "sylvie", profile: menteeProfile(["linkedin"]), withAccount: true, department: "Finance" },
    { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true, department: "Direction" },
    // Less available than the others: they lose the mentors they would share.
    { key: "odile", profile: menteeProfile(["prompting"], { availability: ["fri:evening"] }), department: "Direction" },
    { key: "outsider", profile: menteeProfile(["excel"], { availability: ["fri:evening"] }), withAccount: true },
  ]);
  for (const key of ["ines", "yanis", "chloe", "marc", "bernard", "sylvie", "gerard", "outsider"]) {
    client[key] = new TestClient(ctx.app);
    await (client[key] as TestClient).login(`${key}@exemple.fr`);
  }
});
afterAll(() => ctx.close());

const c = (key: string) => client[key] as TestClient;

/** Moves the clock to `at`; sessions idle that long have expired, so everyone logs in again. */
async function moveClockTo(at: string) {
  ctx.clock.set(new Date(at));
  await hr.login("rh@exemple.fr");
  for (const key of Object.keys(client)) await c(key).login(`${key}@exemple.fr`);
}

describe("a programme from template to running pairs", () => {
  let programmeId: string;

  it("is created by a manager from the template, every field copied; a participant may not create one", async () => {
    const templates = (await hr.get("/api/programme-templates")).json().items;
    expect(templates[0]).toMatchObject({
      id: "reverse_mentoring",
      sessionMinutes: 45,
      charter: { fr: expect.stringContaining("Confidentialité") },
    });
    programmeId = await createProgramme(hr);
    const programme = (await hr.get(`/api/programmes/${programmeId}`)).json();
    expect(programme).toMatchObject({
      phase: "draft",
      isPilot: true,
      targetPairs: 10,
      templateId: "reverse_mentoring",
      requiresOnboarding: true,
    });
    expect((await c("ines").post("/api/programmes", {})).statusCode).toBe(403);
    expect((await c("ines").get("/api/programme-templates")).statusCode).toBe(403);
  });

  it("refuses an end date before the start, in French, naming the field", async () => {
    const response = await hr.request("PATCH", `/api/programmes/${programmeId}`, { endsOn: "2026-01-01" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: "endsOn", message: "La date de fin doit être après la date de début." }]);
  });

  it("enrols by employee ids all or nothing: an unknown id is named and nobody is enrolled", async () => {
    const bad = await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: ["ines", "nobody", "yanis"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: "employeeIds[1]", message: "Aucune personne de l’annuaire n’a le matricule « nobody »." },
    ]);
    expect((await hr.get(`/api/programmes/${programmeId}/enrolments`)).json().total).toBe(0);

    const mentors = await hr.post(`/api/programmes/${programmeId}/enrolments`, {
      role: "mentor",
      employeeIds: ["ines", "yanis", "chloe", "marc", "nora"],
    });
    expect(mentors.json()).toEqual({ enrolled: 5, alreadyEnrolled: 0 });
    const byFilter = await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentee", filters: { department: "Finance" } });
    expect(byFilter.json()).toEqual({ enrolled: 2, alreadyEnrolled: 0 });
    const again = await hr.post(`/api/programmes/${programmeId}/enrolments`, {
      role: "mentee",
      employeeIds: ["sylvie", "gerard", "odile"],
    });
    expect(again.json()).toEqual({ enrolled: 2, alreadyEnrolled: 1 });
  });

  it("moves through the phases in order only; opening enrolment invites the people enrolled while in draft", async () => {
    const skip = await hr.post(`/api/programmes/${programmeId}/phase`, { phase: "running" });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toBe("Un programme ne peut pas passer de la phase « draft » à « running ».");
    await moveTo(hr, programmeId, ["enrolment"]);
    const bell = (await c("bernard").get("/api/me/notifications")).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({
      kind: "programme_invited",
      params: { programmeName: "Pilote mentorat inversé", role: "mentee" },
    });
  });

  it("lets people answer or apply, and the board shows counts, completeness and who has not answered", async () => {
    expect((await c("bernard").post(`/api/programmes/${programmeId}/respond`, { accept: true })).json().myEnrolment).toEqual({
      role: "mentee",
      status: "joined",
    });
    expect((await c("outsider").get(`/api/programmes/${programmeId}`)).json().myEnrolment).toBeNull();
    expect((await c("outsider").post(`/api/programmes/${programmeId}/apply`, { role: "mentee" })).json().myEnrolment).toEqual({
      role: "mentee",
      status: "joined",
    });
    const twice = await c("outsider").post(`/api/programmes/${programmeId}/apply`, { role: "mentor" });
    expect(twice.statusCode).toBe(409);

    const board = (await hr.get(`/api/programmes/${programmeId}/enrolments?pageSize=50`)).json();
    expect(board.counts.mentor).toEqual({ invited: 5, joined: 0, declined: 0 });
    expect(board.counts.mentee).toEqual({ invited: 3, joined: 2, declined: 0 });
    expect(board.counts.completeness.none).toBe(1);
    expect(board.items.find((e: { employeeId: string }) => e.employeeId === "nora")).toMatchObject({
      profileCompleteness: null,
      status: "invited",
      hasAccount: false,
    });
    const invitedMentees = (await hr.get(`/api/programmes/${programmeId}/enrolments?role=mentee&status=invited`)).json();
    expect(invitedMentees.items.map((e: { employeeId: string }) => e.employeeId).sort()).toEqual(["gerard", "odile", "sylvie"]);
  });

  let firstRun: { id: string; pairs: number };
  it("runs the engine on the cohort: explained pairs, next best options, and the unmatched with why", async () => {
    expect((await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).statusCode).toBe(409);
    await moveTo(hr, programmeId, ["matching"]);
    const run = await hr.post(`/api/programmes/${programmeId}/matching-runs`, {});
    expect(run.statusCode).toBe(201);
    firstRun = run.json();
    expect(firstRun).toMatchObject({ number: 1, mentors: 5, mentees: 5, pairs: 4, locks: 0, forbids: 0 });
    const detail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${firstRun.id}`)).json();
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
    const detail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${second.id}?pageSize=50`)).json();
    const mentorOf = (runDetail: typeof detail, mentee: string) =>
      runDetail.pairs.find((p: { mentee: { id: string } }) => p.mentee.id === ids[mentee])?.mentor.id;
    expect(mentorOf(detail, "bernard")).toBe(ids.chloe);
    expect(detail.pairs.find((p: { mentee: { id: string } }) => p.mentee.id === ids.bernard).isLocked).toBe(true);
    expect(mentorOf(detail, "sylvie")).not.toBe(ids.yanis);

    const swapped = (
      await hr.post(`/api/programmes/${programmeId}/matching-runs/${second.id}/swap`, { menteeA: ids.bernard, menteeB: ids.gerard })
    ).json();
    const third = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${swapped.id}?pageSize=50`)).json();
    expect(mentorOf(third, "gerard")).toBe(ids.chloe);
    expect(mentorOf(third, "bernard")).toBe(mentorOf(detail, "gerard"));

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
    const latest = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    const old = await hr.post(`/api/programmes/${programmeId}/matching-runs/${firstRun.id}/publish`, {});
    expect(old.statusCode).toBe(409);
    expect(old.json().error.message).toBe("Un calcul plus récent existe : publiez le dernier.");
    ctx.clock.advance(60_000);
    const published = (await hr.post(`/api/programmes/${programmeId}/matching-runs/${latest.id}/publish`, {})).json();
    expect(published).toEqual({ created: latest.pairs, skipped: 0 });
    expect((await hr.post(`/api/programmes/${programmeId}/matching-runs/${latest.id}/publish`, {})).statusCode).toBe(409);
    expect((await hr.get(`/api/programmes/${programmeId}`)).json()).toMatchObject({ phase: "running", openPairs: latest.pairs });
    const bell = (await c("gerard").get("/api/me/notifications")).json();
    expect(bell.items[0]).toMatchObject({ kind: "match_published", params: { partnerName: "Chloe Test" } });
    expect((await c("gerard").get("/api/me/pairs")).json().items[0]).toMatchObject({
      state: "intro",
      myRole: "mentee",
      mentor: { id: ids.chloe },
    });
    // The run's reasons are about both people; each person of a pair reads them addressed to them.
    const reasonsOf = async (key: string) =>
      ((await c(key).get("/api/me/pairs")).json().items[0].reasons as { fr: string }[]).map((r) => r.fr);
    expect(await reasonsOf("chloe")).toContainEqual(expect.stringMatching(/^Vous enseignez .*, que votre mentoré·e veut apprendre/));
    expect(await reasonsOf("gerard")).toContainEqual(expect.stringMatching(/^Votre mentor enseigne .*, que vous voulez apprendre/));
  });

  const pairOf = async (key: string) => (await c(key).get("/api/me/pairs")).json().items[0];

  it("makes a pair active when both say yes after the intro coffee; an outsider gets 404 on it", async () => {
    const pair = await pairOf("gerard");
    const scheduled = await c("chloe").request("PUT", `/api/pairs/${pair.id}/intro`, {
      at: "2026-03-12T12:30:00+01:00",
      place: "Café du 3e",
    });
    expect(scheduled.json().intro).toEqual({ at: "2026-03-12T11:30:00.000Z", place: "Café du 3e" });
    expect(
      (await c("outsider").request("PUT", `/api/pairs/${pair.id}/intro`, { at: "2026-03-12T12:30:00+01:00", place: "x" })).statusCode,
    ).toBe(404);
    expect((await c("outsider").get(`/api/pairs/${pair.id}`)).statusCode).toBe(404);
    expect((await c("outsider").post(`/api/pairs/${pair.id}/intro-answer`, { isFit: false })).statusCode).toBe(404);
    expect((await hr.post(`/api/pairs/${pair.id}/intro-answer`, { isFit: true })).statusCode).toBe(403);

    const first = (await c("gerard").post(`/api/pairs/${pair.id}/intro-answer`, { isFit: true })).json();
    expect(first).toMatchObject({ state: "intro", myIntroAnswer: { isFit: true }, partnerHasAnswered: false });
    // No notice to the partner right after a "yes": it would tell them the answer. Once the meeting's
    // time has passed, whoever has not answered is reminded, once.
    expect((await c("chloe").get("/api/me/notifications")).json().items.map((n: { kind: string }) => n.kind)).not.toContain(
      "intro_answer_needed",
    );
    expect(await remindIntroAnswers(ctx)).toBe(0);
    await moveClockTo("2026-03-12T11:45:00Z");
    expect(await remindIntroAnswers(ctx)).toBe(0);
    await moveClockTo("2026-03-12T12:45:00Z");
    expect(await remindIntroAnswers(ctx)).toBe(1);
    expect(await remindIntroAnswers(ctx)).toBe(0);
    expect((await c("chloe").get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "intro_answer_needed",
      params: { pairId: pair.id },
    });
    expect((await c("gerard").get("/api/me/notifications")).json().items[0].kind).not.toBe("intro_answer_needed");
    expect((await c("chloe").get(`/api/pairs/${pair.id}`)).json()).toMatchObject({ partnerHasAnswered: true, myIntroAnswer: null });
    const both = (await c("chloe").post(`/api/pairs/${pair.id}/intro-answer`, { isFit: true })).json();
    expect(both.state).toBe("active");
    expect(both.canStartSessions).toBe(false);
    expect(both.history.map((h: { cause: string }) => h.cause)).toEqual(["matching", "intro_confirmed"]);
    const again = await c("chloe").post(`/api/pairs/${pair.id}/intro-answer`, { isFit: false });
    expect(again.statusCode).toBe(409);

    // The programme requires onboarding: sessions may start once both have read their modules and accepted the charter.
    for (const key of ["chloe", "gerard"]) {
      const mine = (await c(key).get(`/api/me/programmes/${programmeId}/onboarding`)).json();
      for (const module of mine.modules) await c(key).post(`/api/me/onboarding/modules/${module.id}`, { reflections: [] });
      expect((await c(key).get(`/api/pairs/${pair.id}`)).json().canStartSessions).toBe(false);
      await c(key).post(`/api/me/programmes/${programmeId}/charter`, {});
    }
    expect((await c("gerard").get(`/api/pairs/${pair.id}`)).json()).toMatchObject({
      canStartSessions: true,
      onboarding: { mentor: { isComplete: true }, mentee: { isComplete: true } },
    });
  });

  it("closes a pair as not a fit on any no: the reason reaches the managers only, both go back to the pool", async () => {
    const pair = await pairOf("sylvie");
    const mentorKey = Object.keys(ids).find((k) => ids[k] === pair.mentor.id) as string;
    ctx.clock.advance(60_000);
    const answered = (await c("sylvie").post(`/api/pairs/${pair.id}/intro-answer`, { isFit: false, reason: NOT_A_FIT_REASON })).json();
    expect(answered.state).toBe("not_a_fit");
    const mentorView = await c(mentorKey).get(`/api/pairs/${pair.id}`);
    expect(mentorView.json().state).toBe("not_a_fit");
    expect(mentorView.body).not.toContain(NOT_A_FIT_REASON);
    expect((await c(mentorKey).get("/api/me/notifications")).body).not.toContain(NOT_A_FIT_REASON);

    // The managers are told who needs a new match (the reason is on the pairs tab, not in the bell).
    const hrBell = await hr.get("/api/me/notifications");
    expect(hrBell.json().items[0]).toMatchObject({
      kind: "managers_pair_not_a_fit",
      params: { menteeName: "Sylvie Test", programmeName: "Pilote mentorat inversé" },
    });
    expect(hrBell.body).not.toContain(NOT_A_FIT_REASON);
    const managed = (await hr.get(`/api/programmes/${programmeId}/pairs`)).json();
    expect(managed.introAnswers).toEqual({ fit: 2, notFit: 1 });
    expect(managed.counts).toMatchObject({ active: 1, not_a_fit: 1 });
    const closed = managed.items.find((p: { id: string }) => p.id === pair.id);
    expect(closed.introAnswers).toEqual([expect.objectContaining({ role: "mentee", isFit: false, reason: NOT_A_FIT_REASON })]);
    expect(managed.needsRematch.map((r: { person: { id: string } }) => r.person.id).sort()).toEqual([ids.sylvie, pair.mentor.id].sort());
    const board = (await hr.get(`/api/programmes/${programmeId}/enrolments?q=sylvie`)).json();
    expect(board.items[0]).toMatchObject({ needsRematch: true, pairState: null });
    expect(board.counts.needsRematch).toBe(2);
    // Back in the pool: the next run may match her again.
    const rerun = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    const detail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${rerun.id}`)).json();
    expect([
      ...detail.pairs.map((p: { mentee: { id: string } }) => p.mentee.id),
      ...detail.unmatched.map((u: { person: { id: string } }) => u.person.id),
    ]).toContain(ids.sylvie);
  });

  it("ends an active pair early with a reason, tells the partner, and refuses transitions out of a closed state", async () => {
    const pair = await pairOf("gerard");
    expect((await c("outsider").post(`/api/pairs/${pair.id}/end`, { reason: "no_time" })).statusCode).toBe(404);
    ctx.clock.advance(60_000);
    const ended = await c("gerard").post(`/api/pairs/${pair.id}/end`, { reason: "no_time", note: "Trop de déplacements" });
    expect(ended.json()).toEqual({ state: "ended_early" });
    expect((await c("chloe").get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "pair_ended",
      params: { reason: "no_time" },
    });
    const late = await c("chloe").post(`/api/pairs/${pair.id}/complete`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe("Ce binôme ne peut pas passer de l’état « ended_early » à « completed ».");
    const history = (await c("chloe").get(`/api/pairs/${pair.id}`)).json().history;
    expect(history.at(-1)).toMatchObject({ fromState: "active", toState: "ended_early", cause: "ended_early", reason: "no_time" });
  });

  it("completes a pair when both agree", async () => {
    const pair = await pairOf("bernard");
    const mentorKey = Object.keys(ids).find((k) => ids[k] === pair.mentor.id) as string;
    await c("bernard").post(`/api/pairs/${pair.id}/intro-answer`, { isFit: true });
    await c(mentorKey).post(`/api/pairs/${pair.id}/intro-answer`, { isFit: true });
    expect((await c("bernard").post(`/api/pairs/${pair.id}/complete`, {})).json()).toEqual({ state: "active" });
    expect((await c(mentorKey).get(`/api/pairs/${pair.id}`)).json()).toMatchObject({
      partnerAgreedToComplete: true,
      iAgreedToComplete: false,
    });
    expect((await c(mentorKey).post(`/api/pairs/${pair.id}/complete`, {})).json()).toEqual({ state: "completed" });
  });

  it("sets people aside from the next runs, and refuses to remove someone in an open pair", async () => {
    const board = (await hr.get(`/api/programmes/${programmeId}/enrolments?pageSize=50`)).json();
    const free = board.items.find((e: { role: string; pairState: string | null }) => e.role === "mentee" && e.pairState === null);
    const paired = board.items.find((e: { pairState: string | null }) => e.pairState !== null);
    const aside = await hr.patch(`/api/programmes/${programmeId}/enrolments/${free.personId}`, { isSetAside: true });
    expect(aside.statusCode).toBe(204);
    const run = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    expect(run.setAside).toBe(1);
    const detail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${run.id}`)).json();
    const everyone = [
      ...detail.pairs.map((p: { mentee: { id: string } }) => p.mentee.id),
      ...detail.unmatched.map((u: { person: { id: string } }) => u.person.id),
    ];
    expect(everyone).not.toContain(free.personId);
    const refused = await hr.request("DELETE", `/api/programmes/${programmeId}/enrolments/${paired.personId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe("Cette personne fait partie d’un binôme en cours : terminez-le d’abord.");
    expect(
      (await c("outsider").patch(`/api/programmes/${programmeId}/enrolments/${free.personId}`, { isSetAside: false })).statusCode,
    ).toBe(403);
    expect((await hr.request("DELETE", `/api/programmes/${programmeId}/enrolments/${free.personId}`)).statusCode).toBe(204);
  });

  it("closes: active pairs complete, pairs still in intro end, and nothing changes afterwards", async () => {
    const before = (await hr.get(`/api/programmes/${programmeId}/pairs`)).json();
    const intro = before.items.filter((p: { state: string }) => p.state === "intro").length;
    const active = before.items.filter((p: { state: string }) => p.state === "active").length;
    await moveTo(hr, programmeId, ["closed"]);
    const after = (await hr.get(`/api/programmes/${programmeId}/pairs`)).json();
    expect(after.counts.intro + after.counts.active).toBe(0);
    expect(after.counts.completed).toBe(before.counts.completed + active);
    expect(after.counts.ended_early).toBe(before.counts.ended_early + intro);
    const closedEvents = after.items.flatMap((p: { history: { cause: string }[] }) =>
      p.history.filter((h) => h.cause === "programme_closed"),
    );
    expect(closedEvents).toHaveLength(intro + active);
    const edit = await hr.request("PATCH", `/api/programmes/${programmeId}`, { name: "Renommé" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe("Ce programme est clos : il ne peut plus être modifié.");
    expect((await hr.patch(`/api/programmes/${programmeId}/enrolments/${ids.gerard}`, { isSetAside: true })).statusCode).toBe(409);
    expect((await hr.request("DELETE", `/api/programmes/${programmeId}/enrolments/${ids.gerard}`)).statusCode).toBe(409);
  });

  it("hides programmes a participant is not in once enrolment is over", async () => {
    const other = await createProgramme(hr, { name: "Autre programme" });
    expect((await c("outsider").get(`/api/programmes/${other}`)).statusCode).toBe(404);
    expect((await c("outsider").get("/api/programmes")).json().items.map((p: { id: string }) => p.id)).toEqual([programmeId]);
    expect((await c("outsider").get(`/api/programmes/${other}/enrolments`)).statusCode).toBe(403);
  });
});
