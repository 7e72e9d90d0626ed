import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { organisation } from "../db/schema.ts";
import { jobHandlers } from "../job-handlers.ts";
import { insertUser } from "../modules/accounts/index.ts";
import { insertPeople } from "../modules/people/index.ts";
import { completenessOf, insertSelfAssessment, saveProfile } from "../modules/profiles/index.ts";
import { listSkills } from "../modules/skills/index.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import type { CurrentUser } from "../platform/auth/session-store.ts";
import type { Clock } from "../platform/clock/clock.ts";
import { runPendingJobs } from "../platform/jobs/job-queue.ts";
import type { MailSettings } from "../platform/mail/index.ts";
import { type DemoRoles, demoCohorts } from "./demo-cohorts.ts";
import { buildDemoCompany, type DemoAccount } from "./demo-company.ts";
import { demoProfileOf } from "./demo-profiles.ts";
import { DEMO_STORY_DAYS, seedDemoProgrammes } from "./demo-programmes.ts";

/**
 * The part the demo logins play, which the browser journeys (e2e/) count on:
 * - Enzo Marchetti (junior) and Philippe Garnier (senior) are in active pairs of the running pilot;
 * - Jean-Pierre Le Floch, Martine Lecœur and Brigitte Hennebert (seniors) are mentees of the second
 *   programme; Jean-Pierre has sent no proposal yet (e2e/proposals.spec.ts sends two);
 * - Inès Haddad, Noémie Ferreira and Yanis Belkacem (juniors) are mentors of the second programme,
 *   each with one open proposal; Zoé Lemaire (junior) is one too, without a proposal.
 * e2e/programme.spec.ts enrols several of them in a programme of its own; nothing here stands in its way.
 */
export const DEMO_JOURNEY_PEOPLE: DemoRoles = {
  inPilot: ["E00029", "E00012"],
  secondMentees: ["E00064", "E00042", "E00082"],
  proposalReceivers: ["E00015", "E00027", "E00039"],
};

/** The one password of every demo account (printed on the console and in the README). */
export const DEMO_PASSWORD = "passerelle-demo";

/** A demo account: the named logins (admin, HR manager, juniors, seniors), then every other participant's. */
export type DemoLogin = { email: string; password: string; displayName: string; label: DemoAccount["label"]; jobTitle: string };

/**
 * The demo's emails never leave: its addresses are made up. Without a transport every email is kept in
 * the outbox (Gestion → Courriels), whatever SMTP_URL says.
 */
export function demoMailSettings(config: Pick<Config, "mailFrom" | "publicUrl">): MailSettings {
  return { transport: undefined, from: config.mailFrom, publicUrl: config.publicUrl };
}

export type SeedDemoDeps = { database: Database; clock: Clock; config: Config };

/**
 * Fills an empty database (catalogue loaded) with the demo company: its people directory, a profile
 * and a first self-assessment for everyone, accounts for the named logins and for every participant
 * who has answered a programme (and only them; those who have not are invited to Passerelle), and the
 * two programmes' story up to today. The background jobs the story asks for run at their moment of it,
 * the last ones before returning: every email it produced (invitations, notifications) is in the outbox.
 */
export async function seedDemo({ database, clock, config }: SeedDemoDeps): Promise<DemoLogin[]> {
  const company = buildDemoCompany();
  const today = clock.now();
  // Accounts, profiles and first self-assessments date from Passerelle's roll-out, before any programme.
  const rollOut = new Date(today.getTime() - DEMO_STORY_DAYS * 24 * 3600 * 1000);
  const cohorts = demoCohorts(company.people, company.accounts, DEMO_JOURNEY_PEOPLE);
  const named = new Set(company.accounts.map((a) => a.employeeId));
  const accountsToOpen = [
    ...company.accounts,
    ...cohorts.participants
      .filter((employeeId) => !named.has(employeeId))
      .map((employeeId): DemoAccount => ({ employeeId, roles: ["participant"], label: "participant" })),
  ];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { logins, personIds, accounts, managerUser } = await database.db.transaction(async (tx) => {
    await tx
      .insert(organisation)
      .values({ name: company.name })
      .onConflictDoUpdate({ target: organisation.id, set: { name: company.name } });
    const personIds = await insertPeople(tx, company.people);
    const categoryOf = new Map((await listSkills(tx)).filter((s) => !s.isArchived).map((s) => [s.id, s.categoryId]));
    for (const person of company.people) {
      const personId = personIds.get(person.employeeId) as string;
      const { profile, assessment } = demoProfileOf(person, categoryOf);
      await saveProfile(tx, personId, profile, completenessOf(profile, assessment.length > 0, []).percent, rollOut);
      if (assessment.length) await insertSelfAssessment(tx, personId, assessment, rollOut);
    }
    const logins: DemoLogin[] = [];
    const accounts = new Map<string, CurrentUser>();
    let managerUser: CurrentUser | undefined;
    for (const account of accountsToOpen) {
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
        now: rollOut,
      });
      const me: CurrentUser = { id: user.id, email: user.email, displayName, locale: "fr", roles: account.roles, personId: user.personId };
      accounts.set(account.employeeId, me);
      logins.push({ email: person.email, password: DEMO_PASSWORD, displayName, label: account.label, jobTitle: person.jobTitle });
      if (account.label === "hr-manager") managerUser = me;
    }
    return { logins, personIds, accounts, managerUser };
  });
  if (!managerUser) throw new Error("the demo company has no HR manager account");
  const mail = demoMailSettings(config);
  const runJobs = async (at: Clock) => void (await runPendingJobs(database, jobHandlers({ database, clock: at, config, mail })));
  await seedDemoProgrammes(database, today, cohorts, DEMO_JOURNEY_PEOPLE, { personIds, accounts }, managerUser, runJobs, mail);
  await runJobs(clock);
  return logins;
}
