/**
 * SQL of the goals context: a pair's goals and their progress updates. Reads the pair's held sessions
 * (pair_sessions, the sessions context's table) read-only, for the agreement asked before session 3.
 */
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
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
