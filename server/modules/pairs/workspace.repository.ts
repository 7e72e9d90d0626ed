/**
 * Reads for a pair's workspace and its intro coffee: the people's work details (how to reach a partner),
 * their availability and time zone (the times proposed for the coffee), and the programme's dates and
 * format. Read-only joins on the people, profiles and programmes tables, which their contexts own.
 */
import { eq, inArray } from "drizzle-orm";
import type { Format } from "../../../contracts/session-formats.ts";
import type { Tx } from "../../db/client.ts";
import { people, profiles, programmes } from "../../db/schema.ts";

export type PersonContact = { email: string; jobTitle: string | null; department: string | null; site: string | null };

/** The work details of these people (the pairs' partners), by person id. */
export async function contactsOf(db: Tx, personIds: readonly string[]): Promise<Map<string, PersonContact>> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: people.id, email: people.email, jobTitle: people.jobTitle, department: people.department, site: people.site })
    .from(people)
    .where(inArray(people.id, ids));
  return new Map(rows.map(({ id, ...contact }) => [id, contact]));
}

export type ProgrammeCalendar = { startsOn: string; endsOn: string; format: Format; sessionMinutes: number };

/** The dates and session format of these programmes, by id. */
export async function programmeCalendars(db: Tx, programmeIds: readonly string[]): Promise<Map<string, ProgrammeCalendar>> {
  const ids = [...new Set(programmeIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: programmes.id,
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      format: programmes.format,
      sessionMinutes: programmes.sessionMinutes,
    })
    .from(programmes)
    .where(inArray(programmes.id, ids));
  return new Map(rows.map(({ id, ...calendar }) => [id, calendar]));
}

/** When a person is free and how they like to meet (their profile; none: no preference), and their time zone. */
export type PersonAvailability = { availability: string[]; format: Format | null; timeZone: string };

/** The availability of these people, by person id (a person without a profile has none). */
export async function availabilityOf(db: Tx, personIds: readonly string[]): Promise<Map<string, PersonAvailability>> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: people.id, timeZone: people.timeZone, availability: profiles.availability, format: profiles.format })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, { availability: r.availability ?? [], format: r.format ?? null, timeZone: r.timeZone }]));
}
