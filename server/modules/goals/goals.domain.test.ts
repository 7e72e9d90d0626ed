import { describe, expect, it } from "vitest";
import type { AppError } from "../../platform/errors/app-error.ts";
import {
  agreementOf,
  checkDueOn,
  decideAgree,
  decideCreate,
  decideEdit,
  decideProgress,
  decideSignOff,
  dueOnBounds,
  type GoalFacts,
  goalActions,
  type Member,
  type PairFacts,
  todayOf,
} from "./goals.domain.ts";

const NOW = new Date("2026-04-01T21:30:00Z"); // 23:30 in Paris: already the 1st there, as in UTC
const pair: PairFacts = { id: "p1", state: "active", mentorId: "junior", menteeId: "senior" };
const junior: Member = { role: "mentor", personId: "junior", partnerId: "senior" };
const senior: Member = { role: "mentee", personId: "senior", partnerId: "junior" };

/** The senior's goal, written by the junior. */
const goal = (over: Partial<GoalFacts> = {}): GoalFacts & { skillIds: string[]; target: string; dueOn: string | null } => ({
  id: "g1",
  pairId: "p1",
  learnerRole: "mentee",
  statement: "Publier sur Instagram sans aide",
  target: "3 publications",
  dueOn: "2026-05-01",
  skillIds: ["instagram"],
  status: "in_progress",
  createdByPersonId: "junior",
  agreedAt: null,
  achievedAt: null,
  signedOffAt: null,
  ...over,
});

/** The code of the AppError `run` throws. */
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
}

describe("writing a goal", () => {
  const body = {
    learnerRole: "mentee" as const,
    skillIds: ["zapier"],
    statement: "Automatiser",
    target: "3 processus",
    dueOn: "2026-06-01",
  };

  it("is either person's, for either direction, and asks the partner to agree", () => {
    const decision = decideCreate({ pair, member: junior, authorName: "Chloé Martin", body, now: NOW });
    expect(decision.goal).toMatchObject({ learnerRole: "mentee", createdByPersonId: "junior", templateId: null, dueOn: "2026-06-01" });
    expect(decision.notices).toEqual([
      {
        personId: "senior",
        kind: "goal_proposed",
        params: { partnerName: "Chloé Martin", pairId: "p1" },
        link: "/pairs/p1",
      },
    ]);
  });

  it("needs an open pair and distinct skills", () => {
    expect(codeOf(() => decideCreate({ pair: { ...pair, state: "completed" }, member: junior, authorName: "", body, now: NOW }))).toBe(
      "GOAL_PAIR_CLOSED",
    );
    expect(
      codeOf(() => decideCreate({ pair: { ...pair, state: "intro" }, member: junior, authorName: "", body, now: NOW })),
    ).toBeUndefined();
    expect(codeOf(() => decideCreate({ pair, member: junior, authorName: "", body: { ...body, skillIds: ["a", "a"] }, now: NOW }))).toBe(
      "VALIDATION_ERROR",
    );
  });

  it("never puts the goal's words in a notification: the emails are readable in the administrators' outbox", () => {
    const { notices } = decideCreate({ pair, member: junior, authorName: "Léa", body, now: NOW });
    for (const notice of notices) expect(JSON.stringify(notice.params)).not.toContain(body.statement);
  });
});

describe("due dates", () => {
  it("run from today in Paris to the programme's end, or a month ahead when it ends sooner", () => {
    expect(todayOf(new Date("2026-03-29T22:30:00Z"))).toBe("2026-03-30"); // 00:30 in Paris (summer time)
    expect(dueOnBounds(NOW, "2026-09-09")).toEqual({ min: "2026-04-01", max: "2026-09-09" });
    expect(dueOnBounds(NOW, "2026-04-10")).toEqual({ min: "2026-04-01", max: "2026-05-02" });
  });

  it("refuse a day out of bounds, naming the field", () => {
    const bounds = { min: "2026-04-01", max: "2026-09-09" };
    expect(codeOf(() => checkDueOn("2026-04-01", bounds))).toBeUndefined();
    expect(codeOf(() => checkDueOn("2026-09-09", bounds))).toBeUndefined();
    for (const day of ["2026-03-31", "2026-09-10"]) {
      try {
        checkDueOn(day, bounds);
        expect.unreachable();
      } catch (error) {
        expect((error as AppError).details.map((d) => d.path)).toEqual(["dueOn"]);
      }
    }
  });
});

