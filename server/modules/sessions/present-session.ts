import type { PairSession } from "../../../contracts/sessions.ts";
import { numberSessions } from "./sessions.domain.ts";
import type { SessionRow } from "./sessions.repository.ts";

/** What a programme manager may know of a session: its dates and status, nothing of its place or agenda. */
export const managerView = (s: SessionRow): PairSession => ({
  id: s.id,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  status: s.status,
});

/** A session as the pair's two people list it. */
export const memberView = (s: SessionRow & { agendaCount: number }, number: number | null): PairSession => ({
  ...managerView(s),
  mode: s.mode,
  location: s.location,
  sequence: s.sequence,
  cancelReason: s.cancelReason,
  agendaDueAt: s.agendaDueAt.toISOString(),
  agendaCount: s.agendaCount,
  number,
});

/** The pair's sessions as its people list them, numbered. */
export function memberList(rows: readonly (SessionRow & { agendaCount: number })[]): PairSession[] {
  const numbers = numberSessions(rows);
  return rows.map((r) => memberView(r, numbers.get(r.id) ?? null));
}
