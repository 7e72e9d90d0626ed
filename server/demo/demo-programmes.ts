/**
 * The demo's programmes, told as a story through the app's own use cases, each at its own moment of
 * a clock that walks from the past up to today (so the demo shows what the app really produces, in
 * an order that could have happened):
 * - a pilot running for a month: enrolled, answered, matched and published; 8 pairs had their intro
 *   coffee and both said yes (active, preparation done); one has its coffee planned in a few days;
 *   the last one has not planned it yet;
 * - a second, larger programme, the next wave, in the matching phase: 60 enrolled, a fifth have not
 *   answered yet (invited to Passerelle by email yesterday, not accepted yet), a first matching run
 *   to review, and an open proposal to each junior demo login.
 */
import type { CreateProgrammeBody } from "../../contracts/programmes.ts";
import type { Database } from "../db/client.ts";
import { inviteEnrolledWithoutAccount } from "../modules/accounts/index.ts";
import { recordCompletedOnboarding } from "../modules/onboarding/index.ts";
import { answerIntro, pairsOfProgramme, scheduleIntro } from "../modules/pairs/index.ts";
import { changePhase, createProgramme, enrol, listTemplates, publish, respond, runMatching } from "../modules/programmes/index.ts";
import { sendProposal } from "../modules/proposals/index.ts";
import type { CurrentUser } from "../platform/auth/session-store.ts";
import { type Clock, manualClock } from "../platform/clock/clock.ts";
import { AppError } from "../platform/errors/app-error.ts";
import type { DemoCohorts, DemoRoles } from "./demo-cohorts.ts";
import type { DemoPerson } from "./demo-company.ts";
import { seedDemoWorkspaces } from "./demo-workspaces.ts";

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** Active pairs of the demo pilot (issue 5). */
const DEMO_PILOT_PAIRS = 8;
/** How long before today the story starts: accounts opened, profiles filled, first self-assessments. */
export const DEMO_STORY_DAYS = 60;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function fromTemplate(name: string, start: Date, overrides: Partial<CreateProgrammeBody> = {}): CreateProgrammeBody {
  const template = listTemplates()[0];
  if (!template) throw new Error("no programme template in catalogue/programme-templates.yaml");
  return {
    templateId: template.id,
    name,
    objectives: template.objectives.fr,
    startsOn: isoDate(start),
    endsOn: isoDate(new Date(start.getTime() + template.durationMonths * 30 * DAY)),
    cadenceWeeks: template.cadenceWeeks,
    sessionMinutes: template.sessionMinutes as 30 | 45 | 60,
    format: template.format,
    isPilot: template.isPilot,
    targetPairs: template.targetPairs,
    charterFr: template.charter.fr,
    charterEn: template.charter.en,
    matchingSettings: template.matchingSettings,
    allowsProposals: template.allowsProposals,
    proposalExpiryDays: template.proposalExpiryDays,
    requiresOnboarding: template.requiresOnboarding,
    ...overrides,
  };
}

export type DemoProgrammes = { pilotId: string; secondId: string };

const PLACES = ["Café du 3e étage", "Visio (lien dans l’invitation)", "Cafétéria du site", "Salle Lumière, 2e étage"];
const PROPOSALS = [
  ["Publier moi-même sur LinkedIn une fois par semaine", "Vous aider à préparer votre premier comité de direction"],
  ["Construire un tableau de bord de suivi des ventes", "Vous présenter les clients grands comptes et leur façon de décider"],
  ["Utiliser un assistant IA pour mes comptes rendus", "Partager ce que j’ai appris en négociant avec les fournisseurs"],
] as const;

/**
 * Seeds the two programmes before `today`. `personIds` are the people's ids by employee id, `accounts`
 * the accounts by employee id (every participant who answers has one), `manager` the HR manager's;
 * `runJobs` runs the background jobs due, at the time of the given clock (the bulk invitation's).
 */
