/**
 * SQL of pairs, their history (pair_events) and intro answers. Reads join the programme (its name) and
 * the people of a pair (their names) and the enrolments (who needs a new match) read-only.
 */
import { and, asc, count, desc, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type EndReason, OPEN_PAIR_STATES, type PairState } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Tx } from "../../db/client.ts";
import { enrolments, introAnswers, pairEvents, pairs, people, programmes } from "../../db/schema.ts";
import type { PairFacts } from "./pairs.domain.ts";

export type PairRow = typeof pairs.$inferSelect;
export type NewPairRow = typeof pairs.$inferInsert;
export type PairEventRow = typeof pairEvents.$inferSelect;
export type IntroAnswerRow = typeof introAnswers.$inferSelect;

/** Batches keep every statement well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

export async function insertPairs(tx: Tx, values: NewPairRow[]): Promise<PairRow[]> {
  const rows: PairRow[] = [];
  for (let k = 0; k < values.length; k += BATCH)
    rows.push(
      ...(await tx
        .insert(pairs)
        .values(values.slice(k, k + BATCH))
        .returning()),
    );
  return rows;
}

export async function insertPairEvents(tx: Tx, values: (typeof pairEvents.$inferInsert)[]): Promise<void> {
  for (let k = 0; k < values.length; k += BATCH) await tx.insert(pairEvents).values(values.slice(k, k + BATCH));
}

/** A programme's open pairs, locked: closing waits for a pair action under way, then sees its result. */
export async function openPairsForUpdate(tx: Tx, programmeId: string): Promise<PairRow[]> {
  return tx
    .select()
    .from(pairs)
    .where(and(eq(pairs.programmeId, programmeId), inArray(pairs.state, OPEN_PAIR_STATES)))
    .orderBy(asc(pairs.id))
    .for("update");
}

export async function setPairStates(
  tx: Tx,
  ids: string[],
  values: { state: PairState; updatedAt: Date; endReason?: EndReason },
): Promise<void> {
  for (let k = 0; k < ids.length; k += BATCH)
    await tx
      .update(pairs)
      .set(values)
      .where(inArray(pairs.id, ids.slice(k, k + BATCH)));
}

/** Earlier pairs of a programme that closed (not a fit, ended early): they are not formed again. */
export async function closedPairsOf(db: Tx, programmeId: string): Promise<{ mentorId: string; menteeId: string }[]> {
  return db
    .select({ mentorId: pairs.mentorId, menteeId: pairs.menteeId })
    .from(pairs)
    .where(and(eq(pairs.programmeId, programmeId), inArray(pairs.state, ["not_a_fit", "ended_early"])));
}

/** Open pairs (intro or active) of a programme, for the cohort's remaining capacities and who is free. */
export async function openPairsOf(db: Tx, programmeId: string): Promise<{ mentorId: string; menteeId: string; state: PairState }[]> {
  return db
    .select({ mentorId: pairs.mentorId, menteeId: pairs.menteeId, state: pairs.state })
    .from(pairs)
    .where(and(eq(pairs.programmeId, programmeId), inArray(pairs.state, OPEN_PAIR_STATES)));
}

/**
 * A pair with what a decision about it needs (its programme's name, its people's names), its row locked
 * until the transaction ends: two actions on one pair run one after the other.
 */
export async function findPairForUpdate(tx: Tx, id: string): Promise<(PairFacts & { row: PairRow }) | undefined> {
  const mentor = alias(people, "mentor");
  const mentee = alias(people, "mentee");
  const [found] = await tx
    .select({
      row: pairs,
      programmeName: programmes.name,
      mentorName: sql<string>`${mentor.firstName} || ' ' || ${mentor.lastName}`,
      menteeName: sql<string>`${mentee.firstName} || ' ' || ${mentee.lastName}`,
    })
    .from(pairs)
    .innerJoin(programmes, eq(programmes.id, pairs.programmeId))
    .innerJoin(mentor, eq(mentor.id, pairs.mentorId))
    .innerJoin(mentee, eq(mentee.id, pairs.menteeId))
    .where(eq(pairs.id, id))
    .for("update", { of: pairs });
  if (!found) return undefined;
  const { row } = found;
  return {
    row,
    id: row.id,
    programmeId: row.programmeId,
    programmeName: found.programmeName,
    mentorId: row.mentorId,
    menteeId: row.menteeId,
    mentorName: found.mentorName,
    menteeName: found.menteeName,
    state: row.state,
    completionAgreedBy: row.completionAgreedBy,
  };
}

export async function updatePair(tx: Tx, id: string, values: Partial<NewPairRow>): Promise<void> {
  await tx.update(pairs).set(values).where(eq(pairs.id, id));
}

/** Open pairs (intro, active) of a mentor in a programme. */
export async function countOpenPairsOfMentor(db: Tx, programmeId: string, mentorId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pairs)
    .where(and(eq(pairs.programmeId, programmeId), eq(pairs.mentorId, mentorId), inArray(pairs.state, OPEN_PAIR_STATES)));
  return row?.n ?? 0;
}

