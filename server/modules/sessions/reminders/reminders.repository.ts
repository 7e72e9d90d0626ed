/**
 * SQL of the session reminders: one set-based query per kind finds its candidates (on the indexes of
 * pair_sessions and action_items), locks them (SKIP LOCKED: another instance's sweep takes the others) and
 * the same transaction writes their marker, so that each reminder goes out once whoever runs the sweep.
 * Reads the pairs, their people and programmes read-only.
 */
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, notExists, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../../../db/client.ts";
import {
  actionItems,
  agendaItems,
  pairEvents,
  pairQuietReminders,
  pairSessions,
  pairs,
  people,
  programmes,
  sessionDigests,
  users,
} from "../../../db/schema.ts";
import type { ProgrammeWeek, SessionOfPair } from "./reminders.domain.ts";

const mentor = alias(people, "mentor");
const mentee = alias(people, "mentee");
const mentorAccount = alias(users, "mentor_account");
const menteeAccount = alias(users, "mentee_account");
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const personColumns = (p: typeof mentor | typeof mentee) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName });

/** A session to remind the day before, with its calendar's `sequence` and who of the pair has an active account. */
export type SessionStarting = SessionOfPair & { sequence: number; hasAccount: Set<string> };

/** Scheduled sessions of active pairs starting in [from, to) not reminded yet, the first `limit` by start. */
function sessionsStartingQuery(db: Tx, window: { from: Date; to: Date }, limit: number) {
  return db
    .select({
      id: pairSessions.id,
      pairId: pairSessions.pairId,
      startsAt: pairSessions.startsAt,
      sequence: pairSessions.sequence,
      mentor: personColumns(mentor),
      mentee: personColumns(mentee),
      mentorAccount: mentorAccount.id,
      menteeAccount: menteeAccount.id,
    })
    .from(pairSessions)
    .innerJoin(pairs, eq(pairs.id, pairSessions.pairId))
    .innerJoin(mentor, eq(mentor.id, pairs.mentorId))
    .innerJoin(mentee, eq(mentee.id, pairs.menteeId))
    .leftJoin(mentorAccount, and(eq(mentorAccount.personId, mentor.id), eq(mentorAccount.status, "active")))
    .leftJoin(menteeAccount, and(eq(menteeAccount.personId, mentee.id), eq(menteeAccount.status, "active")))
    .where(
      and(
        eq(pairSessions.status, "scheduled"),
        gte(pairSessions.startsAt, window.from),
        lt(pairSessions.startsAt, window.to),
        isNull(pairSessions.tomorrowReminderAt),
        eq(pairs.state, "active"),
      ),
    )
    .orderBy(asc(pairSessions.startsAt), asc(pairSessions.id))
    .limit(limit);
}

const toSessionStarting = (r: Awaited<ReturnType<typeof sessionsStartingQuery>>[number]): SessionStarting => ({
  id: r.id,
  pairId: r.pairId,
  startsAt: r.startsAt,
  sequence: r.sequence,
  mentor: { id: r.mentor.id, name: fullName(r.mentor) },
  mentee: { id: r.mentee.id, name: fullName(r.mentee) },
  hasAccount: new Set([r.mentorAccount ? r.mentor.id : null, r.menteeAccount ? r.mentee.id : null].filter((id) => id !== null)),
});

/** The sessions `claimSessionsStarting` would claim now, read without locking anything (to prepare their calendar files). */
export async function sessionsStarting(db: Tx, window: { from: Date; to: Date }, limit: number): Promise<SessionStarting[]> {
  return (await sessionsStartingQuery(db, window, limit)).map(toSessionStarting);
}

/** Those sessions, locked (another instance's claim skips them), then marked reminded at `now`. */
export async function claimSessionsStarting(
  tx: Tx,
  window: { from: Date; to: Date },
  now: Date,
  limit: number,
): Promise<SessionStarting[]> {
  const rows = await sessionsStartingQuery(tx, window, limit).for("update", { of: pairSessions, skipLocked: true });
  if (rows.length)
    await tx
      .update(pairSessions)
      .set({ tomorrowReminderAt: now })
      .where(
        inArray(
          pairSessions.id,
          rows.map((r) => r.id),
        ),
      );
  return rows.map(toSessionStarting);
}

