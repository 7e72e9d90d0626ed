/** Sessions for component tests: Brigitte (mentee) and Inès (mentor), pair "…aa" of the pairs feature's test data. */
import type { PairSession, SessionDetail } from "../../../../contracts/sessions.ts";

export const PAIR_ID = "00000000-0000-4000-8000-0000000000aa";
export const SESSION_ID = "00000000-0000-4000-8000-0000000000b1";

/** A session as the pair lists it: scheduled on Tuesday 17 March 2026, 12:30–13:15 in Paris. */
export function aListedSession(overrides: Partial<PairSession> = {}): PairSession {
  return {
    id: SESSION_ID,
    startsAt: "2026-03-17T11:30:00.000Z",
    endsAt: "2026-03-17T12:15:00.000Z",
    status: "scheduled",
    mode: "online",
    location: "https://visio.example.com/binome",
    sequence: 0,
    cancelReason: null,
    agendaDueAt: "2026-03-15T11:30:00.000Z",
    agendaCount: 0,
    number: 1,
    ...overrides,
  };
}

/** The same session as its page reads it, seen by the mentee. */
export function aSession(overrides: Partial<SessionDetail> = {}): SessionDetail {
  const { id, startsAt, endsAt, status, mode, location, sequence, cancelReason, agendaDueAt } = aListedSession() as Required<PairSession>;
  return {
    id,
    pairId: PAIR_ID,
    startsAt,
    endsAt,
    status,
    mode,
    location,
    sequence,
    cancelReason,
    agendaDueAt,
    agendaCount: 0,
    number: 1,
    myRole: "mentee",
    myTimeZone: "Europe/Paris",
    format: "both",
    hasStarted: false,
    canEditAgenda: true,
    agenda: [],
    suggestions: [],
    ...overrides,
  };
}
