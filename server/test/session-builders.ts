/**
 * Sessions for tests of the pair's workspace, written straight into the table: a test of notes or of
 * reminders needs a session at a given time (in the past, tomorrow), whatever the scheduling rules say.
 * Tests of scheduling itself go through the API.
 */
import type { SessionMode, SessionStatus } from "../../contracts/sessions.ts";
import { DEFAULT_AGENDA_DEADLINE_HOURS } from "../../contracts/sessions.ts";
import type { Database } from "../db/client.ts";
import { pairSessions } from "../db/schema.ts";

export type SessionSpec = {
  startsAt: Date;
  minutes?: number;
  status?: SessionStatus;
  mode?: SessionMode;
  location?: string;
  agendaDeadlineHours?: number;
};

/** A session of `pairId` (scheduled by default, one hour, online); returns its id. */
export async function givenSession(database: Database, pairId: string, spec: SessionSpec): Promise<string> {
  const { startsAt, minutes = 60, status = "scheduled", mode = "online", location = "https://visio.example.com/binome" } = spec;
  const hours = spec.agendaDeadlineHours ?? DEFAULT_AGENDA_DEADLINE_HOURS;
  const [row] = await database.db
    .insert(pairSessions)
    .values({
      pairId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      mode,
      location,
      status,
      agendaDueAt: new Date(startsAt.getTime() - hours * 3_600_000),
      createdAt: startsAt,
      updatedAt: startsAt,
    })
    .returning({ id: pairSessions.id });
  if (!row) throw new Error("no session written");
  return row.id;
}
