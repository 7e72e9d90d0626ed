/**
 * Onboarding use cases: the modules, a participant's own progress and reflections (only through
 * /api/me: nobody reads someone else's), the charter of a programme, and completion for managers.
 */
import type { MyModuleProgress, MyOnboarding, OnboardingModule, ProgrammeOnboarding } from "../../../contracts/onboarding.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { invalidFields, notFound } from "../../platform/errors/app-error.ts";
import { modulesOfRole, type OnboardingStatus, onboardingStatus } from "./onboarding.domain.ts";
import * as repo from "./onboarding.repository.ts";
import { onboardingModules } from "./onboarding-catalogue.ts";

export type OnboardingDeps = { database: Database; clock: Clock };

export function listModules(): OnboardingModule[] {
  return onboardingModules().map((m) => ({ ...m }));
}

function findModule(moduleId: string) {
  const found = onboardingModules().find((m) => m.id === moduleId);
  if (!found) throw notFound();
  return found;
}

/** The session's directory entry: an account without one is enrolled nowhere ("not found"). */
function requirePerson(personId: string | null): string {
  if (!personId) throw notFound();
  return personId;
}

/**
 * Onboarding status of people in one programme, in two queries whatever their number (one for the
 * modules read, one for the charter): the enrolment board asks for hundreds of people at once.
 */
export async function onboardingStatuses(
  db: Tx,
  programmeId: string,
  people: readonly { personId: string; role: ParticipantRole }[],
): Promise<Map<string, OnboardingStatus>> {
  const statuses = new Map<string, OnboardingStatus>();
  if (!people.length) return statuses;
  const personIds = [...new Set(people.map((p) => p.personId))];
  const completions = await repo.listCompletions(db, personIds);
  const accepted = await repo.listCharterAcceptances(db, programmeId, personIds);
  const doneBy = new Map<string, Set<string>>();
  for (const { personId, moduleId } of completions) {
    const done = doneBy.get(personId) ?? new Set<string>();
    done.add(moduleId);
    doneBy.set(personId, done);
  }
  const modules = onboardingModules();
  for (const { personId, role } of people) {
    statuses.set(personId, onboardingStatus(modules, role, doneBy.get(personId) ?? new Set(), accepted.has(personId)));
  }
  return statuses;
}

async function presentMyOnboarding(db: Tx, programmeId: string, personId: string, enrolment: repo.Enrolment): Promise<MyOnboarding> {
  const completedAt = new Map((await repo.listCompletions(db, [personId])).map((c) => [c.moduleId, c.completedAt]));
  const acceptedAt = (await repo.listCharterAcceptances(db, programmeId, [personId])).get(personId) ?? null;
  const status = onboardingStatus(onboardingModules(), enrolment.role, new Set(completedAt.keys()), acceptedAt !== null);
  return {
    programmeId,
    role: enrolment.role,
    requiresOnboarding: enrolment.requiresOnboarding,
    modules: modulesOfRole(onboardingModules(), enrolment.role).map((m) => ({
      id: m.id,
      minutes: m.minutes,
      title: m.title,
      summary: m.summary,
      completedAt: completedAt.get(m.id)?.toISOString() ?? null,
    })),
    modulesDone: status.modulesDone,
    modulesTotal: status.modulesTotal,
    charter: enrolment.charter,
    charterAcceptedAt: acceptedAt?.toISOString() ?? null,
    isComplete: status.isComplete,
  };
}

/** My onboarding in a programme I am enrolled in (not declined, out of draft); any other programme is "not found". */
export async function getMyOnboarding(myPersonId: string | null, programmeId: string, deps: OnboardingDeps): Promise<MyOnboarding> {
  const { db } = deps.database;
  const personId = requirePerson(myPersonId);
  const enrolment = await repo.findActiveEnrolment(db, programmeId, personId);
  if (!enrolment) throw notFound();
  return presentMyOnboarding(db, programmeId, personId, enrolment);
}

/** Accepts the charter of a programme I am enrolled in; accepting again changes nothing. */
export async function acceptCharter(myPersonId: string | null, programmeId: string, deps: OnboardingDeps): Promise<MyOnboarding> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const personId = requirePerson(myPersonId);
    const enrolment = await repo.findActiveEnrolment(tx, programmeId, personId);
    if (!enrolment) throw notFound();
    await repo.insertCharterAcceptance(tx, programmeId, personId, now);
    return presentMyOnboarding(tx, programmeId, personId, enrolment);
  });
}

function presentProgress(moduleId: string, progress: { reflections: string[]; completedAt: Date } | null): MyModuleProgress {
  return { moduleId, completedAt: progress?.completedAt.toISOString() ?? null, reflections: progress?.reflections ?? [] };
}

/**
 * Marks a module read with my private reflections (one per question at most). Reading it again
 * keeps the first completion time and replaces the reflections.
 */
export async function completeModule(
  myPersonId: string | null,
  moduleId: string,
  reflections: string[],
  deps: OnboardingDeps,
): Promise<MyModuleProgress> {
  const module = findModule(moduleId);
  if (reflections.length > module.questions.length) {
    throw invalidFields([{ path: "reflections", messageKey: "fields.tooBig", params: { max: module.questions.length } }]);
  }
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const personId = requirePerson(myPersonId);
    await repo.saveProgress(tx, personId, moduleId, reflections, now);
    return presentProgress(moduleId, await repo.findProgress(tx, personId, moduleId));
  });
}

/** My reading of a module and my reflections; an account without a directory entry has read nothing. */
export async function getMyModuleProgress(personId: string | null, moduleId: string, deps: OnboardingDeps): Promise<MyModuleProgress> {
  findModule(moduleId);
  const { db } = deps.database;
  return presentProgress(moduleId, personId ? await repo.findProgress(db, personId, moduleId) : null);
}

/** Who has completed their onboarding in a programme, for its managers: counts only, never the reflections. */
export async function getProgrammeOnboarding(programmeId: string, deps: OnboardingDeps): Promise<ProgrammeOnboarding> {
  const { db } = deps.database;
  const programme = await repo.findProgramme(db, programmeId);
  if (!programme) throw notFound();
  const enrolled = await repo.listEnrolledPeople(db, programmeId);
  const statuses = await onboardingStatuses(db, programmeId, enrolled);
  const items = enrolled.map((person) => {
    const status = statuses.get(person.personId) ?? onboardingStatus(onboardingModules(), person.role, new Set(), false);
    return {
      personId: person.personId,
      name: `${person.firstName} ${person.lastName}`,
      role: person.role,
      status: person.status,
      ...status,
    };
  });
  return {
    programmeId,
    requiresOnboarding: programme.requiresOnboarding,
    items,
    totals: { people: items.length, complete: items.filter((i) => i.isComplete).length },
  };
}

/** Records a person's whole preparation for a programme at once: every module of their role, and the charter (the demo seed). */
export async function recordCompletedOnboarding(
  tx: Tx,
  programmeId: string,
  personId: string,
  role: ParticipantRole,
  now: Date,
): Promise<void> {
  for (const module of modulesOfRole(onboardingModules(), role)) await repo.saveProgress(tx, personId, module.id, [], now);
  await repo.insertCharterAcceptance(tx, programmeId, personId, now);
}
