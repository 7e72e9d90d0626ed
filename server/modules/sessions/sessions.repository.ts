/**
 * SQL of a pair's sessions and their agenda. Reads other contexts' tables read-only: the pair's goals
 * (to link one), its open action items (to offer them for the agenda), both people's availability
 * (profiles), a person's name and time zone (people).
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { actionItems, agendaItems, goals, pairSessions, pairs, people, profiles } from "../../db/schema.ts";

export type SessionRow = typeof pairSessions.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;

export async function findSession(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<SessionRow | undefined> {
  const query = tx.select().from(pairSessions).where(eq(pairSessions.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertSession(tx: Tx, values: typeof pairSessions.$inferInsert): Promise<SessionRow> {
  const [row] = await tx.insert(pairSessions).values(values).returning();
  if (!row) throw new Error("no session written");
  return row;
}

export async function updateSession(tx: Tx, id: string, values: Partial<typeof pairSessions.$inferInsert>): Promise<void> {
  await tx.update(pairSessions).set(values).where(eq(pairSessions.id, id));
}

/** The pair's sessions in order of time, each with its number of agenda items. */
export async function sessionsOfPair(tx: Tx, pairId: string): Promise<(SessionRow & { agendaCount: number })[]> {
  const counts = tx
    .select({ sessionId: agendaItems.sessionId, n: count().as("n") })
    .from(agendaItems)
    .innerJoin(pairSessions, eq(pairSessions.id, agendaItems.sessionId))
    .where(eq(pairSessions.pairId, pairId))
    .groupBy(agendaItems.sessionId)
    .as("counts");
  const rows = await tx
    .select({ session: pairSessions, n: counts.n })
    .from(pairSessions)
    .leftJoin(counts, eq(counts.sessionId, pairSessions.id))
    .where(eq(pairSessions.pairId, pairId))
    .orderBy(asc(pairSessions.startsAt), asc(pairSessions.id));
  return rows.map((r) => ({ ...r.session, agendaCount: Number(r.n ?? 0) }));
}

/** The pair's scheduled sessions (but `exceptId`): the times taken. */
export async function scheduledSlotsOfPair(tx: Tx, pairId: string, exceptId?: string): Promise<{ startsAt: Date; endsAt: Date }[]> {
  return tx
    .select({ startsAt: pairSessions.startsAt, endsAt: pairSessions.endsAt })
    .from(pairSessions)
    .where(
      and(eq(pairSessions.pairId, pairId), eq(pairSessions.status, "scheduled"), exceptId ? ne(pairSessions.id, exceptId) : undefined),
    );
}

/** The pair's state and people, its row locked (a closed pair's sessions are cancelled under it). */
export async function pairForUpdate(tx: Tx, pairId: string) {
  const [row] = await tx
    .select({ state: pairs.state, mentorId: pairs.mentorId, menteeId: pairs.menteeId })
    .from(pairs)
    .where(eq(pairs.id, pairId))
    .for("update");
  return row;
}

/** Cancels the pair's sessions scheduled after `now` (SEQUENCE + 1 each); returns them. */
export async function cancelSessionsAfter(
  tx: Tx,
  pairId: string,
  now: Date,
  values: Pick<typeof pairSessions.$inferInsert, "status" | "cancelReason" | "statusByPersonId" | "statusAt" | "updatedAt">,
): Promise<{ id: string; startsAt: Date }[]> {
  return tx
    .update(pairSessions)
    .set({ ...values, sequence: sql`${pairSessions.sequence} + 1` })
    .where(and(eq(pairSessions.pairId, pairId), eq(pairSessions.status, "scheduled"), gt(pairSessions.startsAt, now)))
    .returning({ id: pairSessions.id, startsAt: pairSessions.startsAt });
}

/**
 * The agenda of the programme's sessions scheduled after `now` is now due `hours` before their start
 * (sessions.domain.ts: agendaDueAt); the reminder of those whose deadline moved is re-armed. Returns how many moved.
 */
