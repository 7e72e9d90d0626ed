import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PAIR_STATES, type PairState } from "../../../contracts/pairs.ts";
import {
  decideCompletion,
  decideEnd,
  decideIntroAnswer,
  decideIntroReminders,
  decideOpening,
  decideProgrammeClose,
  decideScheduleIntro,
  findTransition,
  introMode,
  introOutcome,
  introRemindersDueUntil,
  introSlotWindow,
  PAIR_TRANSITIONS,
  type PairActor,
  type PairFacts,
  participantReasons,
  programmeSpan,
} from "./pairs.domain.ts";
import { pairActor } from "./pairs.policy.ts";

const NOW = new Date("2026-03-10T09:00:00Z");
const MANAGER_USER = "user-manager";

const pairIn = (state: PairState, extra: Partial<PairFacts> = {}): PairFacts => ({
  id: "pair-1",
  programmeId: "prog-1",
  programmeName: "Pilote",
  mentorId: "ines",
  menteeId: "bernard",
  mentorName: "Inès Martin",
  menteeName: "Bernard Durand",
  state,
  completionAgreedBy: [],
  ...extra,
});

const PEOPLE: readonly PairActor[] = ["mentor", "mentee"];
const ACTORS: readonly PairActor[] = ["mentor", "mentee", "manager", "system"];
const personOf = (actor: PairActor) => (actor === "mentor" ? "ines" : actor === "mentee" ? "bernard" : null);
const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe("the pair state machine", () => {
  it("is the table of docs/pairs.md, row for row", () => {
    const doc = readFileSync(new URL("../../../docs/pairs.md", import.meta.url), "utf8");
    const table = doc.slice(doc.indexOf("<!-- transitions:start -->"), doc.indexOf("<!-- transitions:end -->"));
    const rows = table
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| from") && !line.startsWith("|---"))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(rows).toEqual(PAIR_TRANSITIONS.map((t) => [t.from ?? "(none)", t.to, t.cause, t.by.join(", ")]));
  });

  it("lets a person end a pair early but not complete it alone, and nothing leaves a closed state", () => {
    expect(findTransition("active", "ended_early", "ended_early", "mentee")).toBeDefined();
    expect(findTransition("active", "completed", "completed_by_both", "mentee")).toBeUndefined();
    expect(findTransition("intro", "not_a_fit", "intro_not_a_fit", "manager")).toBeUndefined();
    for (const from of ["completed", "ended_early", "not_a_fit"] as const)
      expect(PAIR_TRANSITIONS.filter((t) => t.from === from)).toEqual([]);
  });

  it("is what the decisions do: every transition of the table is one decision's event, and no decision makes another", () => {
    const made = new Set<string>();
    const record = (event: { fromState: PairState | null; toState: PairState; cause: string } | null, actor: PairActor) => {
      if (event) made.add(`${event.fromState ?? "(none)"} ${event.toState} ${event.cause} ${actor}`);
    };
    for (const origin of ["matching", "proposal", "manual"] as const) {
      const opened = decideOpening([{ id: "p", mentorId: "ines", menteeId: "bernard", score: 0.7, reasons: [] }], {
        programme: { id: "prog-1", name: "Pilote" },
        origin,
        byUserId: "u",
        nameOf: () => "",
        now: NOW,
      });
      for (const event of opened.events) record(event, origin === "proposal" ? "mentor" : "manager");
    }
    for (const state of PAIR_STATES)
      for (const actor of ACTORS) {
        const context = { personId: personOf(actor), userId: "u", now: NOW };
        const attempts: [PairActor, () => { event: Parameters<typeof record>[0] }][] = [
          [actor, () => decideEnd(pairIn(state), actor, { reason: "no_time" }, context)],
          [
            actor === "manager" ? "manager" : "system",
            () => decideCompletion(pairIn(state, { completionAgreedBy: ["ines", "bernard"] }), actor, context),
          ],
          [actor, () => decideIntroAnswer(pairIn(state), actor, { isFit: false }, [], { userId: "u", now: NOW })],
          [
            "system",
            () =>
              decideIntroAnswer(
                pairIn(state),
                actor,
                { isFit: true },
                [{ personId: personOf(actor) === "ines" ? "bernard" : "ines", isFit: true }],
                { userId: "u", now: NOW },
              ),
          ],
        ];
        for (const [by, attempt] of attempts) {
          try {
            record(attempt().event, by);
          } catch {
            // Refused: checked one by one below.
          }
        }
        try {
          for (const event of decideProgrammeClose([{ id: "p", state, mentorId: "ines", menteeId: "bernard" }], {
            programmeName: "",
            userId: "u",
            now: NOW,
          }).events)
            record(event, "system");
        } catch {
          // Only open pairs are closed with their programme.
        }
      }
    const table = PAIR_TRANSITIONS.flatMap((t) => t.by.map((actor) => `${t.from ?? "(none)"} ${t.to} ${t.cause} ${actor}`));
    expect([...made].sort()).toEqual([...table].sort());
  });
});

