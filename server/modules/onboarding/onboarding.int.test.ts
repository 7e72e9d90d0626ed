import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgrammeMatchingSettings } from "../../../contracts/programmes.ts";
import { enrolments, people, programmes } from "../../db/schema.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { insertPeople } from "../people/index.ts";
import { onboardingStatuses } from "./index.ts";

const MENTOR_MODULES = [
  "mentor_teaching_senior",
  "mentor_plain_language",
  "mentor_patience",
  "mentor_active_listening",
  "mentor_upward_feedback",
  "mentor_legitimacy",
  "mentor_confidentiality",
];
const MENTEE_MODULES = [
  "mentee_growth_mindset",
  "mentee_admitting_unknowns",
  "mentee_owning_agenda",
  "mentee_learning_by_doing",
  "mentee_respecting_time",
];
const SECRET = "Je redoute de paraître illégitime devant la directrice financière.";

let ctx: TestContext;
let lea: TestClient;
let paul: TestClient;
let marc: TestClient;
let zoe: TestClient;
let outsider: TestClient;
let hr: TestClient;
let pilot: string;
let second: string;
const personId: Record<string, string> = {};

/** Builder: a programme as the programmes context would create it from the template, open for enrolment unless told. */
async function insertProgramme(
  name: string,
  values: { requiresOnboarding?: boolean; phase?: "draft" | "enrolment" } = {},
): Promise<string> {
  const now = ctx.clock.now();
  const [row] = await ctx.database.db
    .insert(programmes)
    .values({
      name,
      startsOn: "2026-04-01",
      endsOn: "2026-09-30",
      cadenceWeeks: 2,
      sessionMinutes: 45,
      format: "both",
      charterFr: `## Charte du binôme — ${name}\n\n- **Confidentialité** : ce qui se dit en séance y reste.`,
      charterEn: `## Pair charter — ${name}\n\n- **Confidentiality**: what is said in a session stays there.`,
      // Not read by onboarding.
      matchingSettings: {} as ProgrammeMatchingSettings,
      requiresOnboarding: values.requiresOnboarding ?? true,
      phase: values.phase ?? "enrolment",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: programmes.id });
  if (!row) throw new Error("no programme");
  return row.id;
}

async function enrol(programmeId: string, who: string, role: "mentor" | "mentee", status: "invited" | "joined" | "declined" = "joined") {
  await ctx.database.db
    .insert(enrolments)
    .values({ programmeId, personId: personId[who] ?? "", role, status, source: "manager", createdAt: ctx.clock.now() });
}

async function logIn(email: string, language?: string) {
  const client = new TestClient(ctx.app, language);
  await client.login(email);
  return client;
}

beforeAll(async () => {
  ctx = await createTestApp();
  await insertPeople(ctx.database.db, [
    { employeeId: "E1", firstName: "Léa", lastName: "Martin", email: "lea@exemple.fr" },
    { employeeId: "E2", firstName: "Paul", lastName: "Girard", email: "paul@exemple.fr" },
    { employeeId: "E3", firstName: "Marc", lastName: "Dubois", email: "marc@exemple.fr" },
    { employeeId: "E4", firstName: "Zoé", lastName: "Bernard", email: "zoe@exemple.fr" },
  ]);
  for (const row of await ctx.database.db.select({ id: people.id, email: people.email }).from(people)) {
    personId[row.email.split("@")[0] ?? ""] = row.id;
  }
  for (const who of ["lea", "paul", "marc", "zoe"]) await createUser(ctx, { email: `${who}@exemple.fr` });
  await createUser(ctx, { email: "externe@partenaire.fr" });
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"] });

  pilot = await insertProgramme("Pilote 2026");
  second = await insertProgramme("Seconde vague", { requiresOnboarding: false });
  await enrol(pilot, "lea", "mentor");
  await enrol(pilot, "paul", "mentee", "invited");
  await enrol(pilot, "zoe", "mentee", "declined");
  await enrol(second, "lea", "mentor");

  lea = await logIn("lea@exemple.fr");
  paul = await logIn("paul@exemple.fr");
  marc = await logIn("marc@exemple.fr");
  zoe = await logIn("zoe@exemple.fr");
  outsider = await logIn("externe@partenaire.fr");
  hr = await logIn("rh@exemple.fr");
});
afterAll(() => ctx.close());

describe("the modules", () => {
  it("are listed for any logged-in account, in French and English, with their questions", async () => {
    const response = await paul.get("/api/onboarding/modules");
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items.map((m: { id: string }) => m.id).sort()).toEqual([...MENTOR_MODULES, ...MENTEE_MODULES].sort());
    const first = items.find((m: { id: string }) => m.id === "mentor_teaching_senior");
    expect(first).toMatchObject({
      audience: "mentor",
      order: 1,
      minutes: 3,
      title: { fr: "Transmettre à quelqu’un de plus expérimenté", en: "Teaching someone more senior" },
    });
    expect(first.body.fr).toContain("### ");
    expect(first.body.en).toContain("### ");
    expect(first.questions).toHaveLength(3);
    for (const q of first.questions) expect(Object.keys(q).sort()).toEqual(["en", "fr"]);
  });

  it("are not public", async () => {
    const response = await new TestClient(ctx.app).get("/api/onboarding/modules");
    expect(response.statusCode).toBe(401);
  });
});

