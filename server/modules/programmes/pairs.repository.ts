/** SQL of pairs, their history, intro answers and self-service proposals. */
import { and, asc, count, desc, eq, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import { type EndReason, OPEN_PAIR_STATES, type PairState } from "../../../contracts/pairs.ts";
import type { Tx } from "../../db/client.ts";
import { introAnswers, pairEvents, pairs, programmes, proposals } from "../../db/schema.ts";

export type PairRow = typeof pairs.$inferSelect;
export type PairEventRow = typeof pairEvents.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;

/** Batches keep every statement well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

export async function insertPairs(tx: Tx, values: (typeof pairs.$inferInsert)[]): Promise<PairRow[]> {
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

export async function insertPairEvent(tx: Tx, values: typeof pairEvents.$inferInsert): Promise<void> {
  await insertPairEvents(tx, [values]);
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

export async function findPair(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<PairRow | undefined> {
  const query = db.select().from(pairs).where(eq(pairs.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function updatePair(tx: Tx, id: string, values: Partial<typeof pairs.$inferInsert>): Promise<void> {
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

export async function introAnswersOf(db: Tx, pairIds: string[]) {
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

/** Pairs in intro whose meeting time has passed and whose people were not reminded yet, locked (skipping rows another sweep holds). */
export async function introsToRemind(tx: Tx, now: Date): Promise<PairRow[]> {
  return tx
    .select()
    .from(pairs)
    .where(and(eq(pairs.state, "intro"), lte(pairs.introAt, now), isNull(pairs.introReminderAt)))
    .for("update", { skipLocked: true });
}

export async function markIntroReminded(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length) await tx.update(pairs).set({ introReminderAt: now }).where(inArray(pairs.id, ids));
}

/* ---------------------------------------------------------------- proposals */

export async function insertProposal(tx: Tx, values: typeof proposals.$inferInsert): Promise<ProposalRow> {
  const [row] = await tx.insert(proposals).values(values).returning();
  if (!row) throw new Error("insert into proposals returned nothing");
  return row;
}

export async function findProposal(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ProposalRow | undefined> {
  const query = db.select().from(proposals).where(eq(proposals.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function countOpenProposals(db: Tx, programmeId: string, menteeId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.programmeId, programmeId), eq(proposals.menteeId, menteeId), eq(proposals.status, "open")));
  return row?.n ?? 0;
}

export async function openProposalsOfMentee(db: Tx, programmeId: string, menteeId: string): Promise<ProposalRow[]> {
  return db
    .select()
    .from(proposals)
    .where(and(eq(proposals.programmeId, programmeId), eq(proposals.menteeId, menteeId), eq(proposals.status, "open")));
}

/** Moves open proposals to a decision; proposals no longer open are left as they are. Returns those changed. */
export async function setProposalStatus(
  tx: Tx,
  ids: string[],
  values: { status: ProposalRow["status"]; decidedAt: Date; declineReason?: string | null; pairId?: string | null },
): Promise<ProposalRow[]> {
  if (!ids.length) return [];
  return tx
    .update(proposals)
    .set(values)
    .where(and(inArray(proposals.id, ids), eq(proposals.status, "open")))
    .returning();
}

/** Withdraws the open proposals of a programme sent by or to these people (all of them without `personIds`). */
export async function withdrawOpenProposals(tx: Tx, programmeId: string, personIds: string[] | null, now: Date): Promise<ProposalRow[]> {
  if (personIds && !personIds.length) return [];
  const whose = personIds ? or(inArray(proposals.menteeId, personIds), inArray(proposals.mentorId, personIds)) : undefined;
  return tx
    .update(proposals)
    .set({ status: "withdrawn", decidedAt: now })
    .where(and(eq(proposals.programmeId, programmeId), eq(proposals.status, "open"), whose))
    .returning();
}

/** Proposals a person sent or received, newest first, with the programme's name. */
export async function proposalsOfPerson(db: Tx, personId: string) {
  return db
    .select({ proposal: proposals, programmeName: programmes.name })
    .from(proposals)
    .innerJoin(programmes, eq(programmes.id, proposals.programmeId))
    .where(or(eq(proposals.menteeId, personId), eq(proposals.mentorId, personId)))
    .orderBy(desc(proposals.createdAt));
}

/** Open proposals past their expiry date, locked so that two sweeps never expire one twice. */
export async function expiredOpenProposals(tx: Tx, now: Date): Promise<ProposalRow[]> {
  return tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.status, "open"), lte(proposals.expiresAt, now)))
    .for("update", { skipLocked: true });
}

/** Open proposals expiring before `before` whose mentor has not been reminded yet. */
export async function proposalsToRemind(tx: Tx, before: Date): Promise<ProposalRow[]> {
  return tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.status, "open"), lte(proposals.expiresAt, before), isNull(proposals.expiryNoticeAt)))
    .for("update", { skipLocked: true });
}

export async function markReminded(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length) await tx.update(proposals).set({ expiryNoticeAt: now }).where(inArray(proposals.id, ids));
}

/** Open proposals of a programme's mentees (mentor's view: who asked me). */
export async function openProposalMentorIds(db: Tx, programmeId: string, menteeId: string): Promise<Set<string>> {
  const rows = await db
    .select({ mentorId: proposals.mentorId })
    .from(proposals)
    .where(and(eq(proposals.programmeId, programmeId), eq(proposals.menteeId, menteeId), eq(proposals.status, "open")));
  return new Set(rows.map((r) => r.mentorId));
}