describe("opening pairs", () => {
  it("starts each in intro with its first event, and tells both people who their partner is", () => {
    const names: Record<string, string> = { ines: "Inès Martin", bernard: "Bernard Durand" };
    const decision = decideOpening([{ id: "p1", mentorId: "ines", menteeId: "bernard", score: 0.72, reasons: ["r"] }], {
      programme: { id: "prog-1", name: "Pilote" },
      origin: "matching",
      byUserId: MANAGER_USER,
      nameOf: (id) => names[id] ?? "",
      now: NOW,
    });
    expect(decision.pairs).toEqual([
      expect.objectContaining({ id: "p1", programmeId: "prog-1", state: "intro", origin: "matching", score: 0.72, reasons: ["r"] }),
    ]);
    expect(decision.events).toEqual([
      { pairId: "p1", fromState: null, toState: "intro", cause: "matching", byUserId: MANAGER_USER, reason: null, note: null, at: NOW },
    ]);
    expect(decision.notices).toEqual([
      {
        personId: "ines",
        kind: "match_published",
        params: { programmeName: "Pilote", partnerName: "Bernard Durand", pairId: "p1" },
        link: "/pairs/p1",
      },
      {
        personId: "bernard",
        kind: "match_published",
        params: { programmeName: "Pilote", partnerName: "Inès Martin", pairId: "p1" },
        link: "/pairs/p1",
      },
    ]);
  });

  it("tells nobody again of a pair formed by proposal: its mentee hears of the acceptance, its mentor accepted", () => {
    const decision = decideOpening([{ id: "p1", mentorId: "ines", menteeId: "bernard", score: null, reasons: [] }], {
      programme: { id: "prog-1", name: "Pilote" },
      origin: "proposal",
      byUserId: MANAGER_USER,
      nameOf: () => "",
      now: NOW,
    });
    expect(decision.pairs).toHaveLength(1);
    expect(decision.notices).toEqual([]);
  });
});