describe("my onboarding in a programme", () => {
  it("lists my role's modules in reading order, the charter, and nothing done yet", async () => {
    const response = await lea.get(`/api/me/programmes/${pilot}/onboarding`);
    expect(response.statusCode).toBe(200);
    const mine = response.json();
    expect(mine).toMatchObject({
      programmeId: pilot,
      role: "mentor",
      requiresOnboarding: true,
      modulesDone: 0,
      modulesTotal: 7,
      charterAcceptedAt: null,
      isComplete: false,
    });
    expect(mine.modules.map((m: { id: string }) => m.id)).toEqual(MENTOR_MODULES);
    expect(mine.modules[0]).toEqual({
      id: "mentor_teaching_senior",
      minutes: 3,
      title: { fr: "Transmettre à quelqu’un de plus expérimenté", en: "Teaching someone more senior" },
      summary: expect.objectContaining({ fr: expect.any(String), en: expect.any(String) }),
      completedAt: null,
    });
    expect(mine.charter.fr).toContain("Charte du binôme — Pilote 2026");
    expect(mine.charter.en).toContain("Pair charter — Pilote 2026");
    expect((await paul.get(`/api/me/programmes/${pilot}/onboarding`)).json()).toMatchObject({ role: "mentee", modulesTotal: 5 });
  });

  it("marks a module read with my reflections, and keeps the first completion time when read again", async () => {
    const first = await lea.post("/api/me/onboarding/modules/mentor_teaching_senior", { reflections: [SECRET, "", "Un tableau croisé."] });
    expect(first.statusCode).toBe(200);
    const readAt = ctx.clock.now().toISOString();
    expect(first.json()).toEqual({
      moduleId: "mentor_teaching_senior",
      completedAt: readAt,
      reflections: [SECRET, "", "Un tableau croisé."],
    });

    ctx.clock.advance(60_000);
    const again = await lea.post("/api/me/onboarding/modules/mentor_teaching_senior", { reflections: [SECRET, "Partir de ses besoins."] });
    expect(again.json()).toEqual({
      moduleId: "mentor_teaching_senior",
      completedAt: readAt,
      reflections: [SECRET, "Partir de ses besoins."],
    });
    expect((await lea.get("/api/me/onboarding/modules/mentor_teaching_senior")).json()).toEqual(again.json());
    expect((await lea.get(`/api/me/programmes/${pilot}/onboarding`)).json()).toMatchObject({ modulesDone: 1, isComplete: false });
  });

  it("is complete once every module is read and the charter accepted, and accepting again changes nothing", async () => {
    for (const id of MENTOR_MODULES.slice(1)) {
      expect((await lea.post(`/api/me/onboarding/modules/${id}`, { reflections: [] })).statusCode).toBe(200);
    }
    const read = (await lea.get(`/api/me/programmes/${pilot}/onboarding`)).json();
    expect(read).toMatchObject({ modulesDone: 7, charterAcceptedAt: null, isComplete: false });
    expect(read.modules.every((m: { completedAt: string | null }) => m.completedAt !== null)).toBe(true);

    const accepted = await lea.post(`/api/me/programmes/${pilot}/charter`);
    expect(accepted.statusCode).toBe(200);
    const acceptedAt = ctx.clock.now().toISOString();
    expect(accepted.json()).toMatchObject({ modulesDone: 7, charterAcceptedAt: acceptedAt, isComplete: true });

    ctx.clock.advance(60_000);
    const again = await lea.post(`/api/me/programmes/${pilot}/charter`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ charterAcceptedAt: acceptedAt, isComplete: true });
  });

  it("counts a module read once in every programme, while the charter is accepted per programme", async () => {
    const other = (await lea.get(`/api/me/programmes/${second}/onboarding`)).json();
    expect(other).toMatchObject({ requiresOnboarding: false, modulesDone: 7, charterAcceptedAt: null, isComplete: false });
    expect((await lea.post(`/api/me/programmes/${second}/charter`)).json().isComplete).toBe(true);
  });

  it("is not found for a programme I am not enrolled in, declined, or that does not exist", async () => {
    for (const [client, id] of [
      [marc, pilot],
      [zoe, pilot],
      [paul, second],
      [lea, randomUUID()],
      [outsider, pilot],
    ] as const) {
      const status = await client.get(`/api/me/programmes/${id}/onboarding`);
      expect(status.statusCode).toBe(404);
      expect(status.json().error).toMatchObject({ code: "NOT_FOUND", message: "Cette ressource n’existe pas." });
      expect((await client.post(`/api/me/programmes/${id}/charter`)).statusCode).toBe(404);
    }
    expect((await lea.get("/api/me/programmes/not-a-uuid/onboarding")).statusCode).toBe(400);
  });

  it("is not found in a draft programme, even to the people enrolled in it: it is announced to nobody yet", async () => {
    const draft = await insertProgramme("Brouillon", { phase: "draft" });
    await enrol(draft, "marc", "mentee");
    const status = await marc.get(`/api/me/programmes/${draft}/onboarding`);
    expect(status.statusCode).toBe(404);
    expect(status.json().error).toMatchObject({ code: "NOT_FOUND", message: "Cette ressource n’existe pas." });
    expect((await marc.post(`/api/me/programmes/${draft}/charter`)).statusCode).toBe(404);
    expect((await hr.get(`/api/programmes/${draft}/onboarding`)).json()).toMatchObject({ totals: { people: 1, complete: 0 } });
  });
});

