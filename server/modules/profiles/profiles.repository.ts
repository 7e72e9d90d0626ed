import { and, desc, eq, inArray } from "drizzle-orm";
import type { ProfileBody, ProfileSkillKind } from "../../../contracts/profiles.ts";
import type { Tx } from "../../db/client.ts";
import { people, profileSkills, profiles, selfAssessmentAnswers, selfAssessments, users } from "../../db/schema.ts";
import { setPersonOfUser } from "../accounts/index.ts";
import { findPersonIdByEmail, insertPersonOfAccount } from "../people/index.ts";

export type StoredProfile = ProfileBody & { updatedAt: Date | null };

/** What linking an account to its person needs to know of the account. */
export async function findUserToLink(tx: Tx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, email: users.email, displayName: users.displayName, personId: users.personId })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

/**
 * Links an account that has no person yet to the directory entry with its email, or to a new entry
 * of its own (accounts created outside the HR file). The caller has checked that the entry has no
 * other account (users.person_id is unique). The people and accounts contexts write their own tables.
 */
export async function linkUserToPerson(tx: Tx, user: { id: string; email: string; displayName: string }, now: Date): Promise<string> {
  const personId = (await findPersonIdByEmail(tx, user.email)) ?? (await insertPersonOfAccount(tx, user, now));
  await setPersonOfUser(tx, user.id, personId);
  return personId;
}

export async function findPersonLanguages(db: Tx, personId: string): Promise<string[]> {
  const [row] = await db.select({ languages: people.languages }).from(people).where(eq(people.id, personId));
  return row?.languages ?? ["fr"];
}

export async function findProfile(db: Tx, personId: string): Promise<StoredProfile | null> {
  const [row] = await db.select().from(profiles).where(eq(profiles.personId, personId));
  if (!row) return null;
  const skillRows = await db.select().from(profileSkills).where(eq(profileSkills.personId, personId));
  const of = (kind: ProfileSkillKind) => skillRows.filter((s) => s.kind === kind).sort((a, b) => a.skillId.localeCompare(b.skillId));
  return {
    teach: of("teach")
      .sort((a, b) => (b.level ?? 0) - (a.level ?? 0))
      .map((s) => ({ skillId: s.skillId, level: s.level ?? 0 })),
    learn: of("learn")
      .sort((a, b) => (a.priority ?? 3) - (b.priority ?? 3))
      .map((s) => ({ skillId: s.skillId, priority: s.priority ?? 3 })),
    offer: of("offer").map((s) => s.skillId),
    interests: row.interests,
    availability: row.availability,
    format: row.format,
    languages: row.languages ?? (await findPersonLanguages(db, personId)),
    mentorCapacity: row.mentorCapacity,
    hopes: row.hopes,
    updatedAt: row.updatedAt,
  };
}

/** Replaces a profile and its skills (run in a transaction). */
export async function saveProfile(tx: Tx, personId: string, profile: ProfileBody, completeness: number, now: Date): Promise<void> {
  const values = {
    completeness,
    format: profile.format,
    availability: profile.availability,
    interests: profile.interests,
    languages: profile.languages,
    mentorCapacity: profile.mentorCapacity,
    hopes: profile.hopes,
    updatedAt: now,
  };
  await tx
    .insert(profiles)
    .values({ personId, ...values })
    .onConflictDoUpdate({ target: profiles.personId, set: values });
  await tx.delete(profileSkills).where(eq(profileSkills.personId, personId));
  const rows = [
    ...profile.teach.map((s) => ({ personId, kind: "teach" as const, skillId: s.skillId, level: s.level, priority: null })),
    ...profile.learn.map((s) => ({ personId, kind: "learn" as const, skillId: s.skillId, level: null, priority: s.priority })),
    ...profile.offer.map((skillId) => ({ personId, kind: "offer" as const, skillId, level: null, priority: null })),
  ];
  if (rows.length) await tx.insert(profileSkills).values(rows);
}

export async function insertSelfAssessment(
  tx: Tx,
  personId: string,
  answers: { skillId: string; level: number }[],
  now: Date,
): Promise<string> {
  const [row] = await tx.insert(selfAssessments).values({ personId, takenAt: now }).returning({ id: selfAssessments.id });
  if (!row) throw new Error("insert into self_assessments returned nothing");
  await tx.insert(selfAssessmentAnswers).values(answers.map((a) => ({ assessmentId: row.id, skillId: a.skillId, level: a.level })));
  return row.id;
}

/** A person's snapshots, newest first, with their answers. */
export async function listSelfAssessments(db: Tx, personId: string) {
  const snapshots = await db
    .select()
    .from(selfAssessments)
    .where(eq(selfAssessments.personId, personId))
    .orderBy(desc(selfAssessments.takenAt));
  if (!snapshots.length) return [];
  const answers = await db
    .select()
    .from(selfAssessmentAnswers)
    .where(
      inArray(
        selfAssessmentAnswers.assessmentId,
        snapshots.map((s) => s.id),
      ),
    );
  return snapshots.map((s) => ({
    id: s.id,
    takenAt: s.takenAt,
    answers: answers.filter((a) => a.assessmentId === s.id).map((a) => ({ skillId: a.skillId, level: a.level })),
  }));
}

export async function hasSelfAssessment(db: Tx, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: selfAssessments.id })
    .from(selfAssessments)
    .where(and(eq(selfAssessments.personId, personId)))
    .limit(1);
  return Boolean(row);
}

export async function setCompleteness(db: Tx, personId: string, completeness: number): Promise<void> {
  await db.update(profiles).set({ completeness }).where(eq(profiles.personId, personId));
}

/** Profiles of many people in two queries (matching a cohort of thousands); people without a profile are absent. */
export async function findProfiles(db: Tx, personIds: string[]): Promise<Map<string, StoredProfile>> {
  const out = new Map<string, StoredProfile>();
  if (!personIds.length) return out;
  const rows = await db
    .select({ profile: profiles, languages: people.languages })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .where(inArray(profiles.personId, personIds));
  const skillRows = await db.select().from(profileSkills).where(inArray(profileSkills.personId, personIds));
  const skillsOf = new Map<string, (typeof skillRows)[number][]>();
  for (const s of skillRows) skillsOf.set(s.personId, [...(skillsOf.get(s.personId) ?? []), s]);
  for (const { profile: row, languages } of rows) {
    const mine = skillsOf.get(row.personId) ?? [];
    out.set(row.personId, {
      teach: mine.filter((s) => s.kind === "teach").map((s) => ({ skillId: s.skillId, level: s.level ?? 0 })),
      learn: mine.filter((s) => s.kind === "learn").map((s) => ({ skillId: s.skillId, priority: s.priority ?? 3 })),
      offer: mine.filter((s) => s.kind === "offer").map((s) => s.skillId),
      interests: row.interests,
      availability: row.availability,
      format: row.format,
      languages: row.languages ?? languages,
      mentorCapacity: row.mentorCapacity,
      hopes: row.hopes,
      updatedAt: row.updatedAt,
    });
  }
  return out;
}