describe("the intro coffee", () => {
  const at = new Date("2026-03-12T11:30:00Z");
  const PROGRAMME = { startsOn: "2026-03-09", endsOn: "2026-09-09" };
  const fieldErrorOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      const { code, details } = error as { code: string; details: { path: string; messageKey: string }[] };
      return { code, details: details.map(({ path, messageKey }) => ({ path, messageKey })) };
    }
    return null;
  };
  const schedule =
    (when: string, now = NOW) =>
    () =>
      decideScheduleIntro(pairIn("intro"), "mentee", { at: new Date(when), place: "x" }, now, PROGRAMME);

  it("falls within the programme's days, Paris time, and not in the past: a field error on `at` otherwise", () => {
    const outside = { code: "VALIDATION_ERROR", details: [{ path: "at", messageKey: "fields.introOutsideProgramme" }] };
    const past = { code: "VALIDATION_ERROR", details: [{ path: "at", messageKey: "fields.introInPast" }] };
    // The first day starts at midnight in Paris (23:00 UTC the day before, in winter).
    expect(fieldErrorOf(schedule("2026-03-08T22:59:00Z", new Date("2026-03-01T09:00:00Z")))).toEqual(outside);
    expect(fieldErrorOf(schedule("2026-03-08T23:00:00Z", new Date("2026-03-01T09:00:00Z")))).toBeNull();
    // The last day ends at midnight in Paris (22:00 UTC, in summer).
    expect(fieldErrorOf(schedule("2026-09-09T21:59:00Z"))).toBeNull();
    expect(fieldErrorOf(schedule("2026-09-09T22:00:00Z"))).toEqual(outside);
    // Not in the past, not even a minute.
    expect(fieldErrorOf(schedule("2026-03-10T08:59:00Z"))).toEqual(past);
    expect(fieldErrorOf(schedule("2026-03-10T09:00:00Z"))).toBeNull();
    // Only its people and in intro come first: a manager is refused (403) whatever the date.
    expect(codeOf(() => decideScheduleIntro(pairIn("intro"), "manager", { at: new Date("2020-01-01"), place: "x" }, NOW, PROGRAMME))).toBe(
      "FORBIDDEN",
    );
  });

  it("spans the programme's Paris days, and proposes times from 24 hours ahead, not before the first day", () => {
    expect(programmeSpan(PROGRAMME)).toEqual({ from: new Date("2026-03-08T23:00:00Z"), until: new Date("2026-09-09T22:00:00Z") });
    expect(introSlotWindow(NOW, PROGRAMME)).toEqual({ after: new Date("2026-03-11T09:00:00Z"), until: new Date("2026-09-09T22:00:00Z") });
    expect(introSlotWindow(new Date("2026-03-01T09:00:00Z"), PROGRAMME).after).toEqual(new Date("2026-03-08T23:00:00Z"));
  });

  it("is proposed in the programme's format, or when it allows both, in what suits both people (else in person)", () => {
    expect(introMode("online", ["in_person", "in_person"])).toBe("online");
    expect(introMode("in_person", ["online", null])).toBe("in_person");
    expect(introMode("both", ["online", "online"])).toBe("online");
    expect(introMode("both", ["online", "both"])).toBe("online");
    expect(introMode("both", [null, "online"])).toBe("online");
    expect(introMode("both", ["in_person", "both"])).toBe("in_person");
    expect(introMode("both", ["online", "in_person"])).toBe("in_person");
    expect(introMode("both", ["both", null])).toBe("in_person");
    expect(introMode("both", [null, null])).toBe("in_person");
  });

  it("is scheduled or moved by either person while in intro; the partner is told and the reminder re-armed", () => {
    const decision = decideScheduleIntro(pairIn("intro"), "mentee", { at, place: "Café du 3e" }, NOW, PROGRAMME);
    expect(decision.change).toEqual({ introAt: at, introPlace: "Café du 3e", introReminderAt: null, updatedAt: NOW });
    expect(decision.event).toBeNull();
    expect(decision.notices).toEqual([
      {
        personId: "ines",
        kind: "intro_scheduled",
        params: { programmeName: "Pilote", at: "2026-03-12T11:30:00.000Z", pairId: "pair-1" },
        link: "/pairs/pair-1",
      },
    ]);
    expect(decideScheduleIntro(pairIn("intro"), "mentor", { at, place: "x" }, NOW, PROGRAMME).notices[0]?.personId).toBe("bernard");
  });

  it("is not scheduled by a manager (403), nor once the pair is out of intro (409)", () => {
    expect(codeOf(() => decideScheduleIntro(pairIn("intro"), "manager", { at, place: "x" }, NOW, PROGRAMME))).toBe("FORBIDDEN");
    for (const state of PAIR_STATES.filter((s) => s !== "intro"))
      expect(
        codeOf(() => decideScheduleIntro(pairIn(state), "mentor", { at, place: "x" }, NOW, PROGRAMME)),
        state,
      ).toBe("NOT_IN_INTRO");
  });

  it("makes the pair active on two yes, not a fit on any no, and waits otherwise", () => {
    expect(introOutcome([])).toBe("waiting");
    expect(introOutcome([{ isFit: true }])).toBe("waiting");
    expect(introOutcome([{ isFit: false }])).toBe("not_a_fit");
    expect(introOutcome([{ isFit: true }, { isFit: false }])).toBe("not_a_fit");
    expect(introOutcome([{ isFit: true }, { isFit: true }])).toBe("active");
  });

  it("tells nobody after a first yes (a notice would give the answer away), and drops a reason given with a yes", () => {
    const decision = decideIntroAnswer(pairIn("intro"), "mentee", { isFit: true, reason: "peu importe" }, [], { userId: "u", now: NOW });
    expect(decision).toEqual({
      answer: { personId: "bernard", isFit: true, reason: null },
      change: null,
      event: null,
      notices: [],
      managersNotice: null,
    });
  });

  it("makes the pair active on the second yes (Passerelle's transition, by the answering account) and tells both", () => {
    const decision = decideIntroAnswer(pairIn("intro"), "mentor", { isFit: true }, [{ personId: "bernard", isFit: true }], {
      userId: "u-ines",
      now: NOW,
    });
    expect(decision.change).toEqual({ state: "active", updatedAt: NOW });
    expect(decision.event).toMatchObject({ fromState: "intro", toState: "active", cause: "intro_confirmed", byUserId: "u-ines" });
    expect(decision.notices.map((n) => [n.personId, n.kind])).toEqual([
      ["ines", "pair_active"],
      ["bernard", "pair_active"],
    ]);
    expect(decision.managersNotice).toBeNull();
  });

  it("closes the pair as not a fit on a no: both told, the managers told who needs a new match but never the reason", () => {
    const reason = "Il m’a coupé la parole";
    const decision = decideIntroAnswer(pairIn("intro"), "mentee", { isFit: false, reason }, [{ personId: "ines", isFit: true }], {
      userId: "u-bernard",
      now: NOW,
    });
    expect(decision.answer).toEqual({ personId: "bernard", isFit: false, reason });
    expect(decision.change).toEqual({ state: "not_a_fit", updatedAt: NOW });
    expect(decision.event).toMatchObject({ fromState: "intro", toState: "not_a_fit", cause: "intro_not_a_fit", reason: null, note: null });
    expect(decision.notices.map((n) => [n.personId, n.kind])).toEqual([
      ["ines", "pair_not_a_fit"],
      ["bernard", "pair_not_a_fit"],
    ]);
    expect(decision.managersNotice).toEqual({
      kind: "managers_pair_not_a_fit",
      params: { programmeName: "Pilote", mentorName: "Inès Martin", menteeName: "Bernard Durand", pairId: "pair-1" },
      link: "/programmes/prog-1?tab=pairs",
    });
    expect(JSON.stringify(decision.notices) + JSON.stringify(decision.managersNotice)).not.toContain(reason);
  });

  it("replaces a person's earlier answer rather than counting it twice", () => {
    const changed = decideIntroAnswer(pairIn("intro"), "mentee", { isFit: true }, [{ personId: "bernard", isFit: false }], {
      userId: "u",
      now: NOW,
    });
    expect(changed.change).toBeNull();
  });

  it("is answered only by the pair's people (403 for a manager), and only in intro (409)", () => {
    expect(codeOf(() => decideIntroAnswer(pairIn("intro"), "manager", { isFit: true }, [], { userId: "u", now: NOW }))).toBe("FORBIDDEN");
    for (const state of PAIR_STATES.filter((s) => s !== "intro"))
      for (const actor of PEOPLE)
        expect(
          codeOf(() => decideIntroAnswer(pairIn(state), actor, { isFit: false }, [], { userId: "u", now: NOW })),
          state,
        ).toBe("NOT_IN_INTRO");
  });

  it("asks whoever has not answered, an hour after the meeting's start", () => {
    expect(introRemindersDueUntil(NOW)).toEqual(new Date("2026-03-10T08:00:00Z"));
    const notices = decideIntroReminders(
      [
        { id: "p1", programmeId: "prog-1", mentorId: "ines", menteeId: "bernard" },
        { id: "p2", programmeId: "prog-2", mentorId: "chloe", menteeId: "gerard" },
      ],
      [
        { pairId: "p1", personId: "bernard" },
        { pairId: "p2", personId: "bernard" },
      ],
      new Map([["prog-1", "Pilote"]]),
    );
    expect(notices).toEqual([
      { personId: "ines", kind: "intro_answer_needed", params: { programmeName: "Pilote", pairId: "p1" }, link: "/pairs/p1" },
      { personId: "chloe", kind: "intro_answer_needed", params: { programmeName: "", pairId: "p2" }, link: "/pairs/p2" },
      { personId: "gerard", kind: "intro_answer_needed", params: { programmeName: "", pairId: "p2" }, link: "/pairs/p2" },
    ]);
  });
});