/**
 * Scheduled sessions of active pairs whose agenda was due by `now`, still empty, that have not started and
 * whose mentee was not reminded yet: locked, then marked reminded.
 */
export async function claimEmptyAgendasDue(
  tx: Tx,
  now: Date,
  limit: number,
): Promise<{ id: string; pairId: string; startsAt: Date; menteeId: string }[]> {
  const hasItem = tx.select({ one: sql`1` }).from(agendaItems).where(eq(agendaItems.sessionId, pairSessions.id));
  const rows = await tx
    .select({ id: pairSessions.id, pairId: pairSessions.pairId, startsAt: pairSessions.startsAt, menteeId: pairs.menteeId })
    .from(pairSessions)
    .innerJoin(pairs, eq(pairs.id, pairSessions.pairId))
    .where(
      and(
        eq(pairSessions.status, "scheduled"),
        gt(pairSessions.startsAt, now),
        lte(pairSessions.agendaDueAt, now),
        isNull(pairSessions.agendaReminderAt),
        eq(pairs.state, "active"),
        notExists(hasItem),
      ),
    )
    .orderBy(asc(pairSessions.startsAt), asc(pairSessions.id))
    .limit(limit)
    .for("update", { of: pairSessions, skipLocked: true });
  if (rows.length)
    await tx
      .update(pairSessions)
      .set({ agendaReminderAt: now })
      .where(
        inArray(
          pairSessions.id,
          rows.map((r) => r.id),
        ),
      );
  return rows;
}

/** Open action items of active pairs due on `dueOn` ("YYYY-MM-DD") not reminded yet: locked, then marked reminded. */
export async function claimActionItemsDue(
  tx: Tx,
  dueOn: string,
  now: Date,
  limit: number,
): Promise<{ id: string; pairId: string; ownerPersonId: string; text: string }[]> {
  const rows = await tx
    .select({ id: actionItems.id, pairId: actionItems.pairId, ownerPersonId: actionItems.ownerPersonId, text: actionItems.text })
    .from(actionItems)
    .innerJoin(pairs, eq(pairs.id, actionItems.pairId))
    .where(and(eq(actionItems.dueOn, dueOn), isNull(actionItems.doneAt), isNull(actionItems.reminderAt), eq(pairs.state, "active")))
    .orderBy(asc(actionItems.id))
    .limit(limit)
    .for("update", { of: actionItems, skipLocked: true });
  if (rows.length)
    await tx
      .update(actionItems)
      .set({ reminderAt: now })
      .where(
        inArray(
          actionItems.id,
          rows.map((r) => r.id),
        ),
      );
  return rows;
}

/**
 * Pair `p` (of programme `g`) is quiet: active, its programme running, and its last session that was not
 * cancelled (a future one included) — or, with none, its activation, or its creation — started before `since`.
 */
const isQuiet = (since: Date): SQL => sql`p.state = 'active' and g.phase = 'running'
  and coalesce(
    (select max(s.starts_at) from ${pairSessions} s where s.pair_id = p.id and s.status <> 'cancelled'),
    (select max(e.at) from ${pairEvents} e where e.pair_id = p.id and e.to_state = 'active'),
    p.created_at
  ) <= ${since.toISOString()}::timestamptz`;

type QuietPairRow = {
  pair_id: string;
  mentor_id: string;
  mentor_first_name: string;
  mentor_last_name: string;
  mentee_id: string;
  mentee_first_name: string;
  mentee_last_name: string;
};

/**
 * Quiet pairs not told so since `since`, up to `limit`: their reminder is recorded at `now` (an upsert whose
 * condition another instance's sweep, waiting on the same row, finds false), and they are returned.
 */