describe("editing", () => {
  it("writes only what changed, makes the editor the author and asks the partner again", () => {
    const agreed = goal({ agreedAt: NOW });
    const decision = decideEdit({
      pair,
      goal: agreed,
      member: senior,
      editorName: "Gérard",
      changes: { target: "5 publications" },
      now: NOW,
    });
    expect(decision.values).toEqual({
      target: "5 publications",
      createdByPersonId: "senior",
      agreedAt: null,
      agreedByPersonId: null,
      updatedAt: NOW,
    });
    expect(decision.notices.map((n) => [n.personId, n.kind])).toEqual([["junior", "goal_proposed"]]);
  });

  it("does nothing when nothing changed", () => {
    const same = { statement: "Publier sur Instagram sans aide", dueOn: "2026-05-01", skillIds: ["instagram"] };
    expect(decideEdit({ pair, goal: goal(), member: senior, editorName: "", changes: same, now: NOW })).toEqual({
      values: null,
      notices: [],
    });
  });

  it("is refused once the goal is achieved or dropped", () => {
    for (const status of ["achieved", "dropped"] as const)
      expect(
        codeOf(() => decideEdit({ pair, goal: goal({ status }), member: junior, editorName: "", changes: { target: "x" }, now: NOW })),
      ).toBe("GOAL_NOT_EDITABLE");
  });
});

describe("agreeing", () => {
  it("is for the partner of the author, once", () => {
    expect(decideAgree({ pair, goal: goal(), member: senior, now: NOW })).toEqual({ agreedAt: NOW, agreedByPersonId: "senior" });
    expect(codeOf(() => decideAgree({ pair, goal: goal(), member: junior, now: NOW }))).toBe("GOAL_PARTNER_ONLY");
    expect(codeOf(() => decideAgree({ pair, goal: goal({ agreedAt: NOW }), member: senior, now: NOW }))).toBe("GOAL_ALREADY_AGREED");
    // The author's directory entry is gone: either may agree.
    expect(codeOf(() => decideAgree({ pair, goal: goal({ createdByPersonId: null }), member: junior, now: NOW }))).toBeUndefined();
  });
});

describe("progress", () => {
  const progress = (member: Member, body: Parameters<typeof decideProgress>[0]["body"], over: Partial<GoalFacts> = {}) =>
    decideProgress({ pair, goal: goal(over), member, learnerName: "Gérard Test", body, now: NOW });

  it("lets only the learner mark the goal achieved, and asks the partner to sign it off", () => {
    const decision = progress(senior, { status: "achieved", note: "Fait !", evidenceUrl: "https://instagram.com/p/1" });
    expect(decision.goalValues).toEqual({ status: "achieved", achievedAt: NOW, updatedAt: NOW });
    expect(decision.update).toMatchObject({ status: "achieved", evidenceUrl: "https://instagram.com/p/1", evidenceText: null });
    expect(decision.notices).toEqual([
      {
        personId: "junior",
        kind: "goal_achieved",
        params: { partnerName: "Gérard Test", pairId: "p1" },
        link: "/pairs/p1",
      },
    ]);
    expect(codeOf(() => progress(junior, { status: "achieved", note: "" }))).toBe("GOAL_LEARNER_ONLY");
  });

  it("follows the status transitions; the current status is no change", () => {
    expect(progress(junior, { status: "dropped", note: "" }).goalValues?.status).toBe("dropped");
    expect(progress(junior, { status: "in_progress", note: "" }, { status: "dropped" }).goalValues?.status).toBe("in_progress");
    expect(codeOf(() => progress(senior, { status: "in_progress", note: "" }, { status: "achieved" }))).toBe("GOAL_INVALID_STATUS_CHANGE");
    expect(codeOf(() => progress(senior, { status: "not_started", note: "" }))).toBe("GOAL_INVALID_STATUS_CHANGE");
    expect(codeOf(() => progress(senior, { status: "dropped", note: "" }, { status: "achieved" }))).toBe("GOAL_INVALID_STATUS_CHANGE");
    const words = progress(junior, { status: "in_progress", note: "Deux posts faits" });
    expect(words.goalValues).toBeNull();
    expect(words.update.status).toBeNull();
    expect(words.notices).toEqual([]);
  });

  it("needs words, evidence or a new status", () => {
    expect(codeOf(() => progress(junior, { note: "" }))).toBe("VALIDATION_ERROR");
    expect(progress(junior, { note: "", evidenceText: "Vu en séance" }).update.evidenceText).toBe("Vu en séance");
  });
});

