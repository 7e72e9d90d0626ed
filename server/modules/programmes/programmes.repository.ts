/**
 * SQL of programmes, enrolments, matching constraints and runs. The enrolment board and the programmes'
 * counts also read the pairs, people, profiles and users tables (read models: they only join them).
 */
import { and, asc, count, desc, eq, exists, gt, ilike, inArray, isNull, lt, max, ne, not, or, type SQL, sql } from "drizzle-orm";
import type { CompletenessFilter } from "../../../contracts/people.ts";
import { type EnrolmentStatus, OPEN_PAIR_STATES, type ParticipantRole } from "../../../contracts/programmes.ts";
import type { Tx } from "../../db/client.ts";
import { likePattern } from "../../db/like-pattern.ts";
import { enrolments, matchingConstraints, matchingRuns, pairs, people, profiles, programmes, users } from "../../db/schema.ts";

export type ProgrammeRow = typeof programmes.$inferSelect;
export type NewProgrammeRow = typeof programmes.$inferInsert;
export type EnrolmentRow = typeof enrolments.$inferSelect;

export async function insertProgramme(tx: Tx, values: NewProgrammeRow): Promise<ProgrammeRow> {
  const [row] = await tx.insert(programmes).values(values).returning();
  if (!row) throw new Error("insert into programmes returned nothing");
  return row;
}

export async function updateProgramme(tx: Tx, id: string, values: Partial<NewProgrammeRow>): Promise<void> {
  await tx.update(programmes).set(values).where(eq(programmes.id, id));
}