export async function claimQuietPairs(
  tx: Tx,
  since: Date,
  now: Date,
  limit: number,
): Promise<{ pairId: string; mentor: { id: string; name: string }; mentee: { id: string; name: string } }[]> {
  const sinceText = since.toISOString();
  const result = await tx.execute(sql`
    with candidates as (
      select p.id from ${pairs} p join ${programmes} g on g.id = p.programme_id
      where ${isQuiet(since)}
        and not exists (select 1 from ${pairQuietReminders} q where q.pair_id = p.id and q.sent_at > ${sinceText}::timestamptz)
      order by p.id
      limit ${limit}
    ), claimed as (
      insert into ${pairQuietReminders} (pair_id, sent_at)
      select id, ${now.toISOString()}::timestamptz from candidates
      on conflict (pair_id) do update set sent_at = excluded.sent_at
        where ${pairQuietReminders}.sent_at <= ${sinceText}::timestamptz
      returning pair_id
    )
    select p.id as pair_id,
      m.id as mentor_id, m.first_name as mentor_first_name, m.last_name as mentor_last_name,
      e.id as mentee_id, e.first_name as mentee_first_name, e.last_name as mentee_last_name
    from claimed c
    join ${pairs} p on p.id = c.pair_id
    join ${people} m on m.id = p.mentor_id
    join ${people} e on e.id = p.mentee_id`);
  return (result as unknown as { rows: QuietPairRow[] }).rows.map((r) => ({
    pairId: r.pair_id,
    mentor: { id: r.mentor_id, name: `${r.mentor_first_name} ${r.mentor_last_name}` },
    mentee: { id: r.mentee_id, name: `${r.mentee_first_name} ${r.mentee_last_name}` },
  }));
}

type ProgrammeWeekRow = {
  programme_id: string;
  programme_name: string;
  held: number | string;
  agendas_missing: number | string;
  quiet: number | string;
};

/**
 * Every running programme with at least one pair, with its week in figures: sessions held in [from, to),
 * sessions of that period (not cancelled) that started with an empty agenda, quiet pairs now (as of `since`).
 */
export async function programmeWeeks(tx: Tx, period: { from: Date; to: Date }, since: Date): Promise<ProgrammeWeek[]> {
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const result = await tx.execute(sql`
    select g.id as programme_id, g.name as programme_name,
      coalesce(h.n, 0)::int as held, coalesce(a.n, 0)::int as agendas_missing, coalesce(q.n, 0)::int as quiet
    from ${programmes} g
    left join (
      select p.programme_id, count(*) as n from ${pairSessions} s join ${pairs} p on p.id = s.pair_id
      where s.status = 'held' and s.starts_at >= ${from}::timestamptz and s.starts_at < ${to}::timestamptz
      group by p.programme_id
    ) h on h.programme_id = g.id
    left join (
      select p.programme_id, count(*) as n from ${pairSessions} s join ${pairs} p on p.id = s.pair_id
      where s.status in ('scheduled', 'held', 'missed') and s.starts_at >= ${from}::timestamptz and s.starts_at < ${to}::timestamptz
        and not exists (select 1 from ${agendaItems} i where i.session_id = s.id)
      group by p.programme_id
    ) a on a.programme_id = g.id
    left join (
      select p.programme_id, count(*) as n from ${pairs} p join ${programmes} g on g.id = p.programme_id
      where ${isQuiet(since)}
      group by p.programme_id
    ) q on q.programme_id = g.id
    where g.phase = 'running' and exists (select 1 from ${pairs} p where p.programme_id = g.id)
    order by g.id`);
  return (result as unknown as { rows: ProgrammeWeekRow[] }).rows.map((r) => ({
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    held: Number(r.held),
    agendasMissing: Number(r.agendas_missing),
    quietPairs: Number(r.quiet),
  }));
}

/** Records these programmes' digest of `week`; returns those not recorded before (by this run or another instance's). */
export async function claimDigests(tx: Tx, programmeIds: string[], week: string, now: Date): Promise<Set<string>> {
  if (!programmeIds.length) return new Set();
  const rows = await tx
    .insert(sessionDigests)
    .values(programmeIds.map((programmeId) => ({ programmeId, week, sentAt: now })))
    .onConflictDoNothing()
    .returning({ programmeId: sessionDigests.programmeId });
  return new Set(rows.map((r) => r.programmeId));
}