/** Whether a person is in an open pair of a programme, as mentor or mentee. */
export async function hasOpenPair(db: Tx, programmeId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: pairs.id })
    .from(pairs)
    .where(
      and(
        eq(pairs.programmeId, programmeId),
        inArray(pairs.state, OPEN_PAIR_STATES),
        or(eq(pairs.menteeId, personId), eq(pairs.mentorId, personId)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Pairs in which a person is mentor or mentee, newest first, with their programme. */
export async function pairsOfPerson(db: Tx, personId: string) {
  return db
    .select({ pair: pairs, programmeName: programmes.name, requiresOnboarding: programmes.requiresOnboarding })
    .from(pairs)
    .innerJoin(programmes, eq(programmes.id, pairs.programmeId))
    .where(or(eq(pairs.mentorId, personId), eq(pairs.menteeId, personId)))
    .orderBy(desc(pairs.createdAt));
}

export async function programmeExists(db: Tx, programmeId: string): Promise<boolean> {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId));
  return Boolean(row);
}

/** Names of programmes, by id (for the reminders' text). */
export async function programmeNames(db: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(inArray(programmes.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A page of a programme's pairs (managers), with the counts by state. */
export async function pairsOfProgramme(
  db: Tx,
  programmeId: string,
  filter: { state?: PairState | undefined; page: number; pageSize: number },
) {
  const where: SQL | undefined = and(eq(pairs.programmeId, programmeId), filter.state ? eq(pairs.state, filter.state) : undefined);
  const [total] = await db.select({ n: count() }).from(pairs).where(where);
  const rows = await db
    .select()
    .from(pairs)
    .where(where)
    .orderBy(desc(pairs.updatedAt), asc(pairs.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const byState = await db
    .select({ state: pairs.state, n: count() })
    .from(pairs)
    .where(eq(pairs.programmeId, programmeId))
    .groupBy(pairs.state);
  return { total: total?.n ?? 0, rows, byState };
}

export async function eventsOf(db: Tx, pairIds: string[]): Promise<PairEventRow[]> {
  if (!pairIds.length) return [];
  return db.select().from(pairEvents).where(inArray(pairEvents.pairId, pairIds)).orderBy(asc(pairEvents.seq));
}

export async function introAnswersOf(db: Tx, pairIds: string[]): Promise<IntroAnswerRow[]> {
  if (!pairIds.length) return [];
  return db.select().from(introAnswers).where(inArray(introAnswers.pairId, pairIds));
}

/** Intro answers of all the programme's pairs (manager counts). */
export async function introAnswersOfProgramme(db: Tx, programmeId: string) {
  return db
    .select({ isFit: introAnswers.isFit })
    .from(introAnswers)
    .innerJoin(pairs, eq(pairs.id, introAnswers.pairId))
    .where(eq(pairs.programmeId, programmeId));
}

export async function upsertIntroAnswer(tx: Tx, values: typeof introAnswers.$inferInsert): Promise<void> {
  await tx
    .insert(introAnswers)
    .values(values)
    .onConflictDoUpdate({
      target: [introAnswers.pairId, introAnswers.personId],
      set: { isFit: values.isFit, reason: values.reason ?? null, answeredAt: values.answeredAt },
    });
}

/** Pairs in intro whose meeting started before `until` and whose people were not reminded yet, locked (skipping rows another sweep holds). */
export async function introsToRemind(tx: Tx, until: Date): Promise<PairRow[]> {
  return tx
    .select()
    .from(pairs)
    .where(and(eq(pairs.state, "intro"), lte(pairs.introAt, until), isNull(pairs.introReminderAt)))
    .for("update", { skipLocked: true });
}

export async function markIntroReminded(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length) await tx.update(pairs).set({ introReminderAt: now }).where(inArray(pairs.id, ids));
}

/** People of a programme (not declined, not set aside) whose latest pair closed as "not a fit" and who have no open pair. */
export async function needsRematch(db: Tx, programmeId: string): Promise<{ personId: string; role: ParticipantRole }[]> {
  const result = await db.execute(sql`
    select e.person_id, e.role from ${enrolments} e
    where e.programme_id = ${programmeId}::uuid and e.status <> 'declined' and not e.is_set_aside
      and (select p.state from ${pairs} p
           where p.programme_id = e.programme_id and (p.mentor_id = e.person_id or p.mentee_id = e.person_id)
           order by p.created_at desc, p.id desc limit 1) = 'not_a_fit'
      and not exists (select 1 from ${pairs} p where p.programme_id = e.programme_id and p.state in ('intro', 'active')
                  and (p.mentor_id = e.person_id or p.mentee_id = e.person_id))`);
  const rows = (result as unknown as { rows: { person_id: string; role: ParticipantRole }[] }).rows;
  return rows.map((r) => ({ personId: r.person_id, role: r.role }));
}