describe("sign-off", () => {
  const achieved = goal({ status: "achieved", achievedAt: NOW });

  it("is the partner's of the learner, once, on an achieved goal; the learner is told", () => {
    const decision = decideSignOff({ pair, goal: achieved, member: junior, signerName: "Chloé", now: NOW });
    expect(decision.values).toEqual({ signedOffAt: NOW, signedOffByPersonId: "junior", updatedAt: NOW });
    expect(decision.notices.map((n) => [n.personId, n.kind, n.params.partnerName])).toEqual([["senior", "goal_signed_off", "Chloé"]]);
    expect(codeOf(() => decideSignOff({ pair, goal: achieved, member: senior, signerName: "", now: NOW }))).toBe("GOAL_PARTNER_ONLY");
    expect(codeOf(() => decideSignOff({ pair, goal: goal(), member: junior, signerName: "", now: NOW }))).toBe("GOAL_NOT_ACHIEVED");
    expect(codeOf(() => decideSignOff({ pair, goal: { ...achieved, signedOffAt: NOW }, member: junior, signerName: "", now: NOW }))).toBe(
      "GOAL_ALREADY_SIGNED_OFF",
    );
  });

  it("may come after the pair completed, not after it ended early", () => {
    const completed = { ...pair, state: "completed" as const };
    expect(codeOf(() => decideSignOff({ pair: completed, goal: achieved, member: junior, signerName: "", now: NOW }))).toBeUndefined();
    expect(
      codeOf(() => decideSignOff({ pair: { ...pair, state: "ended_early" }, goal: achieved, member: junior, signerName: "", now: NOW })),
    ).toBe("GOAL_PAIR_CLOSED");
  });
});

describe("what each one may do", () => {
  it("shows the buttons each rule allows", () => {
    expect(goalActions(goal(), senior, "active")).toEqual({ edit: true, agree: true, update: true, achieve: true, signOff: false });
    expect(goalActions(goal(), junior, "active")).toEqual({ edit: true, agree: false, update: true, achieve: false, signOff: false });
    const achieved = goal({ status: "achieved", achievedAt: NOW, agreedAt: NOW });
    expect(goalActions(achieved, junior, "active")).toEqual({ edit: false, agree: false, update: true, achieve: false, signOff: true });
    expect(goalActions(achieved, junior, "completed")).toEqual({ edit: false, agree: false, update: false, achieve: false, signOff: true });
    expect(goalActions(achieved, senior, "active").signOff).toBe(false);
  });
});

describe("the agreement asked before session 3", () => {
  const agreed = { learnerRole: "mentee" as const, status: "in_progress" as const, agreedAt: NOW };

  it("names the directions without a goal or with one not agreed", () => {
    expect(agreementOf([], 0, "active")).toEqual({ needed: false, sessionsHeld: 0, missing: ["mentee", "mentor"] });
    expect(agreementOf([agreed, { ...agreed, learnerRole: "mentor", agreedAt: null }], 1, "active").missing).toEqual(["mentor"]);
    // A dropped goal does not count, agreed or not.
    expect(agreementOf([agreed, { ...agreed, learnerRole: "mentor", status: "dropped" }], 1, "active").missing).toEqual(["mentor"]);
    expect(agreementOf([agreed, { ...agreed, learnerRole: "mentor" }], 5, "active")).toEqual({
      needed: false,
      sessionsHeld: 5,
      missing: [],
    });
  });

  it("is asked once two sessions were held, while the pair runs", () => {
    expect(agreementOf([agreed], 1, "active").needed).toBe(false);
    expect(agreementOf([agreed], 2, "active").needed).toBe(true);
    expect(agreementOf([agreed], 2, "completed").needed).toBe(false);
  });
});
