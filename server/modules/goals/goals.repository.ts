/**
 * SQL of the goals context: a pair's goals and their progress updates. Reads the pair's held sessions
 * (pair_sessions, the sessions context's table) read-only, for the agreement asked before session 3.
 */
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { GOAL_STATUSES, type GoalCounts, type GoalStatus } from "../../../contracts/goals.ts";
import type { Tx } from "../../db/client.ts";
import { goals, goalUpdates, pairSessions } from "../../db/schema.ts";
import type { NewGoal, NewGoalUpdate } from "./goals.domain.ts";

export type GoalRow = typeof goals.$inferSelect;
export type GoalUpdateRow = typeof goalUpdates.$inferSelect;

/** Batches keep every statement well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

export async function insertGoal(tx: Tx, values: NewGoal): Promise<GoalRow> {
  const [row] = await tx.insert(goals).values(values).returning();
  if (!row) throw new Error("no goal written");
  return row;
}

/** A goal; `forUpdate` locks its row, so that two updates of one goal happen one after the other. */
export async function findGoal(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<GoalRow | undefined> {
  const query = tx.select().from(goals).where(eq(goals.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function updateGoal(tx: Tx, id: string, values: Partial<typeof goals.$inferInsert>): Promise<void> {
  await tx.update(goals).set(values).where(eq(goals.id, id));
}

export async function insertGoalUpdate(tx: Tx, values: NewGoalUpdate): Promise<void> {
  await tx.insert(goalUpdates).values(values);
}

/** A pair's goals, oldest first (the order they were written in). */
export async function goalsOfPair(tx: Tx, pairId: string): Promise<GoalRow[]> {
  return tx.select().from(goals).where(eq(goals.pairId, pairId)).orderBy(asc(goals.createdAt), asc(goals.id));
}

/** The updates of these goals, newest first. */
export async function updatesOfGoals(tx: Tx, goalIds: string[]): Promise<GoalUpdateRow[]> {
  if (!goalIds.length) return [];
  const rows: GoalUpdateRow[] = [];
  for (let k = 0; k < goalIds.length; k += BATCH)
    rows.push(
      ...(await tx
        .select()
        .from(goalUpdates)
        .where(inArray(goalUpdates.goalId, goalIds.slice(k, k + BATCH)))
        .orderBy(desc(goalUpdates.createdAt), desc(goalUpdates.id))),
    );
  return rows;
}

/** How many sessions of the pair were held. */
export async function countHeldSessions(tx: Tx, pairId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(pairSessions)
    .where(and(eq(pairSessions.pairId, pairId), eq(pairSessions.status, "held")));
  return row?.n ?? 0;
}

const noGoals = (): GoalCounts => ({
  total: 0,
  byStatus: Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<GoalStatus, number>,
  signedOff: 0,
});

/**
 * Per pair, how many goals it has by status and how many achieved ones were signed off: what the
 * programme's managers may know of a pair's goals (never their words). Every pair asked for is in the
 * answer, with zeros when it has no goal.
 */
export async function goalCountsOfPairs(db: Tx, pairIds: readonly string[]): Promise<Map<string, GoalCounts>> {
  const out = new Map<string, GoalCounts>(pairIds.map((id) => [id, noGoals()]));
  const unique = [...new Set(pairIds)];
  const isSignedOff = sql<boolean>`(${goals.signedOffAt} is not null)`;
  for (let k = 0; k < unique.length; k += BATCH) {
    const rows = await db
      .select({ pairId: goals.pairId, status: goals.status, isSignedOff, n: count() })
      .from(goals)
      .where(inArray(goals.pairId, unique.slice(k, k + BATCH)))
      .groupBy(goals.pairId, goals.status, isSignedOff);
    for (const row of rows) {
      const counts = out.get(row.pairId) as GoalCounts;
      counts.total += row.n;
      counts.byStatus[row.status] += row.n;
      if (row.isSignedOff) counts.signedOff += row.n;
    }
  }
  return out;
}

/** A pair's goals in a few words (id, who learns, statement, status): for the agenda's links to goals. */
export async function goalSummariesOfPair(
  db: Tx,
  pairId: string,
): Promise<{ id: string; learnerRole: GoalRow["learnerRole"]; statement: string; status: GoalStatus }[]> {
  return db
    .select({ id: goals.id, learnerRole: goals.learnerRole, statement: goals.statement, status: goals.status })
    .from(goals)
    .where(eq(goals.pairId, pairId))
    .orderBy(asc(goals.createdAt), asc(goals.id));
}
