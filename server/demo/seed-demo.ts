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
  return database.db.transaction(async (tx) => {
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
    for (const account of company.accounts) {
      const person = company.people.find((p) => p.employeeId === account.employeeId);
      if (!person) throw new Error(`demo account for unknown employee ${account.employeeId}`);
      const displayName = `${person.firstName} ${person.lastName}`;
      await insertUser(tx, {
        email: person.email,
        displayName,
        passwordHash,
        status: "active",
        locale: "fr",
        roles: account.roles,
        now,
      });
      logins.push({ email: person.email, password: DEMO_PASSWORD, displayName, label: account.label, jobTitle: person.jobTitle });
    }
    return logins;
  });
}