export async function seedDemoProgrammes(
  database: Database,
  today: Date,
  cohorts: DemoCohorts,
  roles: DemoRoles,
  people: { personIds: Map<string, string>; accounts: Map<string, CurrentUser> },
  manager: CurrentUser,
  runJobs: (at: Clock) => Promise<void>,
  mail: { from: string; publicUrl: string },
): Promise<DemoProgrammes> {
  const { personIds, accounts } = people;
  const employeeIdOf = new Map([...personIds].map(([employeeId, personId]) => [personId, employeeId]));
  // The story's clock: each step happens at its own date, all of them before today.
  const story = manualClock(new Date(today.getTime() - DEMO_STORY_DAYS * DAY));
  const deps = { database, clock: story };
  const at = (daysBeforeToday: number, hour = 9) => {
    const day = new Date(today.getTime() - daysBeforeToday * DAY);
    day.setUTCHours(hour, 0, 0, 0);
    return day;
  };
  const accountOf = (p: DemoPerson | string): CurrentUser => {
    const id = typeof p === "string" ? p : p.employeeId;
    const account = accounts.get(id);
    if (!account) throw new Error(`demo participant ${id} has no account`);
    return account;
  };
  /** The account of a person of a pair, by their person id. */
  const memberOf = (personId: string) => accountOf(employeeIdOf.get(personId) ?? `person ${personId}`);
  const ids = (people: DemoPerson[]) => people.map((p) => p.employeeId);
  /** Everyone answers an invitation to join, one every few hours from `fromDay` on. */
  const join = async (programmeId: string, people: DemoPerson[], fromDay: number) => {
    for (const [k, person] of people.entries()) {
      story.set(new Date(at(fromDay).getTime() + k * 3 * HOUR));
      await respond(programmeId, true, accountOf(person), deps);
    }
  };

  // --- the pilot: prepared 50 days ago, started 30 days ago.
  story.set(at(50));
  const pilot = await createProgramme(fromTemplate("Pilote mentorat inversé 2026", at(30)), manager, deps);
  await enrol(pilot.id, { role: "mentor", employeeIds: ids(cohorts.pilot.mentors) }, manager, deps);
  await enrol(pilot.id, { role: "mentee", employeeIds: ids(cohorts.pilot.mentees) }, manager, deps);
  story.set(at(45));
  await changePhase(pilot.id, "enrolment", manager, deps);
  await join(pilot.id, [...cohorts.pilot.mentors, ...cohorts.pilot.mentees], 44);
  story.set(at(36));
  await changePhase(pilot.id, "matching", manager, deps);
  const run = await runMatching(pilot.id, manager, deps);
  story.set(at(33));
  await publish(pilot.id, run.id, manager, deps);
  const published = (await pairsOfProgramme(database.db, pilot.id, { page: 1, pageSize: 100 })).rows;
  if (published.length < DEMO_PILOT_PAIRS + 1)
    throw new Error(`the demo pilot made ${published.length} pairs, fewer than ${DEMO_PILOT_PAIRS + 1}`);
  // The pairs of the demo logins first, so that a visitor logging in sees an active pair.
  const hasLogin = (pair: { mentorId: string; menteeId: string }) =>
    [pair.mentorId, pair.menteeId].some((personId) => roles.inPilot.includes(employeeIdOf.get(personId) ?? ""));
  const ordered = [...published].sort((a, b) => Number(hasLogin(b)) - Number(hasLogin(a)));

  // Both people of a pair prepare (modules and charter) and the mentee plans the coffee; both say yes after it.
  const active = ordered.slice(0, DEMO_PILOT_PAIRS);
  const coffeeOf = (k: number) => at(28 - k, 11 + (k % 3));
  for (const [k, pair] of active.entries()) {
    story.set(new Date(at(31).getTime() + k * HOUR));
    await database.db.transaction(async (tx) => {
      await recordCompletedOnboarding(tx, pilot.id, pair.mentorId, "mentor", story.now());
      await recordCompletedOnboarding(tx, pilot.id, pair.menteeId, "mentee", story.now());
    });
    const place = PLACES[k % PLACES.length] as string;
    await scheduleIntro(pair.id, { at: coffeeOf(k).toISOString(), place }, memberOf(pair.menteeId), deps);
  }
  for (const [k, pair] of active.entries()) {
    story.set(new Date(coffeeOf(k).getTime() + 2 * HOUR));
    await answerIntro(pair.id, { isFit: true }, memberOf(pair.menteeId), deps);
    story.set(new Date(coffeeOf(k).getTime() + 5 * HOUR));
    await answerIntro(pair.id, { isFit: true }, memberOf(pair.mentorId), deps);
  }
  // The next pair has planned its coffee for later this week; any other has not planned it yet.
  const waiting = ordered[DEMO_PILOT_PAIRS];
  if (waiting) {
    story.set(at(2, 16));
    const coffee = new Date(today.getTime() + 3 * DAY);
    coffee.setUTCHours(12, 30, 0, 0);
    await scheduleIntro(waiting.id, { at: coffee.toISOString(), place: PLACES[0] as string }, memberOf(waiting.menteeId), deps);
  }

  // --- the second programme, the next wave: prepared 20 days ago, starts in two weeks.
  story.set(at(20));
  const second = await createProgramme(
    fromTemplate("Mentorat inversé — déploiement 2027", new Date(today.getTime() + 14 * DAY), { isPilot: false, targetPairs: 30 }),
    manager,
    deps,
  );
  const { mentors, mentees, unanswered } = cohorts.second;
  await enrol(second.id, { role: "mentor", employeeIds: ids(mentors) }, manager, deps);
  await enrol(second.id, { role: "mentee", employeeIds: ids(mentees) }, manager, deps);
  story.set(at(18));
  await changePhase(second.id, "enrolment", manager, deps);
  await join(
    second.id,
    [...mentors, ...mentees].filter((p) => !unanswered.has(p.employeeId)),
    17,
  );
  story.set(at(5));
  await changePhase(second.id, "matching", manager, deps);
  story.set(at(4));
  await runMatching(second.id, manager, deps);

  // A proposal to each junior demo login, sent by a mentee who has answered (not the proposals journey's
  // one): the first, in order, whom the app lets propose to that mentor (not in their management chain…).
  const proposers = mentees.filter((p) => !unanswered.has(p.employeeId) && !roles.secondMentees.includes(p.employeeId));
  let next = 0;
  for (const [k, employeeId] of roles.proposalReceivers.entries()) {
    const [goals, offer] = PROPOSALS[k % PROPOSALS.length] as readonly [string, string];
    const mentorId = personIds.get(employeeId) as string;
    story.set(at(3 - k, 11));
    for (let sent = false; !sent; next++) {
      const proposer = proposers[next];
      if (!proposer) throw new Error(`no demo mentee may propose to ${accountOf(employeeId).displayName}`);
      sent = await sendProposal(second.id, { mentorId, goals, offer }, accountOf(proposer), deps).then(
        () => true,
        (error: unknown) => {
          if (error instanceof AppError && error.code === "PAIR_NOT_ALLOWED") return false;
          throw error;
        },
      );
    }
  }
  // Yesterday, before publishing, the HR manager invited to Passerelle the enrolled people who have no account
  // (those who have not answered): the bulk invitation's job creates their accounts and queues their emails.
  story.set(at(1, 14));
  await database.db.transaction((tx) => inviteEnrolledWithoutAccount(tx, second.id, manager.id, story.now()));
  await runJobs(story);

  // --- the pilot's pairs at work since their coffee: goals, sessions, agendas, notes, what is ahead.
  const loginPairIds = new Set(active.filter(hasLogin).map((pair) => pair.id));
  await seedDemoWorkspaces(database, story, today, active, coffeeOf, memberOf, loginPairIds, mail);
  await runJobs(story);
  return { pilotId: pilot.id, secondId: second.id };
}
