import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors/app-error.ts";
import {
  agendaDueAt,
  checkAgendaOpen,
  checkSessionsOpen,
  decideCancel,
  decideOutcome,
  decideReschedule,
  mayEditAgendaItem,
  modeAndLocationProblems,
  numberSessions,
  programmeWindow,
  proposalWindow,
  type SessionFacts,
  sessionTimeProblems,
  validTimeZone,
} from "./sessions.domain.ts";

const programme = { startsOn: "2026-03-09", endsOn: "2026-09-09" };
const at = (iso: string) => new Date(iso);
const slot = (start: string, minutes = 60) => ({ startsAt: at(start), endsAt: new Date(at(start).getTime() + minutes * 60_000) });
const session = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  id: "s1",
  ...slot("2026-04-02T10:30:00Z"),
  status: "scheduled",
  mode: "online",
  location: "https://visio.example.com/a",
  sequence: 0,
  agendaDueAt: at("2026-03-31T10:30:00Z"),
  ...over,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.messageKey}` : String(error);
  }
  return null;
};

describe("the programme's window, in Paris", () => {
  it("runs from the first day's midnight to the end of the last day, Paris time, in winter and summer", () => {
    expect(programmeWindow(programme)).toEqual({ from: at("2026-03-08T23:00:00Z"), until: at("2026-09-09T22:00:00Z") });
  });
});

describe("when sessions may be scheduled", () => {
  it("is once canStartSessions, else says what is missing", () => {
    expect(codeOf(() => checkSessionsOpen({ state: "active", canStartSessions: true }))).toBeNull();
    expect(codeOf(() => checkSessionsOpen({ state: "active", canStartSessions: false }))).toBe(
      "SESSIONS_NOT_OPEN:errors.sessionsAwaitOnboarding",
    );
    expect(codeOf(() => checkSessionsOpen({ state: "intro", canStartSessions: false }))).toBe(
      "SESSIONS_NOT_OPEN:errors.sessionsPairNotActive",
    );
    expect(codeOf(() => checkSessionsOpen({ state: "completed", canStartSessions: false }))).toBe(
      "SESSIONS_NOT_OPEN:errors.sessionsPairNotActive",
    );
  });
});

describe("a session's time", () => {
  const now = at("2026-03-20T09:00:00Z");
  const keys = (s: ReturnType<typeof slot>, others: ReturnType<typeof slot>[] = []) =>
    sessionTimeProblems(s, { now, programme, others }).map((p) => `${p.path}:${p.messageKey}`);

  it("is to come", () => {
    expect(keys(slot("2026-03-20T08:59:00Z"))).toEqual(["startsAt:fields.sessionInPast"]);
    expect(keys(slot("2026-03-20T09:00:00Z"))).toEqual([]);
  });
  it("is within the programme's days, Paris time: not before the first, not ending after the last", () => {
    const early = sessionTimeProblems(slot("2026-03-08T22:30:00Z"), { now: at("2026-03-01T00:00:00Z"), programme, others: [] });
    expect(early).toEqual([
      {
        path: "startsAt",
        messageKey: "fields.sessionOutsideProgramme",
        params: { from: at("2026-03-09T00:00:00Z"), to: at("2026-09-09T00:00:00Z") },
      },
    ]);
    // 00:00 Paris on the first day (23:00 UTC the day before) is in.
    expect(sessionTimeProblems(slot("2026-03-08T23:00:00Z"), { now: at("2026-03-01T00:00:00Z"), programme, others: [] })).toEqual([]);
    // The last day until midnight Paris (22:00 UTC in summer).
    expect(keys(slot("2026-09-09T21:00:00Z"))).toEqual([]);
    expect(keys(slot("2026-09-09T21:30:00Z"))).toEqual(["startsAt:fields.sessionOutsideProgramme"]);
  });
  it("overlaps none of the pair's other sessions; back to back is fine", () => {
    expect(keys(slot("2026-04-02T10:00:00Z"), [slot("2026-04-02T10:30:00Z")])).toEqual(["startsAt:fields.sessionOverlaps"]);
    expect(keys(slot("2026-04-02T09:30:00Z"), [slot("2026-04-02T10:30:00Z")])).toEqual([]);
    expect(keys(slot("2026-04-02T11:30:00Z"), [slot("2026-04-02T10:30:00Z")])).toEqual([]);
  });
});

describe("mode and place", () => {
  const keys = (...args: Parameters<typeof modeAndLocationProblems>) =>
    modeAndLocationProblems(...args).map((p) => `${p.path}:${p.messageKey}`);
  it("fit the programme's format", () => {
    expect(keys("in_person", "Salle 2", "online")).toEqual(["mode:fields.sessionOnlineOnly"]);
    expect(keys("online", "https://visio.example.com", "in_person")).toEqual(["mode:fields.sessionInPersonOnly"]);
    expect(keys("in_person", "Salle 2", "both")).toEqual([]);
  });
  it("online needs a web link; in person any place", () => {
    expect(keys("online", "Salle 2", "both")).toEqual(["location:fields.webUrl"]);
    expect(keys("online", "javascript:alert(1)", "both")).toEqual(["location:fields.webUrl"]);
    expect(keys("online", "https://teams.example.com/l/123", "both")).toEqual([]);
    expect(keys("in_person", "https://maps.example.com/x", "both")).toEqual([]);
  });
});

describe("rescheduling", () => {
  const context = { deadlineHours: 48, now: at("2026-03-20T09:00:00Z") };
  it("moves the time keeping the length, raises the sequence, recomputes the agenda's deadline, re-arms the reminders", () => {
    const decision = decideReschedule(session({ sequence: 2 }), { startsAt: at("2026-04-09T10:30:00Z") }, context);
    expect(decision).toEqual({
      timeChanged: true,
      change: {
        ...slot("2026-04-09T10:30:00Z"),
        mode: "online",
        location: "https://visio.example.com/a",
        sequence: 3,
        agendaDueAt: at("2026-04-07T10:30:00Z"),
        tomorrowReminderAt: null,
        agendaReminderAt: null,
        updatedAt: context.now,
      },
    });
  });
  it("changes the place without touching the time", () => {
    const decision = decideReschedule(session(), { mode: "in_person", location: "Salle 2" }, context);
    expect(decision?.timeChanged).toBe(false);
    expect(decision?.change).toMatchObject({ mode: "in_person", location: "Salle 2", sequence: 1 });
    // The reminders already sent announced the same time and deadline: neither goes out again.
    expect(decision?.change).not.toHaveProperty("tomorrowReminderAt");
    expect(decision?.change).not.toHaveProperty("agendaReminderAt");
  });
  it("re-arms a reminder only when what it announced moves: a longer session re-arms neither, a new deadline the agenda's", () => {
    const longer = decideReschedule(session(), { minutes: 90 }, context)?.change;
    expect(longer).toMatchObject({ endsAt: at("2026-04-02T12:00:00Z"), sequence: 1 });
    expect(longer).not.toHaveProperty("tomorrowReminderAt");
    expect(longer).not.toHaveProperty("agendaReminderAt");
    // The programme's deadline changed since the session was scheduled: the agenda's reminder follows it.
    const place = decideReschedule(session(), { location: "https://visio.example.com/b" }, { ...context, deadlineHours: 24 })?.change;
    expect(place).toMatchObject({ agendaDueAt: at("2026-04-01T10:30:00Z"), agendaReminderAt: null });
    expect(place).not.toHaveProperty("tomorrowReminderAt");
  });
  it("writes nothing when nothing changes", () => {
    expect(decideReschedule(session(), { startsAt: at("2026-04-02T10:30:00Z"), minutes: 60 }, context)).toBeNull();
  });
  it("is for scheduled sessions only", () => {
    expect(codeOf(() => decideReschedule(session({ status: "held" }), { minutes: 30 }, context))).toBe(
      "SESSION_NOT_SCHEDULED:errors.sessionNotScheduled",
    );
  });
});

describe("cancelling and outcomes", () => {
  const now = at("2026-04-02T11:00:00Z");
  it("cancels a scheduled session with its reason, raising the sequence", () => {
    expect(decideCancel(session({ sequence: 1 }), "Malade", { personId: "p", now })).toEqual({
      status: "cancelled",
      cancelReason: "Malade",
      sequence: 2,
      statusByPersonId: "p",
      statusAt: now,
      updatedAt: now,
    });
    expect(codeOf(() => decideCancel(session({ status: "cancelled" }), "x", { personId: "p", now }))).toBe(
      "SESSION_NOT_SCHEDULED:errors.sessionNotScheduled",
    );
  });
  it("marks held or missed only once started, corrects held ↔ missed, never a cancelled session", () => {
    expect(codeOf(() => decideOutcome(session(), "held", { personId: "p", now: at("2026-04-02T10:29:00Z") }))).toBe(
      "SESSION_NOT_STARTED:errors.sessionNotStarted",
    );
    expect(decideOutcome(session(), "held", { personId: "p", now })).toEqual({
      status: "held",
      statusByPersonId: "p",
      statusAt: now,
      updatedAt: now,
    });
    expect(decideOutcome(session({ status: "held" }), "missed", { personId: "p", now })?.status).toBe("missed");
    expect(decideOutcome(session({ status: "held" }), "held", { personId: "p", now })).toBeNull();
    expect(codeOf(() => decideOutcome(session({ status: "cancelled" }), "held", { personId: "p", now }))).toBe(
      "SESSION_NOT_SCHEDULED:errors.sessionCancelled",
    );
  });
});

describe("the agenda", () => {
  it("is due the programme's hours before the start", () => {
    expect(agendaDueAt(at("2026-04-02T10:30:00Z"), 48)).toEqual(at("2026-03-31T10:30:00Z"));
  });
  it("changes while the session is scheduled only", () => {
    expect(codeOf(() => checkAgendaOpen({ status: "scheduled" }))).toBeNull();
    for (const status of ["held", "missed", "cancelled"] as const)
      expect(codeOf(() => checkAgendaOpen({ status }))).toBe("AGENDA_CLOSED:errors.agendaClosed");
  });
  it("lets each person change their own items, and the mentee every item", () => {
    expect(mayEditAgendaItem("mentee", "mentor")).toBe(true);
    expect(mayEditAgendaItem("mentee", "mentee")).toBe(true);
    expect(mayEditAgendaItem("mentor", "mentor")).toBe(true);
    expect(mayEditAgendaItem("mentor", "mentee")).toBe(false);
    expect(mayEditAgendaItem("mentor", null)).toBe(false);
  });
});

describe("numbers and proposals", () => {
  it("numbers sessions in order of time, skipping cancelled ones", () => {
    const numbers = numberSessions([
      { id: "c", startsAt: at("2026-05-01T10:00:00Z"), status: "scheduled" as const },
      { id: "a", startsAt: at("2026-04-01T10:00:00Z"), status: "held" as const },
      { id: "b", startsAt: at("2026-04-15T10:00:00Z"), status: "cancelled" as const },
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ a: 1, c: 2 });
  });
  it("looks from tomorrow for a first session, else around the last one plus the cadence, within the programme", () => {
    const now = at("2026-03-20T09:00:00Z");
    expect(proposalWindow({ now, lastStartsAt: null, cadenceWeeks: 2, programme })).toEqual({
      after: at("2026-03-21T09:00:00Z"),
      until: at("2026-09-09T22:00:00Z"),
    });
    expect(proposalWindow({ now, lastStartsAt: at("2026-03-19T11:30:00Z"), cadenceWeeks: 2, programme }).after).toEqual(
      at("2026-03-31T11:30:00Z"),
    );
    // A last session long ago: not in the past, at least a day ahead.
    expect(proposalWindow({ now, lastStartsAt: at("2026-01-01T11:30:00Z"), cadenceWeeks: 2, programme }).after).toEqual(
      at("2026-03-21T09:00:00Z"),
    );
    // Before the programme: from its first day.
    expect(proposalWindow({ now: at("2026-03-01T09:00:00Z"), lastStartsAt: null, cadenceWeeks: 2, programme }).after).toEqual(
      at("2026-03-08T23:00:00Z"),
    );
  });
  it("reads times in a valid time zone, Paris otherwise", () => {
    expect(validTimeZone("America/Montreal")).toBe("America/Montreal");
    expect(validTimeZone("Mars/Olympus")).toBe("Europe/Paris");
    expect(validTimeZone(null)).toBe("Europe/Paris");
  });
});
