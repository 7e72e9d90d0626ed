/**
 * SQL of the managers' view of one pair: the pair with its programme, what the pair's workspace holds
 * as counts and dates (sessions, goals, notes, action items, resources: read-only joins of the
 * sessions' and goals' tables, which only their contexts write), and the enrolments' status and site
 * of the people a rematch may pair. Nothing here reads a text of the pair's workspace.
 */
import { and, eq, sql } from "drizzle-orm";
import type { EnrolmentStatus } from "../../../contracts/programmes.ts";
import type { Tx } from "../../db/client.ts";
import { actionItems, enrolments, goals, pairResources, pairSessions, pairs, people, programmes, sessionNotes } from "../../db/schema.ts";
import type { ActivityRow } from "./manager-pairs.domain.ts";
import type { PairRow } from "./pairs.repository.ts";

export type PairOfProgramme = { pair: PairRow; programme: { id: string; name: string; phase: typeof programmes.$inferSelect.phase } };

/** One pair of a programme, with the programme's name and phase; undefined when the pair is not of that programme. */
export async function findPairOfProgramme(db: Tx, programmeId: string, pairId: string): Promise<PairOfProgramme | undefined> {
  const [row] = await db
    .select({ pair: pairs, programme: { id: programmes.id, name: programmes.name, phase: programmes.phase } })
    .from(pairs)
    .innerJoin(programmes, eq(programmes.id, pairs.programmeId))
    .where(and(eq(pairs.id, pairId), eq(pairs.programmeId, programmeId)));
  return row;
}

/** Milliseconds since the epoch: the same instant whatever the connection's time zone and driver. */
const epochMs = (value: ReturnType<typeof sql>) => sql`(extract(epoch from ${value}) * 1000)::float8`;

/** The counts and dates of a pair's workspace, as one statement (each part reads its table's pair index). */
export async function pairActivity(db: Tx, pairId: string, now: Date): Promise<ActivityRow> {
  const result = await db.execute(sql`
    with s as (
      select count(*) filter (where ${pairSessions.status} = 'scheduled')::int as scheduled,
             count(*) filter (where ${pairSessions.status} = 'held')::int as held,
             count(*) filter (where ${pairSessions.status} = 'missed')::int as missed,
             count(*) filter (where ${pairSessions.status} = 'cancelled')::int as cancelled,
             ${epochMs(sql`max(${pairSessions.startsAt}) filter (where ${pairSessions.status} = 'held')`)} as last_held_at,
             ${epochMs(sql`min(${pairSessions.startsAt}) filter (where ${pairSessions.status} = 'scheduled' and ${pairSessions.startsAt} >= ${now.toISOString()}::timestamptz)`)} as next_at
      from ${pairSessions} where ${pairSessions.pairId} = ${pairId}::uuid
    ), g as (
      select count(*) filter (where ${goals.status} = 'not_started')::int as not_started,
             count(*) filter (where ${goals.status} = 'in_progress')::int as in_progress,
             count(*) filter (where ${goals.status} = 'achieved')::int as achieved,
             count(*) filter (where ${goals.status} = 'dropped')::int as dropped,
             count(*) filter (where ${goals.signedOffAt} is not null)::int as signed_off
      from ${goals} where ${goals.pairId} = ${pairId}::uuid
    ), n as (
      select count(*)::int as notes_written
      from ${sessionNotes} join ${pairSessions} on ${pairSessions.id} = ${sessionNotes.sessionId}
      where ${pairSessions.pairId} = ${pairId}::uuid and ${sessionNotes.notes} <> ''
    ), a as (
      select count(*) filter (where ${actionItems.doneAt} is null)::int as action_items_open,
             count(*) filter (where ${actionItems.doneAt} is not null)::int as action_items_done
      from ${actionItems} where ${actionItems.pairId} = ${pairId}::uuid
    ), r as (
      select count(*)::int as resources from ${pairResources} where ${pairResources.pairId} = ${pairId}::uuid
    )
    select * from s, g, n, a, r`);
  const [row] = (result as unknown as { rows: Record<string, number | null>[] }).rows;
  const int = (key: string) => Number(row?.[key] ?? 0);
  const date = (key: string) => (row?.[key] === null || row?.[key] === undefined ? null : new Date(Number(row[key])));
  return {
    scheduled: int("scheduled"),
    held: int("held"),
    missed: int("missed"),
    cancelled: int("cancelled"),
    lastHeldAt: date("last_held_at"),
    nextAt: date("next_at"),
    notStarted: int("not_started"),
    inProgress: int("in_progress"),
    achieved: int("achieved"),
    dropped: int("dropped"),
    signedOff: int("signed_off"),
    notesWritten: int("notes_written"),
    actionItemsOpen: int("action_items_open"),
    actionItemsDone: int("action_items_done"),
    resources: int("resources"),
  };
}

/** The enrolment status and the site of each person enrolled in a programme (a rematch offers those who joined). */
export async function enrolmentStatusesAndSites(
  db: Tx,
  programmeId: string,
): Promise<Map<string, { status: EnrolmentStatus; site: string | null }>> {
  const rows = await db
    .select({ personId: enrolments.personId, status: enrolments.status, site: people.site })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(eq(enrolments.programmeId, programmeId));
  return new Map(rows.map((r) => [r.personId, { status: r.status, site: r.site }]));
}