export async function moveAgendaDeadlines(tx: Tx, programmeId: string, hours: number, now: Date): Promise<number> {
  const dueAt = sql`${pairSessions.startsAt} - make_interval(hours => ${hours}::int)`;
  const moved = await tx
    .update(pairSessions)
    .set({ agendaDueAt: dueAt, agendaReminderAt: null })
    .where(
      and(
        inArray(pairSessions.pairId, tx.select({ id: pairs.id }).from(pairs).where(eq(pairs.programmeId, programmeId))),
        eq(pairSessions.status, "scheduled"),
        gt(pairSessions.startsAt, now),
        ne(pairSessions.agendaDueAt, dueAt),
      ),
    )
    .returning({ id: pairSessions.id });
  return moved.length;
}

/** When the pair's latest session that was not cancelled starts (the cadence counts from it). */
export async function lastSessionStart(tx: Tx, pairId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ startsAt: pairSessions.startsAt })
    .from(pairSessions)
    .where(and(eq(pairSessions.pairId, pairId), ne(pairSessions.status, "cancelled")))
    .orderBy(desc(pairSessions.startsAt))
    .limit(1);
  return row?.startsAt ?? null;
}

/* ---------------------------------------------------------------- agenda */

export async function agendaOf(tx: Tx, sessionId: string): Promise<AgendaItemRow[]> {
  return tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.sessionId, sessionId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

export async function findAgendaItem(tx: Tx, id: string): Promise<AgendaItemRow | undefined> {
  const [row] = await tx.select().from(agendaItems).where(eq(agendaItems.id, id));
  return row;
}

/** Adds an item at the end of the agenda (the session's row is locked by the caller: positions do not collide). */
export async function insertAgendaItem(tx: Tx, values: Omit<typeof agendaItems.$inferInsert, "position">): Promise<AgendaItemRow> {
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${agendaItems.position}), 0)` })
    .from(agendaItems)
    .where(eq(agendaItems.sessionId, values.sessionId));
  const [row] = await tx
    .insert(agendaItems)
    .values({ ...values, position: Number(last?.position ?? 0) + 1 })
    .returning();
  if (!row) throw new Error("no agenda item written");
  return row;
}

/** Changes an item; with nothing to change, returns it as it is. */
export async function updateAgendaItem(tx: Tx, id: string, values: Partial<Pick<AgendaItemRow, "kind" | "text" | "goalId">>) {
  if (!Object.keys(values).length) return findAgendaItem(tx, id);
  const [row] = await tx.update(agendaItems).set(values).where(eq(agendaItems.id, id)).returning();
  return row;
}

export async function deleteAgendaItem(tx: Tx, id: string): Promise<void> {
  await tx.delete(agendaItems).where(eq(agendaItems.id, id));
}

/* ---------------------------------------------------------------- other contexts, read-only */

/** Whether a goal belongs to the pair (goals context's table). */
export async function isGoalOfPair(tx: Tx, goalId: string, pairId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.pairId, pairId)));
  return Boolean(row);
}

/** The pair's action items not done yet, oldest first (notes' table). */
export async function openActionItems(tx: Tx, pairId: string) {
  return tx
    .select({ id: actionItems.id, text: actionItems.text, ownerPersonId: actionItems.ownerPersonId, dueOn: actionItems.dueOn })
    .from(actionItems)
    .where(and(eq(actionItems.pairId, pairId), isNull(actionItems.doneAt)))
    .orderBy(asc(actionItems.createdAt), asc(actionItems.id));
}

/** One open action item of the pair, or undefined. */
export async function openActionItemOfPair(tx: Tx, id: string, pairId: string) {
  const [row] = await tx
    .select({ id: actionItems.id })
    .from(actionItems)
    .where(and(eq(actionItems.id, id), eq(actionItems.pairId, pairId), isNull(actionItems.doneAt)));
  return row;
}

/** The weekly availability ("tue:lunch"…) each person gave on their profile ([] without a profile). */
export async function availabilityOf(tx: Tx, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = personIds.length
    ? await tx
        .select({ personId: profiles.personId, availability: profiles.availability })
        .from(profiles)
        .where(inArray(profiles.personId, [...personIds]))
    : [];
  return new Map(rows.map((r) => [r.personId, r.availability]));
}

/** A person's full name and time zone (the directory's). */
export async function personOf(tx: Tx, personId: string): Promise<{ name: string; timeZone: string } | undefined> {
  const [row] = await tx
    .select({ firstName: people.firstName, lastName: people.lastName, timeZone: people.timeZone })
    .from(people)
    .where(eq(people.id, personId));
  return row ? { name: `${row.firstName} ${row.lastName}`, timeZone: row.timeZone } : undefined;
}