describe("ending a pair early", () => {
  for (const state of ["intro", "active"] as const) {
    it(`from ${state}, by one of its people: their reason and note kept, the partner told, and the managers with the reason`, () => {
      const decision = decideEnd(
        pairIn(state),
        "mentee",
        { reason: "no_time", note: "Trop de déplacements" },
        {
          personId: "bernard",
          userId: "u-bernard",
          now: NOW,
        },
      );
      expect(decision.change).toEqual({ state: "ended_early", endReason: "no_time", updatedAt: NOW });
      expect(decision.event).toEqual({
        pairId: "pair-1",
        fromState: state,
        toState: "ended_early",
        cause: "ended_early",
        byUserId: "u-bernard",
        reason: "no_time",
        note: "Trop de déplacements",
        at: NOW,
      });
      expect(decision.notices).toEqual([
        {
          personId: "ines",
          kind: "pair_ended",
          params: { programmeName: "Pilote", reason: "no_time", pairId: "pair-1" },
          link: "/pairs/pair-1",
        },
      ]);
      expect(decision.managersNotice).toEqual({
        kind: "managers_pair_ended",
        params: { programmeName: "Pilote", mentorName: "Inès Martin", menteeName: "Bernard Durand", pairId: "pair-1", reason: "no_time" },
        link: "/programmes/prog-1?tab=pairs",
      });
    });
  }

  it("by a manager: both people told, not the managers", () => {
    const decision = decideEnd(pairIn("active"), "manager", { reason: "left_company" }, { personId: null, userId: MANAGER_USER, now: NOW });
    expect(decision.notices.map((n) => n.personId)).toEqual(["ines", "bernard"]);
    expect(decision.event).toMatchObject({ byUserId: MANAGER_USER, note: null });
    expect(decision.managersNotice).toBeNull();
  });

  it("is refused once the pair is closed, naming both states, and to Passerelle itself", () => {
    for (const state of ["completed", "ended_early", "not_a_fit"] as const)
      for (const actor of ["mentor", "mentee", "manager"] as const) {
        const refusal = (() => {
          try {
            decideEnd(pairIn(state), actor, { reason: "other" }, { personId: personOf(actor), userId: "u", now: NOW });
          } catch (error) {
            return error as { code: string; params: unknown };
          }
        })();
        expect(refusal).toMatchObject({ code: "INVALID_PAIR_TRANSITION", params: { from: state, to: "ended_early" } });
      }
    expect(codeOf(() => decideEnd(pairIn("active"), "system", { reason: "other" }, { personId: null, userId: "u", now: NOW }))).toBe(
      "INVALID_PAIR_TRANSITION",
    );
  });
});

