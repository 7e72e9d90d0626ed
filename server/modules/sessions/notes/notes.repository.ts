/**
 * SQL of the notes, journal, action items and resources of a pair's sessions. Reads the sessions'
 * table (a session's pair and time) and the directory (names of the people) read-only.
 */
import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { ActionItem, Resource } from "../../../../contracts/session-notes.ts";
import type { Tx } from "../../../db/client.ts";
import { actionItems, pairResources, pairSessions, people, sessionNotes } from "../../../db/schema.ts";
import type { NotesRow, SessionFacts } from "./notes.domain.ts";

export type SessionRow = SessionFacts & { id: string; pairId: string };

/** A session's pair and time, or undefined when there is no such session. */
export async function findSession(db: Tx, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select({ id: pairSessions.id, pairId: pairSessions.pairId, status: pairSessions.status, startsAt: pairSessions.startsAt })
    .from(pairSessions)
    .where(eq(pairSessions.id, sessionId));
  return row;
}

/* ---------------------------------------------------------------- notes and journal */

/** Each author's notes for a session, by author. */
export async function notesOfSession(db: Tx, sessionId: string): Promise<Map<string, NotesRow>> {
  const rows = await db
    .select({
      authorPersonId: sessionNotes.authorPersonId,
      notes: sessionNotes.notes,
      journal: sessionNotes.journal,
      isShared: sessionNotes.isShared,
      updatedAt: sessionNotes.updatedAt,
    })
    .from(sessionNotes)
    .where(eq(sessionNotes.sessionId, sessionId));
  return new Map(rows.map(({ authorPersonId, ...row }) => [authorPersonId, row]));
}

/** Writes (or rewrites) one author's notes and journal for a session. */
export async function saveNotes(
  tx: Tx,
  values: { sessionId: string; authorPersonId: string; notes: string; journal: string; isShared: boolean },
  now: Date,
): Promise<void> {
  await tx
    .insert(sessionNotes)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [sessionNotes.sessionId, sessionNotes.authorPersonId],
      set: { notes: values.notes, journal: values.journal, isShared: values.isShared, updatedAt: now },
    });
}

/** One person's journal entries over a pair's sessions, the latest session first. */
export async function journalOf(db: Tx, pairId: string, personId: string) {
  const rows = await db
    .select({
      sessionId: sessionNotes.sessionId,
      sessionStartsAt: pairSessions.startsAt,
      journal: sessionNotes.journal,
      updatedAt: sessionNotes.updatedAt,
    })
    .from(sessionNotes)
    .innerJoin(pairSessions, eq(pairSessions.id, sessionNotes.sessionId))
    .where(and(eq(pairSessions.pairId, pairId), eq(sessionNotes.authorPersonId, personId), ne(sql`btrim(${sessionNotes.journal})`, "")))
    .orderBy(desc(pairSessions.startsAt));
  return rows.map((row) => ({ ...row, sessionStartsAt: row.sessionStartsAt.toISOString(), updatedAt: row.updatedAt.toISOString() }));
}

/* ---------------------------------------------------------------- action items */

export type ActionItemRow = typeof actionItems.$inferSelect;

function presentActionItem(row: {
  item: ActionItemRow;
  sessionStartsAt: Date;
  owner: { id: string; firstName: string; lastName: string; department: string | null };
}): ActionItem {
  const { item } = row;
  return {
    id: item.id,
    sessionId: item.sessionId,
    sessionStartsAt: row.sessionStartsAt.toISOString(),
    text: item.text,
    owner: row.owner,
    dueOn: item.dueOn,
    doneAt: item.doneAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
  };
}

function actionItemsQuery(db: Tx) {
  return db
    .select({
      item: actionItems,
      sessionStartsAt: pairSessions.startsAt,
      owner: { id: people.id, firstName: people.firstName, lastName: people.lastName, department: people.department },
    })
    .from(actionItems)
    .innerJoin(pairSessions, eq(pairSessions.id, actionItems.sessionId))
    .innerJoin(people, eq(people.id, actionItems.ownerPersonId));
}

/** A pair's action items (only those not done with `openOnly`): open first, then by due date, then oldest first. */
export async function actionItemsOfPair(db: Tx, pairId: string, options: { openOnly?: boolean } = {}): Promise<ActionItem[]> {
  const rows = await actionItemsQuery(db)
    .where(and(eq(actionItems.pairId, pairId), options.openOnly ? isNull(actionItems.doneAt) : undefined))
    .orderBy(
      sql`${actionItems.doneAt} is not null`,
      sql`${actionItems.dueOn} asc nulls last`,
      asc(actionItems.createdAt),
      asc(actionItems.id),
    );
  return rows.map(presentActionItem);
}

export async function actionItemById(db: Tx, id: string): Promise<ActionItem | undefined> {
  const [row] = await actionItemsQuery(db).where(eq(actionItems.id, id));
  return row ? presentActionItem(row) : undefined;
}

export async function findActionItem(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ActionItemRow | undefined> {
  const query = db.select().from(actionItems).where(eq(actionItems.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertActionItem(tx: Tx, values: typeof actionItems.$inferInsert): Promise<string> {
  const [row] = await tx.insert(actionItems).values(values).returning({ id: actionItems.id });
  if (!row) throw new Error("insert into action_items returned nothing");
  return row.id;
}

export async function updateActionItem(
  tx: Tx,
  id: string,
  values: Partial<Pick<ActionItemRow, "text" | "ownerPersonId" | "dueOn" | "doneAt" | "reminderAt">>,
): Promise<void> {
  if (!Object.keys(values).length) return;
  await tx.update(actionItems).set(values).where(eq(actionItems.id, id));
}

export async function deleteActionItem(tx: Tx, id: string): Promise<void> {
  await tx.delete(actionItems).where(eq(actionItems.id, id));
}

/* ---------------------------------------------------------------- resources */

export type ResourceRow = typeof pairResources.$inferSelect;

/** A pair's resources, the latest added first. */
export async function resourcesOfPair(db: Tx, pairId: string): Promise<Resource[]> {
  const rows = await db
    .select({
      resource: pairResources,
      addedBy: { id: people.id, firstName: people.firstName, lastName: people.lastName, department: people.department },
    })
    .from(pairResources)
    .leftJoin(people, eq(people.id, pairResources.addedByPersonId))
    .where(eq(pairResources.pairId, pairId))
    .orderBy(desc(pairResources.createdAt), desc(pairResources.id));
  return rows.map(({ resource, addedBy }) => ({
    id: resource.id,
    title: resource.title,
    url: resource.url,
    addedBy: addedBy?.id ? addedBy : null,
    createdAt: resource.createdAt.toISOString(),
  }));
}

export async function findResource(db: Tx, id: string): Promise<ResourceRow | undefined> {
  const [row] = await db.select().from(pairResources).where(eq(pairResources.id, id));
  return row;
}

export async function insertResource(tx: Tx, values: typeof pairResources.$inferInsert): Promise<string> {
  const [row] = await tx.insert(pairResources).values(values).returning({ id: pairResources.id });
  if (!row) throw new Error("insert into pair_resources returned nothing");
  return row.id;
}

export async function deleteResource(tx: Tx, id: string): Promise<void> {
  await tx.delete(pairResources).where(eq(pairResources.id, id));
}