describe("reflections", () => {
  it("are mine only: another participant sees their own (none), never mine", async () => {
    const theirs = await paul.get("/api/me/onboarding/modules/mentor_teaching_senior");
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toEqual({ moduleId: "mentor_teaching_senior", completedAt: null, reflections: [] });
    expect(theirs.body).not.toContain(SECRET);
  });

  it("are never in the managers' view", async () => {
    const view = await hr.get(`/api/programmes/${pilot}/onboarding`);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain(SECRET);
    expect(view.body).not.toContain("reflections");
  });

  it("are checked: at most one per question, each at most 2,000 characters, in French by default", async () => {
    const tooMany = await paul.post("/api/me/onboarding/modules/mentee_growth_mindset", { reflections: ["a", "b", "c"] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details).toEqual([{ path: "reflections", message: "Doit être au plus 2." }]);
    const tooLong = await paul.post("/api/me/onboarding/modules/mentee_growth_mindset", { reflections: ["x".repeat(2001)] });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({
      message: "Certaines informations sont invalides.",
      details: [{ path: "reflections.0", message: "Au plus 2000 caractères." }],
    });
    expect((await paul.post("/api/me/onboarding/modules/mentee_growth_mindset", { reflections: ["a", "b", "c", "d"] })).statusCode).toBe(
      400,
    );
    expect((await paul.post("/api/me/onboarding/modules/mentee_growth_mindset", {})).statusCode).toBe(400);
  });
});

describe("unknown modules and accounts without a directory entry", () => {
  it("answer 404 for a module that does not exist", async () => {
    const posted = await paul.post("/api/me/onboarding/modules/mentee_time_travel", { reflections: [] });
    expect(posted.statusCode).toBe(404);
    expect(posted.json().error.message).toBe("Cette ressource n’existe pas.");
    expect((await paul.get("/api/me/onboarding/modules/mentee_time_travel")).statusCode).toBe(404);
  });

  it("cannot mark a module read without a person, and has read nothing", async () => {
    expect((await outsider.post("/api/me/onboarding/modules/mentee_growth_mindset", { reflections: [] })).statusCode).toBe(404);
    expect((await outsider.get("/api/me/onboarding/modules/mentee_growth_mindset")).json()).toMatchObject({ completedAt: null });
  });
});

describe("completion for managers", () => {
  it("lists the enrolled people (not the declined) with their progress, and totals", async () => {
    await paul.post("/api/me/onboarding/modules/mentee_growth_mindset", { reflections: [] });
    const view = (await hr.get(`/api/programmes/${pilot}/onboarding`)).json();
    expect(view).toEqual({
      programmeId: pilot,
      requiresOnboarding: true,
      items: [
        {
          personId: personId.paul,
          name: "Paul Girard",
          role: "mentee",
          status: "invited",
          modulesDone: 1,
          modulesTotal: 5,
          charterAccepted: false,
          isComplete: false,
        },
        {
          personId: personId.lea,
          name: "Léa Martin",
          role: "mentor",
          status: "joined",
          modulesDone: 7,
          modulesTotal: 7,
          charterAccepted: true,
          isComplete: true,
        },
      ],
      totals: { people: 2, complete: 1 },
    });
  });

  it("is for managers only, and not found for an unknown programme", async () => {
    const refused = await lea.get(`/api/programmes/${pilot}/onboarding`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("Vous n’avez pas accès à cette action.");
    expect((await hr.get(`/api/programmes/${randomUUID()}/onboarding`)).statusCode).toBe(404);
  });
});

describe("onboardingStatuses (for other contexts)", () => {
  it("gives each person's status in a programme, whatever their role there", async () => {
    const statuses = await onboardingStatuses(ctx.database.db, pilot, [
      { personId: personId.lea ?? "", role: "mentor" },
      { personId: personId.paul ?? "", role: "mentee" },
      { personId: personId.marc ?? "", role: "mentee" },
    ]);
    expect(statuses.get(personId.lea ?? "")).toEqual({ modulesDone: 7, modulesTotal: 7, charterAccepted: true, isComplete: true });
    expect(statuses.get(personId.paul ?? "")).toEqual({ modulesDone: 1, modulesTotal: 5, charterAccepted: false, isComplete: false });
    expect(statuses.get(personId.marc ?? "")).toEqual({ modulesDone: 0, modulesTotal: 5, charterAccepted: false, isComplete: false });
    expect((await onboardingStatuses(ctx.database.db, pilot, [])).size).toBe(0);
  });
});