describe("completing a pair", () => {
  it("waits for the partner after a first request, and tells them", () => {
    const decision = decideCompletion(pairIn("active"), "mentee", { personId: "bernard", userId: "u-bernard", now: NOW });
    expect(decision.state).toBe("active");
    expect(decision.change).toEqual({ completionAgreedBy: ["bernard"], updatedAt: NOW });
    expect(decision.event).toBeNull();
    expect(decision.notices).toEqual([
      { personId: "ines", kind: "pair_completion_requested", params: { programmeName: "Pilote", pairId: "pair-1" }, link: "/pairs/pair-1" },
    ]);
  });

  it("completes once both asked (Passerelle's transition), and tells both", () => {
    const decision = decideCompletion(pairIn("active", { completionAgreedBy: ["bernard"] }), "mentor", {
      personId: "ines",
      userId: "u-ines",
      now: NOW,
    });
    expect(decision.state).toBe("completed");
    expect(decision.change).toEqual({ state: "completed", completionAgreedBy: ["bernard", "ines"], updatedAt: NOW });
    expect(decision.event).toMatchObject({ fromState: "active", toState: "completed", cause: "completed_by_both", byUserId: "u-ines" });
    expect(decision.notices.map((n) => [n.personId, n.kind])).toEqual([
      ["ines", "pair_completed"],
      ["bernard", "pair_completed"],
    ]);
  });

  it("asking twice changes nothing but the request", () => {
    const decision = decideCompletion(pairIn("active", { completionAgreedBy: ["bernard"] }), "mentee", {
      personId: "bernard",
      userId: "u",
      now: NOW,
    });
    expect(decision.state).toBe("active");
    expect(decision.change).toEqual({ completionAgreedBy: ["bernard"], updatedAt: NOW });
  });

  it("is done at once by a manager, and both are told", () => {
    const decision = decideCompletion(pairIn("active"), "manager", { personId: null, userId: MANAGER_USER, now: NOW });
    expect(decision.state).toBe("completed");
    expect(decision.event).toMatchObject({ cause: "completed_by_manager", byUserId: MANAGER_USER });
    expect(decision.notices.map((n) => n.personId)).toEqual(["ines", "bernard"]);
  });

  it("is refused unless the pair is active, naming both states", () => {
    for (const state of PAIR_STATES.filter((s) => s !== "active"))
      for (const actor of ["mentor", "mentee", "manager"] as const)
        expect(
          codeOf(() => decideCompletion(pairIn(state), actor, { personId: personOf(actor), userId: "u", now: NOW })),
          `${state} ${actor}`,
        ).toBe("INVALID_PAIR_TRANSITION");
  });
});

