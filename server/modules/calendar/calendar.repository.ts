/** The calendar context's SQL: its feeds, and read-only views of the sessions it writes as events. */
import { asc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Locale } from "../../../contracts/accounts.ts";
import type { Tx } from "../../db/client.ts";
import { pairSessions, pairs, people, programmes, users } from "../../db/schema.ts";

/** A session with what its calendar event shows: both people (names, emails) and the programme. */
export type SessionForCalendar = {
  id: string;
  pairId: string;
  startsAt: Date;
  endsAt: Date;
  status: (typeof pairSessions.$inferSelect)["status"];
  sequence: number;
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
