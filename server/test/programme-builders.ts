/**
 * Builders for programme tests: directory people with profiles (and accounts when asked), and a
 * programme created through the API from the reverse-mentoring template.
 */
import type { ProfileBody } from "../../contracts/profiles.ts";
import type { ProgrammeTemplate } from "../../contracts/programmes.ts";
import { insertPeople } from "../modules/people/index.ts";
import { completenessOf, saveProfile } from "../modules/profiles/index.ts";
import { createUser, type TestClient, type TestContext } from "./test-app.ts";

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
      await saveProfile(ctx.database.db, personId, profile, completenessOf(profile, false).percent, now);
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
