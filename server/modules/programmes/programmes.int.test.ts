import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cast,
  createProgramme,
  menteeProfile,
  mentorProfile,
  moveTo,
  newManager,
  programmeIn,
  runAndPublish,
  uniqueSuffix,
} from "../../test/programme-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

/** Programmes and their enrolment, through the API. Each test builds its own people and programme. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe("a programme", () => {
  it("is created by a manager from the template, every field copied; a participant may not create one", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [{ key: "ines", profile: mentorProfile(["prompting"]), withAccount: true }]);
    const templates = (await hr.get("/api/programme-templates")).json().items;
    expect(templates[0]).toMatchObject({
      id: "reverse_mentoring",
      sessionMinutes: 45,
      charter: { fr: expect.stringContaining("Confidentialité") },
    });
    const programmeId = await createProgramme(hr);
    const programme = (await hr.get(`/api/programmes/${programmeId}`)).json();
    expect(programme).toMatchObject({
      phase: "draft",
      isPilot: true,
      targetPairs: 10,
      templateId: "reverse_mentoring",
      requiresOnboarding: true,
    });
    const ines = await people.as("ines");
    expect((await ines.post("/api/programmes", {})).statusCode).toBe(403);
    expect((await ines.get("/api/programme-templates")).statusCode).toBe(403);
  });

  it("refuses an end date before the start, in French, naming the field", async () => {
    const hr = await newManager(ctx);
    const programmeId = await createProgramme(hr);
    const response = await hr.request("PATCH", `/api/programmes/${programmeId}`, { endsOn: "2026-01-01" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: "endsOn", message: "La date de fin doit être après la date de début." }]);
  });

  it("moves through the phases in order only; opening enrolment invites the people enrolled while in draft", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [{ key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true }]);
    const programmeId = await programmeIn(hr, "draft", { cast: people, mentees: ["bernard"] });
    const bernard = await people.as("bernard");
    expect((await bernard.get("/api/me/notifications")).json().unread).toBe(0);
    const skip = await hr.post(`/api/programmes/${programmeId}/phase`, { phase: "running" });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toBe("Un programme ne peut pas passer de la phase « draft » à « running ».");
    await moveTo(hr, programmeId, ["enrolment"]);
    const bell = (await bernard.get("/api/me/notifications")).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({
      kind: "programme_invited",
      params: { programmeName: "Pilote mentorat inversé", role: "mentee" },
    });
  });
});

describe("enrolment", () => {
  it("enrols by employee ids all or nothing: an unknown id is named and nobody is enrolled", async () => {
    const hr = await newManager(ctx);
    const finance = `Finance ${uniqueSuffix()}`;
    const people = await cast(ctx, [
      { key: "ines", profile: mentorProfile(["prompting"]) },
      { key: "yanis", profile: mentorProfile(["linkedin"]) },
      { key: "chloe", profile: mentorProfile(["excel"]) },
      { key: "marc", profile: mentorProfile(["seo"]) },
      { key: "nora", profile: null },
      { key: "bernard", profile: menteeProfile(["prompting"]), department: finance },
      { key: "sylvie", profile: menteeProfile(["linkedin"]), department: finance },
      { key: "gerard", profile: menteeProfile(["dataviz"]) },
      { key: "odile", profile: menteeProfile(["prompting"]) },
    ]);
    const programmeId = await createProgramme(hr);
    const [ines, yanis] = people.employeeIds("ines", "yanis");
    const bad = await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentor", employeeIds: [ines, "nobody", yanis] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: "employeeIds[1]", message: "Aucune personne de l’annuaire n’a le matricule « nobody »." },
    ]);
    expect((await hr.get(`/api/programmes/${programmeId}/enrolments`)).json().total).toBe(0);

    const mentors = await hr.post(`/api/programmes/${programmeId}/enrolments`, {
      role: "mentor",
      employeeIds: people.employeeIds("ines", "yanis", "chloe", "marc", "nora"),
    });
    expect(mentors.json()).toEqual({ enrolled: 5, alreadyEnrolled: 0 });
    const byFilter = await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentee", filters: { department: finance } });
    expect(byFilter.json()).toEqual({ enrolled: 2, alreadyEnrolled: 0 });
    const again = await hr.post(`/api/programmes/${programmeId}/enrolments`, {
      role: "mentee",
      employeeIds: people.employeeIds("sylvie", "gerard", "odile"),
    });
    expect(again.json()).toEqual({ enrolled: 2, alreadyEnrolled: 1 });
  });

  it("lets people answer or apply, and the board shows counts, completeness and who has not answered", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [
      { key: "ines", profile: mentorProfile(["prompting", "excel"]), withAccount: true },
      { key: "yanis", profile: mentorProfile(["linkedin", "dataviz"]), withAccount: true },
      { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
      { key: "marc", profile: mentorProfile(["seo", "linkedin"]), withAccount: true },
      { key: "nora", profile: null },
      { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
      { key: "sylvie", profile: menteeProfile(["linkedin"]), withAccount: true },
      { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
      { key: "odile", profile: menteeProfile(["prompting"]) },
      { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
    ]);
    const programmeId = await programmeIn(hr, "enrolment", {
      cast: people,
      mentors: ["ines", "yanis", "chloe", "marc", "nora"],
      mentees: ["bernard", "sylvie", "gerard", "odile"],
    });
    const bernard = await people.as("bernard");
    const outsider = await people.as("outsider");
    expect((await bernard.post(`/api/programmes/${programmeId}/respond`, { accept: true })).json().myEnrolment).toEqual({
      role: "mentee",
      status: "joined",
    });
    expect((await outsider.get(`/api/programmes/${programmeId}`)).json().myEnrolment).toBeNull();
    expect((await outsider.post(`/api/programmes/${programmeId}/apply`, { role: "mentee" })).json().myEnrolment).toEqual({
      role: "mentee",
      status: "joined",
    });
    const twice = await outsider.post(`/api/programmes/${programmeId}/apply`, { role: "mentor" });
    expect(twice.statusCode).toBe(409);

    const board = (await hr.get(`/api/programmes/${programmeId}/enrolments?pageSize=50`)).json();
    expect(board.counts.mentor).toEqual({ invited: 5, joined: 0, declined: 0 });
    expect(board.counts.mentee).toEqual({ invited: 3, joined: 2, declined: 0 });
    expect(board.counts.completeness.none).toBe(1);
    expect(board.items.find((e: { personId: string }) => e.personId === people.ids.nora)).toMatchObject({
      profileCompleteness: null,
      status: "invited",
      hasAccount: false,
    });
    const invitedMentees = (await hr.get(`/api/programmes/${programmeId}/enrolments?role=mentee&status=invited`)).json();
    expect(invitedMentees.items.map((e: { employeeId: string }) => e.employeeId).sort()).toEqual(
      people.employeeIds("gerard", "odile", "sylvie").sort(),
    );
  });

  it("sets people aside from the next runs, and refuses to remove someone in an open pair", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [
      { key: "ines", profile: mentorProfile(["prompting"]), withAccount: true },
      { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
      { key: "sylvie", profile: menteeProfile(["excel"]), withAccount: true },
    ]);
    // Inès takes one mentee: Bernard, who wants what she teaches; Sylvie stays free.
    const programmeId = await programmeIn(hr, "matching", { cast: people, mentors: ["ines"], mentees: ["bernard", "sylvie"] });
    expect(await runAndPublish(hr, programmeId)).toEqual({ created: 1, skipped: 0 });
    const board = (await hr.get(`/api/programmes/${programmeId}/enrolments?pageSize=50`)).json();
    const stateOf = (personId: string) => board.items.find((e: { personId: string }) => e.personId === personId).pairState;
    expect([stateOf(people.ids.bernard as string), stateOf(people.ids.sylvie as string)]).toEqual(["intro", null]);
    const free = people.ids.sylvie as string;

    const aside = await hr.patch(`/api/programmes/${programmeId}/enrolments/${free}`, { isSetAside: true });
    expect(aside.statusCode).toBe(204);
    const run = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    expect(run.setAside).toBe(1);
    const detail = (await hr.get(`/api/programmes/${programmeId}/matching-runs/${run.id}`)).json();
    const everyone = [
      ...detail.pairs.map((p: { mentee: { id: string } }) => p.mentee.id),
      ...detail.unmatched.map((u: { person: { id: string } }) => u.person.id),
    ];
    expect(everyone).not.toContain(free);
    const refused = await hr.request("DELETE", `/api/programmes/${programmeId}/enrolments/${people.ids.bernard}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe("Cette personne fait partie d’un binôme en cours : terminez-le d’abord.");
    const outsider = await people.as("sylvie");
    expect((await outsider.patch(`/api/programmes/${programmeId}/enrolments/${free}`, { isSetAside: false })).statusCode).toBe(403);
    expect((await hr.request("DELETE", `/api/programmes/${programmeId}/enrolments/${free}`)).statusCode).toBe(204);
  });
});

describe("closing a programme", () => {
  it("completes active pairs, ends pairs still in intro, and nothing changes afterwards", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [
      { key: "ines", profile: mentorProfile(["prompting"]), withAccount: true },
      { key: "chloe", profile: mentorProfile(["dataviz"]), withAccount: true },
      { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
      { key: "gerard", profile: menteeProfile(["dataviz"]), withAccount: true },
    ]);
    const programmeId = await programmeIn(hr, "matching", { cast: people, mentors: ["ines", "chloe"], mentees: ["bernard", "gerard"] });
    expect(await runAndPublish(hr, programmeId)).toEqual({ created: 2, skipped: 0 });
    const gerardsPair = (await (await people.as("gerard")).get("/api/me/pairs")).json().items[0];
    for (const key of ["gerard", "chloe"])
      expect((await (await people.as(key)).post(`/api/pairs/${gerardsPair.id}/intro-answer`, { isFit: true })).statusCode).toBe(200);

    const before = (await hr.get(`/api/programmes/${programmeId}/pairs`)).json();
    expect(before.counts).toMatchObject({ intro: 1, active: 1, completed: 0, ended_early: 0 });
    await moveTo(hr, programmeId, ["closed"]);
    const after = (await hr.get(`/api/programmes/${programmeId}/pairs`)).json();
    expect(after.counts).toMatchObject({ intro: 0, active: 0, completed: 1, ended_early: 1 });
    const stateOf = (id: string) => after.items.find((p: { id: string }) => p.id === id);
    expect(stateOf(gerardsPair.id)).toMatchObject({ state: "completed" });
    const closedEvents = after.items.flatMap((p: { history: { cause: string }[] }) =>
      p.history.filter((h) => h.cause === "programme_closed"),
    );
    expect(closedEvents).toHaveLength(2);
    expect((await (await people.as("bernard")).get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "pair_ended",
      params: { reason: "programme_closed" },
    });
    expect((await (await people.as("gerard")).get("/api/me/notifications")).json().items[0]).toMatchObject({
      kind: "pair_completed",
      params: { reason: "programme_closed" },
    });
    const edit = await hr.request("PATCH", `/api/programmes/${programmeId}`, { name: "Renommé" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe("Ce programme est clos : il ne peut plus être modifié.");
    expect((await hr.patch(`/api/programmes/${programmeId}/enrolments/${people.ids.gerard}`, { isSetAside: true })).statusCode).toBe(409);
    expect((await hr.request("DELETE", `/api/programmes/${programmeId}/enrolments/${people.ids.gerard}`)).statusCode).toBe(409);
  });
});

describe("what a participant sees", () => {
  it("hides programmes a participant is not in once enrolment is over", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [
      { key: "ines", profile: mentorProfile(["excel"]) },
      { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
    ]);
    const programmeId = await programmeIn(hr, "enrolment", { cast: people, mentors: ["ines"] });
    const outsider = await people.as("outsider");
    expect((await outsider.post(`/api/programmes/${programmeId}/apply`, { role: "mentee" })).statusCode).toBe(200);
    await moveTo(hr, programmeId, ["matching"]);
    const other = await createProgramme(hr, { name: "Autre programme" });
    const past = await programmeIn(hr, "matching", { cast: people, mentors: ["ines"] }, { name: "Sans eux" });
    expect((await outsider.get(`/api/programmes/${other}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/programmes/${past}`)).statusCode).toBe(404);
    // Theirs, and those open for enrolment (other tests' programmes may be): nothing else.
    const listed = (await outsider.get("/api/programmes")).json().items as { id: string; phase: string }[];
    expect(listed.filter((p) => p.phase !== "enrolment").map((p) => p.id)).toEqual([programmeId]);
    expect(listed.map((p) => p.id)).not.toContain(other);
    expect((await outsider.get(`/api/programmes/${other}/enrolments`)).statusCode).toBe(403);
  });
});
