/**
 * A participant's own profile and self-assessments (only through /api/me: nobody edits someone
 * else's), and the summary HR sees of a person.
 */
import type { PersonDetail, Profile, ProfileBody, SelfAssessment } from "../../../contracts/profiles.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, notFound } from "../../platform/errors/app-error.ts";
import { assertPersonHasNoAccount } from "../accounts/index.ts";
import { getPerson } from "../people/index.ts";
import { listSkills, requireSkills } from "../skills/index.ts";
import { averagesByCategory, completenessOf, duplicates } from "./profiles.domain.ts";
import * as repo from "./profiles.repository.ts";

export type ProfilesDeps = { database: Database; clock: Clock };

/**
 * The person behind an account, linking it on first use (run in the caller's transaction). When the
 * directory gives the account's email to a person who already has another account (an HR import
 * moved an address), 409 PERSON_HAS_ACCOUNT telling the user to have HR correct it.
 */
export async function ensurePersonForUser(tx: Tx, userId: string, now: Date): Promise<string> {
  const user = await repo.findUserToLink(tx, userId);
  if (!user) throw new Error(`no user ${userId}`);
  if (user.personId) return user.personId;
  await assertPersonHasNoAccount(tx, user.email, "owner");
  return repo.linkUserToPerson(tx, user, now);
}

function assertNoDuplicates(lists: Record<string, string[]>) {
  const details = Object.entries(lists).flatMap(([path, ids]) => {
    const twice = duplicates(ids);
    return twice.length ? [{ path, messageKey: "fields.duplicateSkill", params: { ids: twice.join(", ") } }] : [];
  });
  if (details.length) throw new AppError("VALIDATION_ERROR", { details });
}

function present(stored: repo.StoredProfile | null, languages: string[], hasAssessment: boolean): Profile {
  const profile: ProfileBody = stored ?? {
    teach: [],
    learn: [],
    offer: [],
    interests: [],
    availability: [],
    format: null,
    languages,
    mentorCapacity: 1,
    hopes: null,
  };
  return {
    ...profile,
    updatedAt: stored?.updatedAt?.toISOString() ?? null,
    completeness: completenessOf(profile, hasAssessment),
  };
}

export async function getMyProfile(userId: string, deps: ProfilesDeps): Promise<Profile> {
  const { db } = deps.database;
  const personId = await repo.findPersonIdOfUser(db, userId);
  if (!personId) return present(null, ["fr"], false);
  return present(
    await repo.findProfile(db, personId),
    await repo.findPersonLanguages(db, personId),
    await repo.hasSelfAssessment(db, personId),
  );
}

export async function saveMyProfile(userId: string, body: ProfileBody, deps: ProfilesDeps): Promise<Profile> {
  assertNoDuplicates({ teach: body.teach.map((s) => s.skillId), learn: body.learn.map((s) => s.skillId), offer: body.offer });
  await requireSkills([...body.teach.map((s) => s.skillId), ...body.learn.map((s) => s.skillId), ...body.offer], "skills", deps);
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const personId = await ensurePersonForUser(tx, userId, now);
    const { percent } = completenessOf(body, await repo.hasSelfAssessment(tx, personId));
    await repo.saveProfile(tx, personId, { ...body, interests: [...new Set(body.interests)] }, percent, now);
  });
  return getMyProfile(userId, deps);
}

async function presentAssessments(personId: string, deps: ProfilesDeps): Promise<SelfAssessment[]> {
  const { db } = deps.database;
  const categoryOf = new Map((await listSkills(db)).map((s) => [s.id, s.categoryId]));
  return (await repo.listSelfAssessments(db, personId)).map((a) => ({
    id: a.id,
    takenAt: a.takenAt.toISOString(),
    answers: a.answers,
    byCategory: averagesByCategory(a.answers, (id) => categoryOf.get(id)),
  }));
}

export async function listMySelfAssessments(userId: string, deps: ProfilesDeps): Promise<SelfAssessment[]> {
  const personId = await repo.findPersonIdOfUser(deps.database.db, userId);
  return personId ? presentAssessments(personId, deps) : [];
}

/** Saves a dated snapshot of my levels; earlier snapshots stay (before/after comparisons). */
export async function addMySelfAssessment(
  userId: string,
  answers: { skillId: string; level: number }[],
  deps: ProfilesDeps,
): Promise<SelfAssessment> {
  assertNoDuplicates({ answers: answers.map((a) => a.skillId) });
  await requireSkills(
    answers.map((a) => a.skillId),
    "answers",
    deps,
  );
  const now = deps.clock.now();
  const { personId, id } = await deps.database.db.transaction(async (tx) => {
    const personId = await ensurePersonForUser(tx, userId, now);
    const id = await repo.insertSelfAssessment(tx, personId, answers, now);
    const stored = await repo.findProfile(tx, personId);
    if (stored) await repo.setCompleteness(tx, personId, completenessOf(stored, true).percent);
    return { personId, id };
  });
  const created = (await presentAssessments(personId, deps)).find((a) => a.id === id);
  if (!created) throw notFound();
  return created;
}

/** What an HR manager sees of a person: no self-assessment scores, only when they were taken. */
export async function getPersonDetail(personId: string, deps: ProfilesDeps): Promise<PersonDetail> {
  const { db } = deps.database;
  const person = await getPerson(db, personId);
  if (!person) throw notFound();
  const stored = await repo.findProfile(db, personId);
  const assessments = await repo.listSelfAssessments(db, personId);
  const profile = stored ? present(stored, stored.languages, assessments.length > 0) : null;
  return {
    person,
    profile,
    completeness: completenessOf(stored, assessments.length > 0),
    selfAssessments: assessments.map((a) => ({ id: a.id, takenAt: a.takenAt.toISOString() })),
  };
}
