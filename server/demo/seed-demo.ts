import type { Me } from "../../contracts/accounts.ts";
import type { Database } from "../db/client.ts";
import { organisation } from "../db/schema.ts";
import { insertUser } from "../modules/accounts/index.ts";
import { insertPeople } from "../modules/people/index.ts";
import { completenessOf, insertSelfAssessment, saveProfile } from "../modules/profiles/index.ts";
import { listSkills } from "../modules/skills/index.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import type { Clock } from "../platform/clock/clock.ts";
import { buildDemoCompany, type DemoAccount } from "./demo-company.ts";
import { demoProfileOf } from "./demo-profiles.ts";
import { seedDemoProgrammes } from "./demo-programmes.ts";

/**
 * Demo people the browser journeys (e2e/) use in programmes of their own: kept out of the seeded
 * pilot; enrolled as mentees of the second programme (the proposals journey), and junior accounts
 * that receive its seeded proposals.
 */
export const DEMO_JOURNEY_PEOPLE = {
  // Zoé Lemaire (junior) and Martine Lecœur (senior): the pair the programme journey locks.
  pilotFree: ["E00038", "E00042"],
  // Jean-Pierre Le Floch (senior) proposes to mentors of the second programme.
  secondMentees: ["E00064"],
  // Inès Haddad, Noémie Ferreira, Yanis Belkacem: junior accounts.
  proposalReceivers: ["E00015", "E00027", "E00039"],
};

/** The one password of every demo account (printed on the console and in the README). */
export const DEMO_PASSWORD = "passerelle-demo";

export type DemoLogin = { email: string; password: string; displayName: string; label: DemoAccount["label"]; jobTitle: string };

/**
 * Fills an empty database (catalogue loaded) with the demo company: its people directory, a
 * profile and a first self-assessment for everyone, and ready-to-use accounts.
 */
export async function seedDemo(database: Database, clock: Clock): Promise<DemoLogin[]> {
  const company = buildDemoCompany();
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { logins, personIds, managerUser } = await database.db.transaction(async (tx) => {
    await tx
      .insert(organisation)
      .values({ name: company.name })
      .onConflictDoUpdate({ target: organisation.id, set: { name: company.name } });
    const personIds = await insertPeople(tx, company.people);
    const categoryOf = new Map((await listSkills(tx)).filter((s) => !s.isArchived).map((s) => [s.id, s.categoryId]));
    for (const person of company.people) {
      const personId = personIds.get(person.employeeId) as string;
      const { profile, assessment } = demoProfileOf(person, categoryOf);
      await saveProfile(tx, personId, profile, completenessOf(profile, assessment.length > 0).percent, now);
      if (assessment.length) await insertSelfAssessment(tx, personId, assessment, now);
    }
    const logins: DemoLogin[] = [];
    let managerUser: Me | undefined;
    for (const account of company.accounts) {
      const person = company.people.find((p) => p.employeeId === account.employeeId);
      if (!person) throw new Error(`demo account for unknown employee ${account.employeeId}`);
      const displayName = `${person.firstName} ${person.lastName}`;
      const user = await insertUser(tx, {
        email: person.email,
        displayName,
        passwordHash,
        status: "active",
        locale: "fr",
        roles: account.roles,
        now,
      });
      logins.push({ email: person.email, password: DEMO_PASSWORD, displayName, label: account.label, jobTitle: person.jobTitle });
      if (account.label === "hr-manager")
        managerUser = { id: user.id, email: user.email, displayName, locale: "fr" as const, roles: account.roles };
    }
    return { logins, personIds, managerUser };
  });
  if (!managerUser) throw new Error("the demo company has no HR manager account");
  await seedDemoProgrammes(database, clock, company.people, personIds, managerUser, DEMO_JOURNEY_PEOPLE);
  return logins;
}
