/** The calendar context's SQL: its feeds, and read-only views of the sessions it writes as events. */
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Locale } from "../../../contracts/accounts.ts";
import type { Tx } from "../../db/client.ts";
import { calendarFeeds, pairSessions, pairs, people, programmes, users } from "../../db/schema.ts";

/** A session with what its calendar event shows: both people (names, emails) and the programme. */
export type SessionForCalendar = {
  id: string;
  pairId: string;
  startsAt: Date;
  endsAt: Date;
  status: (typeof pairSessions.$inferSelect)["status"];
  sequence: number;
  updatedAt: Date;
  mode: (typeof pairSessions.$inferSelect)["mode"];
  location: string;
  programmeName: string;
  mentor: { id: string; name: string; email: string };
  mentee: { id: string; name: string; email: string };
};

/** The sessions of these ids, or every session of the pairs `personId` belongs to. */
export async function sessionsForCalendar(
  db: Tx,
  filter: { sessionIds: readonly string[] } | { personId: string },
): Promise<SessionForCalendar[]> {
  const mentor = alias(people, "mentor");
  const mentee = alias(people, "mentee");
  const where =
    "sessionIds" in filter
      ? filter.sessionIds.length
        ? inArray(pairSessions.id, [...filter.sessionIds])
        : undefined
      : or(eq(pairs.mentorId, filter.personId), eq(pairs.menteeId, filter.personId));
  if (!where) return [];
  const rows = await db
    .select({
      session: pairSessions,
      programmeName: programmes.name,
      mentor: { id: mentor.id, firstName: mentor.firstName, lastName: mentor.lastName, email: mentor.email },
      mentee: { id: mentee.id, firstName: mentee.firstName, lastName: mentee.lastName, email: mentee.email },
    })
    .from(pairSessions)
    .innerJoin(pairs, eq(pairs.id, pairSessions.pairId))
    .innerJoin(programmes, eq(programmes.id, pairs.programmeId))
    .innerJoin(mentor, eq(mentor.id, pairs.mentorId))
    .innerJoin(mentee, eq(mentee.id, pairs.menteeId))
    .where(where)
    .orderBy(asc(pairSessions.startsAt));
  const person = (p: { id: string; firstName: string; lastName: string; email: string }) => ({
    id: p.id,
    name: `${p.firstName} ${p.lastName}`,
    email: p.email,
  });
  return rows.map((r) => ({
    id: r.session.id,
    pairId: r.session.pairId,
    startsAt: r.session.startsAt,
    endsAt: r.session.endsAt,
    status: r.session.status,
    sequence: r.session.sequence,
    updatedAt: r.session.updatedAt,
    mode: r.session.mode,
    location: r.session.location,
    programmeName: r.programmeName,
    mentor: person(r.mentor),
    mentee: person(r.mentee),
  }));
}

/** A person's language (their account's, French without one) and time zone (the directory's). */
export async function readerOf(db: Tx, personId: string): Promise<{ locale: Locale; timeZone: string } | undefined> {
  const [row] = await db
    .select({ timeZone: people.timeZone, locale: users.locale })
    .from(people)
    .leftJoin(users, eq(users.personId, people.id))
    .where(eq(people.id, personId));
  return row ? { timeZone: row.timeZone, locale: row.locale ?? "fr" } : undefined;
}

/** The pair a session belongs to, or undefined for an unknown session. */
export async function pairOfSession(db: Tx, sessionId: string): Promise<string | undefined> {
  const [row] = await db.select({ pairId: pairSessions.pairId }).from(pairSessions).where(eq(pairSessions.id, sessionId));
  return row?.pairId;
}

/** My feed's creation date, or undefined when I have none. */
export async function feedOf(db: Tx, userId: string): Promise<{ createdAt: Date } | undefined> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

/** Creates my feed, or replaces its token (the previous URL stops working at once). */
export async function saveFeed(tx: Tx, userId: string, tokenHash: string, now: Date): Promise<void> {
  await tx
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } });
}

/** Revokes my feed; false when there was none. */
export async function deleteFeed(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId });
  return rows.length > 0;
}

/** Whose feed a token hash opens: an active account's only (a disabled account's feed answers nothing). */
export async function feedOwner(db: Tx, tokenHash: string): Promise<{ personId: string | null; locale: Locale } | undefined> {
  const [row] = await db
    .select({ personId: users.personId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.status, "active")));
  return row;
}
