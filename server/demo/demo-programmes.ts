/**
 * The demo's programmes, made through the programmes context's own use cases (so the demo shows
 * what the app really produces):
 * - a running pilot whose pairs went through their intro coffee: 8 active pairs, both people prepared;
 * - a second, larger programme in the matching phase: 60 people enrolled, some not answered yet,
 *   a first matching run to review, and a few open proposals to junior demo accounts.
 */
import type { Me } from "../../contracts/accounts.ts";
import type { CreateProgrammeBody } from "../../contracts/programmes.ts";
import type { Database } from "../db/client.ts";
import { recordCompletedOnboarding } from "../modules/onboarding/index.ts";
import {
  changePhase,
  createProgramme,
  enrol,
  insertProposal,
  listTemplates,
  pairsOfProgramme,
  publish,
  recordIntroAnswer,
  runMatching,
  setEnrolmentAnswers,
} from "../modules/programmes/index.ts";
import type { Clock } from "../platform/clock/clock.ts";
import type { DemoPerson } from "./demo-company.ts";

const DAY = 24 * 3600 * 1000;
/** Active pairs of the demo pilot (issue 5). */
export const DEMO_PILOT_PAIRS = 8;

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

/**
 * Seeds the two programmes. `people` are the demo company's, `personIds` their ids by employee id,
 * `manager` the HR manager's account; `reserved` are employee ids kept free for the browser journeys.
 */
export async function seedDemoProgrammes(
  database: Database,
  clock: Clock,
  people: DemoPerson[],
  personIds: Map<string, string>,
  manager: Me,
  reserved: { pilotFree: string[]; secondMentees: string[]; proposalReceivers: string[] },
): Promise<DemoProgrammes> {
  const deps = { database, clock };
  const now = clock.now();
  const juniors = people.filter((p) => p.hireYear >= 2018);
  const seniors = people.filter((p) => p.hireYear < 2008);
  const mid = people.filter((p) => p.hireYear >= 2008 && p.hireYear < 2018);

  // --- the pilot, running for a month: enrol, match, publish, then every pair confirmed its intro.
  const pilot = await createProgramme(fromTemplate("Pilote mentorat inversé 2026", new Date(now.getTime() - 30 * DAY)), manager, deps);
  const free = new Set(reserved.pilotFree);
  const pilotMentors = juniors.filter((p) => !free.has(p.employeeId)).slice(0, 12);
  const pilotMentees = seniors.filter((p) => !free.has(p.employeeId)).slice(0, 12);
  await enrol(pilot.id, { role: "mentor", employeeIds: pilotMentors.map((p) => p.employeeId) }, manager, deps);
  await enrol(pilot.id, { role: "mentee", employeeIds: pilotMentees.map((p) => p.employeeId) }, manager, deps);
  await changePhase(pilot.id, "enrolment", manager, deps);
  await database.db.transaction((tx) =>
    setEnrolmentAnswers(
      tx,
      pilot.id,
      [...pilotMentors, ...pilotMentees].map((p) => personIds.get(p.employeeId) as string),
      "joined",
      now,
    ),
  );
  await changePhase(pilot.id, "matching", manager, deps);
  const run = await runMatching(pilot.id, manager, deps);
  await publish(pilot.id, run.id, manager, deps);
  const published = (await pairsOfProgramme(database.db, pilot.id, { page: 1, pageSize: 100 })).rows;
  if (published.length < DEMO_PILOT_PAIRS) throw new Error(`the demo pilot made ${published.length} pairs, fewer than ${DEMO_PILOT_PAIRS}`);
  // Answered after the publication (the clock has moved since `now`).
  const answeredAt = clock.now();
  await database.db.transaction(async (tx) => {
    for (const pair of published.slice(0, DEMO_PILOT_PAIRS)) {
      await recordIntroAnswer(tx, pair.id, pair.mentorId, { isFit: true }, null, answeredAt);
      await recordIntroAnswer(tx, pair.id, pair.menteeId, { isFit: true }, null, answeredAt);
      await recordCompletedOnboarding(tx, pilot.id, pair.mentorId, "mentor", answeredAt);
      await recordCompletedOnboarding(tx, pilot.id, pair.menteeId, "mentee", answeredAt);
    }
  });

  // --- the second programme: 60 enrolled, a fifth have not answered yet, a first run to review.
  const second = await createProgramme(
    fromTemplate("Mentorat inversé — déploiement 2027", new Date(now.getTime() + 14 * DAY), { isPilot: false, targetPairs: 30 }),
    manager,
    deps,
  );
  const first = (ids: string[]) => (p: DemoPerson) => (ids.includes(p.employeeId) ? 0 : 1);
  const byFirst = (ids: string[]) => (a: DemoPerson, b: DemoPerson) => first(ids)(a) - first(ids)(b);
  const secondMentees = [...seniors, ...mid.filter((p) => p.hireYear < 2012)].sort(byFirst(reserved.secondMentees)).slice(0, 30);
  const secondMentors = [...juniors].sort(byFirst(reserved.proposalReceivers)).slice(0, 30);
  await enrol(second.id, { role: "mentor", employeeIds: secondMentors.map((p) => p.employeeId) }, manager, deps);
  await enrol(second.id, { role: "mentee", employeeIds: secondMentees.map((p) => p.employeeId) }, manager, deps);
  await changePhase(second.id, "enrolment", manager, deps);
  const everyone = [...secondMentors, ...secondMentees];
  const answered = everyone.filter((p, k) => k % 5 !== 4 || reserved.secondMentees.includes(p.employeeId));
  await database.db.transaction((tx) =>
    setEnrolmentAnswers(
      tx,
      second.id,
      answered.map((p) => personIds.get(p.employeeId) as string),
      "joined",
      now,
    ),
  );
  await changePhase(second.id, "matching", manager, deps);
  await runMatching(second.id, manager, deps);

  // A few open proposals from seniors without an account to junior demo accounts.
  const proposers = secondMentees.filter((p) => !reserved.secondMentees.includes(p.employeeId)).slice(0, 3);
  const receivers = secondMentors.filter((p) => reserved.proposalReceivers.includes(p.employeeId));
  const examples = [
    ["Publier moi-même sur LinkedIn une fois par semaine", "Vous aider à préparer votre premier comité de direction"],
    ["Construire un tableau de bord de suivi des ventes", "Vous présenter les clients grands comptes et leur façon de décider"],
    ["Utiliser un assistant IA pour mes comptes rendus", "Partager ce que j’ai appris en négociant avec les fournisseurs"],
  ] as const;
  await database.db.transaction(async (tx) => {
    for (const [k, mentee] of proposers.entries()) {
      const mentor = receivers[k];
      if (!mentor) continue;
      await insertProposal(tx, {
        programmeId: second.id,
        menteeId: personIds.get(mentee.employeeId) as string,
        mentorId: personIds.get(mentor.employeeId) as string,
        goals: examples[k]?.[0] ?? "",
        offer: examples[k]?.[1] ?? "",
        status: "open",
        createdAt: new Date(now.getTime() - (k + 1) * DAY),
        expiresAt: new Date(now.getTime() + (14 - k - 1) * DAY),
      });
    }
  });
  return { pilotId: pilot.id, secondId: second.id };
}