describe("closing a programme", () => {
  it("completes its active pairs and ends those still in intro (reason 'other'), telling both people of each", () => {
    const decision = decideProgrammeClose(
      [
        { id: "a", state: "active", mentorId: "ines", menteeId: "bernard" },
        { id: "i", state: "intro", mentorId: "chloe", menteeId: "gerard" },
      ],
      { programmeName: "Pilote", userId: MANAGER_USER, now: NOW },
    );
    expect(decision.completed).toEqual(["a"]);
    expect(decision.ended).toEqual(["i"]);
    expect(decision.events).toEqual([
      {
        pairId: "a",
        fromState: "active",
        toState: "completed",
        cause: "programme_closed",
        byUserId: MANAGER_USER,
        reason: null,
        note: null,
        at: NOW,
      },
      {
        pairId: "i",
        fromState: "intro",
        toState: "ended_early",
        cause: "programme_closed",
        byUserId: MANAGER_USER,
        reason: null,
        note: null,
        at: NOW,
      },
    ]);
    expect(decision.notices.map((n) => [n.personId, n.kind, n.params.reason])).toEqual([
      ["ines", "pair_completed", "programme_closed"],
      ["bernard", "pair_completed", "programme_closed"],
      ["chloe", "pair_ended", "programme_closed"],
      ["gerard", "pair_ended", "programme_closed"],
    ]);
  });

  it("leaves closed pairs alone (only open pairs are passed; a closed one is refused)", () => {
    expect(
      codeOf(() =>
        decideProgrammeClose([{ id: "c", state: "completed", mentorId: "a", menteeId: "b" }], { programmeName: "", userId: "u", now: NOW }),
      ),
    ).toBe("INVALID_PAIR_TRANSITION");
  });
});

describe("who acts on a pair", () => {
  const pair = { mentorId: "ines", menteeId: "bernard" };
  it("is one of its two people, else a manager, else nobody: 'not found', so that an id reveals nothing", () => {
    expect(pairActor(pair, { personId: "ines", roles: ["participant"] })).toBe("mentor");
    expect(pairActor(pair, { personId: "bernard", roles: ["participant", "manager"] })).toBe("mentee");
    expect(pairActor(pair, { personId: "someone", roles: ["manager"] })).toBe("manager");
    expect(pairActor(pair, { personId: null, roles: ["admin"] })).toBe("manager");
    expect(codeOf(() => pairActor(pair, { personId: "someone", roles: ["participant"] }))).toBe("NOT_FOUND");
    expect(codeOf(() => pairActor(pair, { personId: null, roles: ["participant"] }))).toBe("NOT_FOUND");
  });
});

describe("the reasons a participant reads", () => {
  it("come most important first, with no share of the score that would give the score back", () => {
    const reasons = [
      { component: "language", contribution: 0.05, fr: "Vous parlez anglais.", en: "You speak English." },
      { component: "teaching", contribution: 0.3, fr: "Vous enseignez Canva.", en: "You teach Canva." },
      { component: "interests", contribution: 0.05, fr: "Vous aimez la voile.", en: "You like sailing." },
    ];
    expect(participantReasons(reasons)).toEqual([
      { component: "teaching", fr: "Vous enseignez Canva.", en: "You teach Canva." },
      { component: "language", fr: "Vous parlez anglais.", en: "You speak English." },
      { component: "interests", fr: "Vous aimez la voile.", en: "You like sailing." },
    ]);
  });
});
