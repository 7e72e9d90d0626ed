/**
 * Builders for programme, pair and proposal tests: directory people with profiles (and accounts when
 * asked), a programme created through the API from the reverse-mentoring template and moved to a
 * phase, a published pair in a given state. `cast` and `newManager` give each test people and a
 * manager of its own (unique employee ids and emails), so that the tests of a file share a database
 * without meeting, and each one runs alone.
 */
import type { PairState } from "../../contracts/pairs.ts";
import type { ProfileBody } from "../../contracts/profiles.ts";
import type { ParticipantRole, ProgrammePhase, ProgrammeTemplate } from "../../contracts/programmes.ts";
import { insertPeople } from "../modules/people/index.ts";
import { completenessOf, saveProfile } from "../modules/profiles/index.ts";
import { createUser, TestClient, type TestContext } from "./test-app.ts";

export type PersonSpec = {
  key: string;
  department?: string;
  managerEmployeeId?: string;
  profile?: Partial<ProfileBody> | null;
  withAccount?: boolean;
};

const BASE_PROFILE: ProfileBody = {
  teach: [],
  learn: [],
  offer: [],
  interests: [],
  availability: ["tue:lunch", "thu:morning"],
  format: "both",
  languages: ["fr"],
  mentorCapacity: 1,
  hopes: "Apprendre et transmettre",
};

/** A junior mentor's profile: teaches these skills at level 3–4, wants leadership in return. */
export const mentorProfile = (skills: string[], extra: Partial<ProfileBody> = {}): Partial<ProfileBody> => ({
  teach: skills.map((skillId, k) => ({ skillId, level: k === 0 ? 4 : 3 })),
  learn: [{ skillId: "leadership", priority: 1 }],
  ...extra,
});
/** A senior mentee's profile: wants these skills, offers leadership. */
export const menteeProfile = (skills: string[], extra: Partial<ProfileBody> = {}): Partial<ProfileBody> => ({
  learn: skills.map((skillId, k) => ({ skillId, priority: Math.min(3, k + 1) })),
  offer: ["leadership"],
  ...extra,
});

