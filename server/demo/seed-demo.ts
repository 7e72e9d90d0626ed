import type { Database } from "../db/client.ts";
import { organisation } from "../db/schema.ts";
import { insertUser } from "../modules/accounts/index.ts";
import { insertPeople } from "../modules/people/index.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import type { Clock } from "../platform/clock/clock.ts";
import { buildDemoCompany, type DemoAccount } from "./demo-company.ts";

/** The one password of every demo account (printed on the console and in the README). */
export const DEMO_PASSWORD = "passerelle-demo";

export type DemoLogin = { email: string; password: string; displayName: string; label: DemoAccount["label"]; jobTitle: string };

/** Fills an empty database with the demo company: its people directory and ready-to-use accounts. */
export async function seedDemo(database: Database, clock: Clock): Promise<DemoLogin[]> {
  const company = buildDemoCompany();
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.db.transaction(async (tx) => {
    await tx
      .insert(organisation)
      .values({ name: company.name })
      .onConflictDoUpdate({ target: organisation.id, set: { name: company.name } });
    await insertPeople(tx, company.people);
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
