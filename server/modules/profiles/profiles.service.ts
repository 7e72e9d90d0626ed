/**
 * A participant's own profile and self-assessments (only through /api/me: nobody edits someone
 * else's), and the summary HR sees of a person.
 */

import type { PersonDetail, Profile, ProfileBody, SelfAssessment } from "../../../contracts/profiles.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, notFound } from "../../platform/errors/app-error.ts";
import { assertPersonHasNoAccount } from "../accounts/index.ts";
import { getPerson } from "../people/index.ts";
import { listSkills, requireSkills } from "../skills/index.ts";
import { findOpenRoles, findPeopleWithSelfAssessment, findStoredCompleteness } from "./profile-roles.repository.ts";
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

/** A person's roles in the announced programmes (ANNOUNCED_PHASES): what their profile asks. */
async function openRolesOf(db: Tx, personId: string): Promise<ParticipantRole[]> {
  return (await findOpenRoles(db, [personId])).get(personId) ?? [];
}

function present(stored: repo.StoredProfile | null, languages: string[], hasAssessment: boolean, roles: ParticipantRole[]): Profile {
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
    roles,
    completeness: completenessOf(profile, hasAssessment, roles),
  };
}

/** My profile; `personId` is the session's (null: an account with no directory entry yet, an empty profile). */
export async function getMyProfile(personId: string | null, deps: ProfilesDeps): Promise<Profile> {
  const { db } = deps.database;
  if (!personId) return present(null, ["fr"], false, []);
  return present(
    await repo.findProfile(db, personId),
    await repo.findPersonLanguages(db, personId),
    await repo.hasSelfAssessment(db, personId),
    await openRolesOf(db, personId),
  );
}

export async function saveMyProfile(userId: string, body: ProfileBody, deps: ProfilesDeps): Promise<Profile> {
  assertNoDuplicates({ teach: body.teach.map((s) => s.skillId), learn: body.learn.map((s) => s.skillId), offer: body.offer });
  await requireSkills([...body.teach.map((s) => s.skillId), ...body.learn.map((s) => s.skillId), ...body.offer], "skills", deps);
  const now = deps.clock.now();
  const personId = await deps.database.db.transaction(async (tx) => {
    const personId = await ensurePersonForUser(tx, userId, now);
    const { percent } = completenessOf(body, await repo.hasSelfAssessment(tx, personId), await openRolesOf(tx, personId));
    await repo.saveProfile(tx, personId, { ...body, interests: [...new Set(body.interests)] }, percent, now);
    return personId;
  });
  return getMyProfile(personId, deps);
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

export async function listMySelfAssessments(personId: string | null, deps: ProfilesDeps): Promise<SelfAssessment[]> {
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
    if (stored) await repo.setCompleteness(tx, personId, completenessOf(stored, true, await openRolesOf(tx, personId)).percent);
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
  const roles = await openRolesOf(db, personId);
  const profile = stored ? present(stored, stored.languages, assessments.length > 0, roles) : null;
  return {
    person,
    profile,
    completeness: completenessOf(stored, assessments.length > 0, roles),
    selfAssessments: assessments.map((a) => ({ id: a.id, takenAt: a.takenAt.toISOString() })),
  };
}

/**
 * Recomputes the stored completeness of these people's profiles (the directory and the enrolment board
 * filter on it) after their programme roles changed: an enrolment added, declined or removed, a programme
 * closed. Run it in the transaction that changed them; people without a profile are skipped.
 */
export async function refreshCompleteness(tx: Tx, personIds: string[]): Promise<void> {
  const ids = [...new Set(personIds)];
  const stored = await findStoredCompleteness(tx, ids);
  if (!stored.size) return;
  const withProfile = [...stored.keys()];
  // One after the other: a transaction is one connection.
  const profiles = await repo.findProfiles(tx, withProfile);
  const roles = await findOpenRoles(tx, withProfile);
  const assessed = await findPeopleWithSelfAssessment(tx, withProfile);
  for (const [personId, profile] of profiles) {
    const { percent } = completenessOf(profile, assessed.has(personId), roles.get(personId) ?? []);
    if (percent !== stored.get(personId)) await repo.setCompleteness(tx, personId, percent);
  }
}
