/**
 * Who takes part in which demo programme, decided before anything is written, so that the seed can
 * open an account for exactly the people who act in the story: only someone with an account answers
 * an invitation, sends a proposal or has an intro coffee. Pure: no database, no clock.
 */
import type { DemoAccount, DemoPerson } from "./demo-company.ts";

/** Mentors, and mentees, of the pilot (a pilot is about ten pairs). */
const DEMO_PILOT_SIDE = 10;
/** People enrolled in the second programme, and one in how many of them has not answered yet. */
const DEMO_SECOND_SIZE = 60;
const UNANSWERED_ONE_IN = 5;

/** Employee ids the demo and the browser journeys (e2e/) count on, by the part they play. */
export type DemoRoles = {
  /** Demo logins in active pairs of the pilot, so that a visitor sees one. */
  inPilot: string[];
  /** Demo logins enrolled (and answered) as mentees of the second programme; the first proposes in e2e/proposals.spec.ts. */
  secondMentees: string[];
  /** Junior demo logins, mentors of the second programme, each with one open proposal. */
  proposalReceivers: string[];
};

export type DemoCohorts = {
  pilot: { mentors: DemoPerson[]; mentees: DemoPerson[] };
  /** `unanswered`: employee ids still invited to the programme; their Passerelle account is invited, not accepted yet. */
  second: { mentors: DemoPerson[]; mentees: DemoPerson[]; unanswered: Set<string> };
  /** Employee ids of every participant who has answered a programme, and so has an account. */
  participants: string[];
};

const isJunior = (p: DemoPerson) => p.hireYear >= 2018;
const isSenior = (p: DemoPerson) => p.hireYear < 2008;

/**
 * Splits the company into the two programmes, nobody in both: the pilot takes the `inPilot` logins
 * and the first juniors (mentors) and seniors (mentees) of the directory; the second programme, the
 * next wave, takes the other juniors as mentors and the other seniors, then the longest-tenured of
 * the others, as mentees. Admins and HR managers run the programmes and take part in none. The CEO
 * is left out of the pilot: the whole management chain is excluded, so no one could be her mentor.
 */
export function demoCohorts(people: readonly DemoPerson[], accounts: readonly DemoAccount[], roles: DemoRoles): DemoCohorts {
  const staff = new Set(accounts.filter((a) => a.roles.includes("admin") || a.roles.includes("manager")).map((a) => a.employeeId));
  const logins = new Set(accounts.map((a) => a.employeeId));
  const elsewhere = new Set([...roles.secondMentees, ...roles.proposalReceivers]);
  const pilotFirst = (a: DemoPerson, b: DemoPerson) =>
    Number(!roles.inPilot.includes(a.employeeId)) - Number(!roles.inPilot.includes(b.employeeId));
  const candidates = people.filter((p) => !staff.has(p.employeeId) && !elsewhere.has(p.employeeId));
  const pilot = {
    mentors: candidates.filter(isJunior).sort(pilotFirst).slice(0, DEMO_PILOT_SIDE),
    mentees: candidates
      .filter((p) => isSenior(p) && p.managerEmployeeId !== null)
      .sort(pilotFirst)
      .slice(0, DEMO_PILOT_SIDE),
  };
  const inPilot = new Set([...pilot.mentors, ...pilot.mentees].map((p) => p.employeeId));
  const free = people.filter((p) => !staff.has(p.employeeId) && !inPilot.has(p.employeeId));
  const mentors = free.filter(isJunior);
  const byTenure = (a: DemoPerson, b: DemoPerson) => a.hireYear - b.hireYear;
  const mentees = [...free.filter(isSenior), ...free.filter((p) => !isSenior(p) && !isJunior(p)).sort(byTenure)].slice(
    0,
    DEMO_SECOND_SIZE - mentors.length,
  );
  // One in five has not answered yet (never a demo login: those are there to be used).
  const unanswered = new Set(
    [...mentors, ...mentees]
      .filter((p, k) => k % UNANSWERED_ONE_IN === UNANSWERED_ONE_IN - 1 && !logins.has(p.employeeId))
      .map((p) => p.employeeId),
  );
  const participants = [...pilot.mentors, ...pilot.mentees, ...mentors, ...mentees]
    .map((p) => p.employeeId)
    .filter((id) => !unanswered.has(id));
  return { pilot, second: { mentors, mentees, unanswered }, participants };
}