/** Inserts people (employee id = key, email = key@exemple.fr), their profiles, and accounts for those asking one. */
export async function addPeople(ctx: Pick<TestContext, "database" | "clock">, specs: PersonSpec[]): Promise<Record<string, string>> {
  const now = ctx.clock.now();
  const ids = await insertPeople(
    ctx.database.db,
    specs.map((s) => ({
      employeeId: s.key,
      firstName: s.key.charAt(0).toUpperCase() + s.key.slice(1),
      lastName: "Test",
      email: `${s.key}@exemple.fr`,
      department: s.department ?? "Ventes",
      managerEmployeeId: s.managerEmployeeId ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const out: Record<string, string> = {};
  for (const s of specs) {
    const personId = ids.get(s.key) as string;
    out[s.key] = personId;
    if (s.profile !== null && s.profile !== undefined) {
      const profile = { ...BASE_PROFILE, ...s.profile };
      await saveProfile(ctx.database.db, personId, profile, completenessOf(profile, false, []).percent, now);
    }
    if (s.withAccount) await createUser(ctx, { email: `${s.key}@exemple.fr`, roles: ["participant"] });
  }
  return out;
}

/** Creates a programme through the API from the reverse-mentoring template (overrides on top). */
export async function createProgramme(manager: TestClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const template = (await manager.get("/api/programme-templates")).json().items[0] as ProgrammeTemplate;
  const response = await manager.post("/api/programmes", {
    templateId: template.id,
    name: "Pilote mentorat inversé",
    objectives: template.objectives.fr,
    startsOn: "2026-03-09",
    endsOn: "2026-09-09",
    cadenceWeeks: template.cadenceWeeks,
    sessionMinutes: template.sessionMinutes,
    format: template.format,
    isPilot: template.isPilot,
    targetPairs: template.targetPairs,
    charterFr: template.charter.fr,
    charterEn: template.charter.en,
    matchingSettings: { ...template.matchingSettings, minScore: 0.2 },
    allowsProposals: template.allowsProposals,
    proposalExpiryDays: template.proposalExpiryDays,
    requiresOnboarding: template.requiresOnboarding,
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`programme not created: ${response.statusCode} ${response.body}`);
  return response.json().id;
}

/** Moves a programme forward through the phases up to `phase`. */
export async function moveTo(manager: TestClient, programmeId: string, phases: string[]): Promise<void> {
  for (const phase of phases) {
    const response = await manager.post(`/api/programmes/${programmeId}/phase`, { phase });
    if (response.statusCode !== 200) throw new Error(`phase ${phase}: ${response.statusCode} ${response.body}`);
  }
}

/* ---------------------------------------------------------------- a cast and a programme of one's own */

let serial = 0;
/** A suffix no other builder call of this process uses: "ines" becomes employee "ines-7", ines-7@exemple.fr. */
export const uniqueSuffix = () => `${process.pid.toString(36)}${(++serial).toString(36)}`;

/** A test's own people: their person ids, employee ids and emails by short name, and logged-in clients. */
export type Cast = {
  /** Person id by short name. */
  ids: Record<string, string>;
  /** The employee ids of these people (to enrol them), by short name. */
  employeeIds(...keys: string[]): string[];
  /** A client logged in as this person (who must have an account), logged in once and kept. */
  as(key: string): Promise<TestClient>;
  /** Logs everyone in again (after the clock moved past the sessions' idle limit). */
  relogin(): Promise<void>;
  /** The short name of a person id. */
  keyOf(personId: string): string;
};

/**
 * People of one test (first name = the short name capitalised, last name "Test"), with unique employee ids
 * and emails, their profiles, and accounts for those asking one.
 */
export async function cast(ctx: TestContext, specs: PersonSpec[]): Promise<Cast> {
  const suffix = uniqueSuffix();
  const employeeIdOf = (key: string) => `${key}-${suffix}`;
  const now = ctx.clock.now();
  const inserted = await insertPeople(
    ctx.database.db,
    specs.map((s) => ({
      employeeId: employeeIdOf(s.key),
      firstName: s.key.charAt(0).toUpperCase() + s.key.slice(1),
      lastName: "Test",
      email: `${employeeIdOf(s.key)}@exemple.fr`,
      department: s.department ?? "Ventes",
      managerEmployeeId: s.managerEmployeeId ? employeeIdOf(s.managerEmployeeId) : null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const ids: Record<string, string> = {};
  for (const s of specs) {
    const personId = inserted.get(employeeIdOf(s.key)) as string;
    ids[s.key] = personId;
    if (s.profile !== null && s.profile !== undefined) {
      const profile = { ...BASE_PROFILE, ...s.profile };
      await saveProfile(ctx.database.db, personId, profile, completenessOf(profile, false, []).percent, now);
    }
    if (s.withAccount) await createUser(ctx, { email: `${employeeIdOf(s.key)}@exemple.fr`, roles: ["participant"] });
  }
  const clients = new Map<string, TestClient>();
  const login = async (key: string, client: TestClient) => {
    await client.login(`${employeeIdOf(key)}@exemple.fr`);
    return client;
  };
  return {
    ids,
    employeeIds: (...keys) => keys.map(employeeIdOf),
    async as(key) {
      if (!(key in ids)) throw new Error(`no ${key} in this cast`);
      const known = clients.get(key);
      if (known) return known;
      const client = await login(key, new TestClient(ctx.app));
      clients.set(key, client);
      return client;
    },
    async relogin() {
      for (const [key, client] of clients) await login(key, client);
    },
    keyOf(personId) {
      const key = Object.keys(ids).find((k) => ids[k] === personId);
      if (!key) throw new Error(`${personId} is not in this cast`);
      return key;
    },
  };
}

/** A manager account of the test's own, logged in. */
export async function newManager(ctx: TestContext): Promise<TestClient> {
  const email = `rh-${uniqueSuffix()}@exemple.fr`;
  await createUser(ctx, { email, roles: ["manager"] });
  const manager = new TestClient(ctx.app);
  await manager.login(email);
  return manager;
}

const PHASE_PATH: Record<ProgrammePhase, ProgrammePhase[]> = {
  draft: [],
  enrolment: ["enrolment"],
  matching: ["enrolment", "matching"],
  running: ["enrolment", "matching", "running"],
  closed: ["enrolment", "matching", "running", "closed"],
};

/**
 * A programme created by `manager` with these people of the cast enrolled (by the manager: they have not
 * answered), moved to `phase`. `overrides` change the template's fields (matching settings: minimum score 0.2).
 */
export async function programmeIn(
  manager: TestClient,
  phase: ProgrammePhase,
  people: { cast: Cast; mentors?: string[]; mentees?: string[] },
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const programmeId = await createProgramme(manager, overrides);
  for (const role of ["mentor", "mentee"] as const satisfies readonly ParticipantRole[]) {
    const keys = role === "mentor" ? people.mentors : people.mentees;
    if (!keys?.length) continue;
    const enrolled = await manager.post(`/api/programmes/${programmeId}/enrolments`, {
      role,
      employeeIds: people.cast.employeeIds(...keys),
    });
    if (enrolled.statusCode !== 200) throw new Error(`enrolment: ${enrolled.statusCode} ${enrolled.body}`);
  }
  await moveTo(manager, programmeId, PHASE_PATH[phase]);
  return programmeId;
}

/** Runs the engine on a programme in matching or running and publishes the run; returns its numbers. */
export async function runAndPublish(manager: TestClient, programmeId: string): Promise<{ created: number; skipped: number }> {
  const run = await manager.post(`/api/programmes/${programmeId}/matching-runs`, {});
  if (run.statusCode !== 201) throw new Error(`matching run: ${run.statusCode} ${run.body}`);
  const published = await manager.post(`/api/programmes/${programmeId}/matching-runs/${run.json().id}/publish`, {});
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  return published.json();
}

/**
 * The pair of a cast's mentor and mentee (both with accounts), published by `manager` in a programme of
 * their own (running) and brought to `state` through the API: both answered yes (active), the mentee
 * answered no (not_a_fit), the mentee ended it (ended_early), both asked to complete it (completed).
 */
export async function publishedPair(
  manager: TestClient,
  people: { cast: Cast; mentor: string; mentee: string },
  state: PairState = "intro",
  overrides: Record<string, unknown> = {},
): Promise<{ programmeId: string; pairId: string }> {
  const { cast: who, mentor, mentee } = people;
  const programmeId = await programmeIn(manager, "matching", { cast: who, mentors: [mentor], mentees: [mentee] }, overrides);
  const { created } = await runAndPublish(manager, programmeId);
  if (created !== 1) throw new Error(`the run paired ${created} people, not ${mentor} and ${mentee}`);
  const pairs = (await manager.get(`/api/programmes/${programmeId}/pairs`)).json().items as { id: string }[];
  const pairId = (pairs[0] as { id: string }).id;
  const act = async (key: string, path: string, body: unknown) => {
    const response = await (await who.as(key)).post(`/api/pairs/${pairId}/${path}`, body);
    if (response.statusCode !== 200) throw new Error(`${key} ${path}: ${response.statusCode} ${response.body}`);
  };
  if (state === "active" || state === "completed") {
    await act(mentee, "intro-answer", { isFit: true });
    await act(mentor, "intro-answer", { isFit: true });
  }
  if (state === "completed") {
    await act(mentee, "complete", {});
    await act(mentor, "complete", {});
  }
  if (state === "not_a_fit") await act(mentee, "intro-answer", { isFit: false });
  if (state === "ended_early") await act(mentee, "end", { reason: "other" });
  return { programmeId, pairId };
}