/** One programme; `forUpdate` locks its row until the transaction ends (phase changes, publishing). */
export async function findProgramme(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ProgrammeRow | undefined> {
  const query = db.select().from(programmes).where(eq(programmes.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function programmeNames(db: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(inArray(programmes.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Programmes, newest first: all of them, or those a person is enrolled in plus those open for enrolment. */
export async function listProgrammes(db: Tx, forPersonId?: string | null): Promise<ProgrammeRow[]> {
  const where =
    forPersonId === undefined
      ? undefined
      : or(
          eq(programmes.phase, "enrolment"),
          // Their own programmes, once out of draft: nobody is told before enrolment opens.
          forPersonId
            ? and(
                ne(programmes.phase, "draft"),
                inArray(
                  programmes.id,
                  db.select({ id: enrolments.programmeId }).from(enrolments).where(eq(enrolments.personId, forPersonId)),
                ),
              )
            : undefined,
        );
  return db.select().from(programmes).where(where).orderBy(desc(programmes.createdAt));
}

/** People enrolled (not declined) by role, and open pairs, per programme. */
export async function programmeCounts(db: Tx, ids: string[]) {
  const result = new Map<string, { mentor: number; mentee: number; openPairs: number }>();
  if (!ids.length) return result;
  for (const id of ids) result.set(id, { mentor: 0, mentee: 0, openPairs: 0 });
  const enrolled = await db
    .select({ programmeId: enrolments.programmeId, role: enrolments.role, n: count() })
    .from(enrolments)
    .where(and(inArray(enrolments.programmeId, ids), ne(enrolments.status, "declined")))
    .groupBy(enrolments.programmeId, enrolments.role);
  for (const r of enrolled) (result.get(r.programmeId) as { mentor: number; mentee: number })[r.role] = r.n;
  const open = await db
    .select({ programmeId: pairs.programmeId, n: count() })
    .from(pairs)
    .where(and(inArray(pairs.programmeId, ids), inArray(pairs.state, OPEN_PAIR_STATES)))
    .groupBy(pairs.programmeId);
  for (const r of open) (result.get(r.programmeId) as { openPairs: number }).openPairs = r.n;
  return result;
}

/* ---------------------------------------------------------------- enrolments */

export async function findEnrolment(
  db: Tx,
  programmeId: string,
  personId: string,
  options: { forUpdate?: boolean } = {},
): Promise<EnrolmentRow | undefined> {
  const query = db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.programmeId, programmeId), eq(enrolments.personId, personId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Locks every enrolment of a programme, in person id order (the order accepts lock theirs in), until the transaction ends. */
export async function lockEnrolments(tx: Tx, programmeId: string): Promise<void> {
  await tx
    .select({ personId: enrolments.personId })
    .from(enrolments)
    .where(eq(enrolments.programmeId, programmeId))
    .orderBy(asc(enrolments.personId))
    .for("update");
}

/** Enrolment statuses of some people of a programme. */
export async function enrolmentStatuses(db: Tx, programmeId: string, personIds: string[]) {
  if (!personIds.length) return [];
  return db
    .select({ personId: enrolments.personId, status: enrolments.status })
    .from(enrolments)
    .where(and(eq(enrolments.programmeId, programmeId), inArray(enrolments.personId, personIds)));
}

export async function myEnrolments(db: Tx, personId: string): Promise<EnrolmentRow[]> {
  return db.select().from(enrolments).where(eq(enrolments.personId, personId));
}

/** Enrols people who are not in the programme yet (in any role); returns how many were added. */
export async function insertEnrolments(tx: Tx, rows: (typeof enrolments.$inferInsert)[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted: string[] = [];
  for (let k = 0; k < rows.length; k += 1000) {
    const batch = await tx
      .insert(enrolments)
      .values(rows.slice(k, k + 1000))
      .onConflictDoNothing()
      .returning({ personId: enrolments.personId });
    inserted.push(...batch.map((r) => r.personId));
  }
  return inserted;
}

export async function updateEnrolment(tx: Tx, programmeId: string, personId: string, values: Partial<typeof enrolments.$inferInsert>) {
  await tx
    .update(enrolments)
    .set(values)
    .where(and(eq(enrolments.programmeId, programmeId), eq(enrolments.personId, personId)));
}

export async function deleteEnrolment(tx: Tx, programmeId: string, personId: string): Promise<void> {
  await tx.delete(enrolments).where(and(eq(enrolments.programmeId, programmeId), eq(enrolments.personId, personId)));
}

/** Everyone enrolled in the programme, whatever their answer. */
export async function enrolledPersonIds(db: Tx, programmeId: string): Promise<string[]> {
  const rows = await db.select({ personId: enrolments.personId }).from(enrolments).where(eq(enrolments.programmeId, programmeId));
  return rows.map((row) => row.personId);
}

/** Everyone of the cohort: enrolled, not declined, with the directory fields the engine needs. */
export async function cohortMembers(db: Tx, programmeId: string) {
  return db
    .select({
      personId: enrolments.personId,
      role: enrolments.role,
      capacity: enrolments.capacity,
      isSetAside: enrolments.isSetAside,
      employeeId: people.employeeId,
      firstName: people.firstName,
      lastName: people.lastName,
      department: people.department,
      jobTitle: people.jobTitle,
      managerEmployeeId: people.managerEmployeeId,
      languages: people.languages,
      isActive: people.isActive,
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.programmeId, programmeId), ne(enrolments.status, "declined")))
    .orderBy(asc(enrolments.personId));
}

/** Whether an enrolled person has an account: linked to them, or with their work email (see people.repository). */
const hasAccount = (db: Tx) =>
  exists(
    db
      .select({ one: users.id })
      .from(users)
      .where(or(eq(users.personId, enrolments.personId), eq(users.email, people.email))),
  );

/** Enrolled, not declined, still active in the directory: the people a programme's bulk invitation is for. */
const invitable = (programmeId: string) =>
  and(eq(enrolments.programmeId, programmeId), ne(enrolments.status, "declined"), eq(people.isActive, true));

/** Of the people enrolled in a programme (not declined, active in the directory): how many have no account, how many have one. */
export async function countEnrolledByAccount(db: Tx, programmeId: string): Promise<{ withoutAccount: number; withAccount: number }> {
  const [row] = await db
    .select({
      withAccount: sql<number>`count(*) filter (where ${hasAccount(db)})`.mapWith(Number),
      all: count(),
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(invitable(programmeId));
  const withAccount = row?.withAccount ?? 0;
  return { withoutAccount: (row?.all ?? 0) - withAccount, withAccount };
}

/** The next people enrolled in a programme (not declined, active) who have no account, in id order after `afterId`. */
export async function enrolledWithoutAccount(
  db: Tx,
  programmeId: string,
  options: { afterId?: string | undefined; limit: number },
): Promise<{ id: string; firstName: string; lastName: string; email: string }[]> {
  return db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(invitable(programmeId), not(hasAccount(db)), options.afterId ? gt(people.id, options.afterId) : undefined))
    .orderBy(asc(people.id))
    .limit(options.limit);
}

/**
 * Before publishing: the people enrolled (not declined, active) who have no account or have not answered
 * their enrolment, by role and name, at most `limit`; how many there are in all, how many of them have no
 * account, and how many have one but have not answered.
 */
export async function withoutAccountOrAnswer(db: Tx, programmeId: string, limit: number) {
  const where = and(invitable(programmeId), or(not(hasAccount(db)), eq(enrolments.status, "invited")));
  const [counts] = await db
    .select({
      n: count(),
      withoutAccount: sql<number>`count(*) filter (where not ${hasAccount(db)})`.mapWith(Number),
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(where);
  const rows = await db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      department: people.department,
      role: enrolments.role,
      status: enrolments.status,
      hasAccount: sql<boolean>`${hasAccount(db)}`.mapWith(Boolean),
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(where)
    .orderBy(asc(enrolments.role), asc(people.lastName), asc(people.firstName), asc(people.id))
    .limit(limit);
  const total = counts?.n ?? 0;
  const withoutAccount = counts?.withoutAccount ?? 0;
  return { total, withoutAccount, notAnswered: total - withoutAccount, rows };
}

type BoardFilter = {
  role?: ParticipantRole | undefined;
  status?: EnrolmentStatus | undefined;
  completeness?: CompletenessFilter | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

/** A page of the enrolment board, with each person's profile completeness, account and open pair. */
export async function boardPage(db: Tx, programmeId: string, filter: BoardFilter) {
  const conditions: (SQL | undefined)[] = [eq(enrolments.programmeId, programmeId)];
  if (filter.role) conditions.push(eq(enrolments.role, filter.role));
  if (filter.status) conditions.push(eq(enrolments.status, filter.status));
  if (filter.completeness === "none") conditions.push(isNull(profiles.personId));
  if (filter.completeness === "complete") conditions.push(eq(profiles.completeness, 100));
  if (filter.completeness === "incomplete") conditions.push(lt(profiles.completeness, 100));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(or(ilike(people.firstName, pattern), ilike(people.lastName, pattern), ilike(people.employeeId, pattern)));
  }
  const where = and(...conditions);
  const [total] = await db
    .select({ n: count() })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .leftJoin(profiles, eq(profiles.personId, enrolments.personId))
    .where(where);
  const rows = await db
    .select({
      enrolment: enrolments,
      employeeId: people.employeeId,
      firstName: people.firstName,
      lastName: people.lastName,
      department: people.department,
      completeness: profiles.completeness,
      accountId: users.id,
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .leftJoin(profiles, eq(profiles.personId, enrolments.personId))
    .leftJoin(users, eq(users.personId, enrolments.personId))
    .where(where)
    .orderBy(asc(enrolments.role), asc(people.lastName), asc(people.firstName), asc(people.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { total: total?.n ?? 0, rows };
}

/** Counts of the board: by role and status, profile completeness of those not declined, set aside. */
export async function boardCounts(db: Tx, programmeId: string) {
  const byStatus = await db
    .select({ role: enrolments.role, status: enrolments.status, n: count() })
    .from(enrolments)
    .where(eq(enrolments.programmeId, programmeId))
    .groupBy(enrolments.role, enrolments.status);
  const [completeness] = await db
    .select({
      complete: sql<number>`count(*) filter (where ${profiles.completeness} = 100)`.mapWith(Number),
      incomplete: sql<number>`count(*) filter (where ${profiles.completeness} < 100)`.mapWith(Number),
      none: sql<number>`count(*) filter (where ${profiles.personId} is null)`.mapWith(Number),
      setAside: sql<number>`count(*) filter (where ${enrolments.isSetAside})`.mapWith(Number),
    })
    .from(enrolments)
    .leftJoin(profiles, eq(profiles.personId, enrolments.personId))
    .where(and(eq(enrolments.programmeId, programmeId), ne(enrolments.status, "declined")));
  return { byStatus, completeness: completeness ?? { complete: 0, incomplete: 0, none: 0, setAside: 0 } };
}

/* ---------------------------------------------------------------- matching constraints and runs */

export async function listConstraints(db: Tx, programmeId: string) {
  return db
    .select()
    .from(matchingConstraints)
    .where(eq(matchingConstraints.programmeId, programmeId))
    .orderBy(asc(matchingConstraints.createdAt));
}

/** Sets the constraint of a (mentor, mentee) pair: a pair is either locked or forbidden, never both. */
export async function upsertConstraint(tx: Tx, values: typeof matchingConstraints.$inferInsert): Promise<void> {
  await tx
    .insert(matchingConstraints)
    .values(values)
    .onConflictDoUpdate({
      target: [matchingConstraints.programmeId, matchingConstraints.mentorId, matchingConstraints.menteeId],
      set: { kind: values.kind, createdAt: values.createdAt },
    });
}

export async function deleteConstraint(tx: Tx, programmeId: string, mentorId: string, menteeId: string): Promise<number> {
  const deleted = await tx
    .delete(matchingConstraints)
    .where(
      and(
        eq(matchingConstraints.programmeId, programmeId),
        eq(matchingConstraints.mentorId, mentorId),
        eq(matchingConstraints.menteeId, menteeId),
      ),
    )
    .returning({ id: matchingConstraints.mentorId });
  return deleted.length;
}

export type RunRow = typeof matchingRuns.$inferSelect;

export async function insertRun(tx: Tx, values: Omit<typeof matchingRuns.$inferInsert, "number">): Promise<RunRow> {
  const [last] = await tx
    .select({ n: max(matchingRuns.number) })
    .from(matchingRuns)
    .where(eq(matchingRuns.programmeId, values.programmeId));
  const [row] = await tx
    .insert(matchingRuns)
    .values({ ...values, number: (last?.n ?? 0) + 1 })
    .returning();
  if (!row) throw new Error("insert into matching_runs returned nothing");
  return row;
}

/** Runs of a programme without their (large) results, newest first. */
export async function listRuns(db: Tx, programmeId: string) {
  return db
    .select({
      id: matchingRuns.id,
      number: matchingRuns.number,
      createdAt: matchingRuns.createdAt,
      publishedAt: matchingRuns.publishedAt,
      summary: matchingRuns.summary,
    })
    .from(matchingRuns)
    .where(eq(matchingRuns.programmeId, programmeId))
    .orderBy(desc(matchingRuns.number));
}

export async function findRun(db: Tx, programmeId: string, runId: string): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(matchingRuns)
    .where(and(eq(matchingRuns.programmeId, programmeId), eq(matchingRuns.id, runId)));
  return row;
}

export async function markRunPublished(tx: Tx, runId: string, now: Date): Promise<void> {
  await tx.update(matchingRuns).set({ publishedAt: now }).where(eq(matchingRuns.id, runId));
}
