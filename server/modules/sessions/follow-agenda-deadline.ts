import type { Tx } from "../../db/client.ts";
import * as repo from "./sessions.repository.ts";

/**
 * A programme's agenda deadline changed (in the caller's transaction): the agenda of each of its sessions
 * still to come and scheduled is now due `hours` before its start, and the "agenda due" reminder of a session
 * whose deadline moved goes out again for the new one. Sessions past, held, missed or cancelled keep
 * theirs. The calendar files do not show the deadline: their SEQUENCE stays. Returns how many moved.
 */
export async function followAgendaDeadline(tx: Tx, programmeId: string, hours: number, now: Date): Promise<number> {
  return repo.moveAgendaDeadlines(tx, programmeId, hours, now);
}
