import { describe, expect, it } from "vitest";
import { PROGRAMME_PHASES, type ProgrammePhase } from "../../../contracts/programmes.ts";
import {
  canChangePhase,
  checkNotClosed,
  checkPublishable,
  checkRemoval,
  choosePairsToPublish,
  decideApplication,
  decideDeclineNotice,
  decidePhaseChange,
  decideResponse,
  engineSlot,
  enrolmentInvitations,
  isMatchingOpen,
  pairKey,
  phaseAfterPublishing,
  publishNotice,
} from "./programmes.domain.ts";

const NOW = new Date("2026-03-10T09:00:00Z");
const programme = (phase: ProgrammePhase) => ({ id: "prog-1", name: "Pilote", phase });
const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe("programme phases", () => {
  it("move one step forward, matching may go back to enrolment, closed is final", () => {
    const allowed = PROGRAMME_PHASES.flatMap((from) =>
      PROGRAMME_PHASES.filter((to) => canChangePhase(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(["draft→enrolment", "enrolment→matching", "matching→enrolment", "matching→running", "running→closed"]);
  });

  it("refuse any other change with a 409 naming both phases", () => {
    for (const from of PROGRAMME_PHASES)
      for (const to of PROGRAMME_PHASES.filter((t) => !canChangePhase(from, t))) {
        const refusal = (() => {
          try {
            decidePhaseChange(programme(from), to, [], NOW);
          } catch (error) {
            return error as { code: string; params: unknown };
          }
        })();
        expect(refusal, `${from}→${to}`).toMatchObject({ code: "INVALID_PHASE_CHANGE", params: { from, to } });
      }
  });

  it("invite the people enrolled in a draft when enrolment opens, and nobody on later changes", () => {
    const enrolled = [
      { personId: "ines", role: "mentor" as const },
      { personId: "bernard", role: "mentee" as const },
    ];
    const opening = decidePhaseChange(programme("draft"), "enrolment", enrolled, NOW);
    expect(opening.change).toEqual({ phase: "enrolment", updatedAt: NOW });
    expect(opening.notices).toEqual([
      {
        personId: "ines",
        kind: "programme_invited",
        params: { programmeId: "prog-1", programmeName: "Pilote", role: "mentor" },
        link: "/programmes/prog-1",
      },
      {
        personId: "bernard",
        kind: "programme_invited",
        params: { programmeId: "prog-1", programmeName: "Pilote", role: "mentee" },
        link: "/programmes/prog-1",
      },
    ]);
    expect(opening.closes).toBe(false);
    expect(decidePhaseChange(programme("enrolment"), "matching", enrolled, NOW).notices).toEqual([]);
  });

  it("close the pairs and proposals only when the programme closes", () => {
    expect(decidePhaseChange(programme("running"), "closed", [], NOW).closes).toBe(true);
    expect(decidePhaseChange(programme("matching"), "running", [], NOW).closes).toBe(false);
  });

  it("leave nothing to change in a closed programme", () => {
    expect(codeOf(() => checkNotClosed({ phase: "closed" }))).toBe("PROGRAMME_CLOSED");
    for (const phase of PROGRAMME_PHASES.filter((p) => p !== "closed")) expect(codeOf(() => checkNotClosed({ phase }))).toBeNull();
  });
});

describe("enrolment", () => {
  it("invites the people a manager enrols, except into a draft (told when enrolment opens)", () => {
    expect(enrolmentInvitations(programme("draft"), "mentor", ["ines"])).toEqual([]);
    for (const phase of ["enrolment", "matching", "running"] as const)
      expect(enrolmentInvitations(programme(phase), "mentee", ["bernard"])).toEqual([
        {
          personId: "bernard",
          kind: "programme_invited",
          params: { programmeId: "prog-1", programmeName: "Pilote", role: "mentee" },
          link: "/programmes/prog-1",
        },
      ]);
  });

  it("takes an application, as an answer, to a visible programme open for enrolment that the person is not in", () => {
    const applied = decideApplication({ programme: programme("enrolment"), isVisible: true, isEnrolled: false, role: "mentee", now: NOW });
    expect(applied.enrolment).toEqual({
      programmeId: "prog-1",
      role: "mentee",
      status: "joined",
      source: "application",
      createdAt: NOW,
      answeredAt: NOW,
    });
  });

  it("refuses an application: hidden or unknown as 'not found', outside enrolment, or twice", () => {
    const apply = (facts: Partial<Parameters<typeof decideApplication>[0]>) => () =>
      decideApplication({ programme: programme("enrolment"), isVisible: true, isEnrolled: false, role: "mentor", now: NOW, ...facts });
    expect(codeOf(apply({ programme: undefined }))).toBe("NOT_FOUND");
    expect(codeOf(apply({ isVisible: false }))).toBe("NOT_FOUND");
    for (const phase of PROGRAMME_PHASES.filter((p) => p !== "enrolment"))
      expect(codeOf(apply({ programme: programme(phase) })), phase).toBe("NOT_OPEN_FOR_ENROLMENT");
    expect(codeOf(apply({ isEnrolled: true }))).toBe("ALREADY_ENROLLED");
  });

  it("lets an enrolled person join, or decline (which withdraws their proposals)", () => {
    const answer = (accept: boolean) =>
      decideResponse({ programme: { phase: "enrolment" }, enrolment: { status: "invited" }, accept, hasOpenPair: false, now: NOW });
    expect(answer(true)).toEqual({ change: { status: "joined", answeredAt: NOW }, withdrawsProposals: false });
    expect(answer(false)).toEqual({ change: { status: "declined", answeredAt: NOW }, withdrawsProposals: true });
    // Joining while in a pair is only confirming it.
    expect(
      decideResponse({ programme: { phase: "running" }, enrolment: { status: "invited" }, accept: true, hasOpenPair: true, now: NOW })
        .change.status,
    ).toBe("joined");
  });

  it("tells the managers of a decline, once, naming the person and the programme; a join tells nobody", () => {
    const told = (previousStatus: "invited" | "joined" | "declined", accept: boolean) =>
      decideDeclineNotice({ programme: programme("enrolment"), previousStatus, accept, personName: "Bernard Test" });
    expect(told("invited", false)).toEqual({
      kind: "managers_enrolment_declined",
      params: { personName: "Bernard Test", programmeName: "Pilote" },
      link: "/programmes/prog-1",
    });
    expect(told("joined", false)?.kind).toBe("managers_enrolment_declined");
    expect(told("declined", false)).toBeNull();
    expect(told("invited", true)).toBeNull();
    expect(told("declined", true)).toBeNull();
  });

  it("says what publishing brings someone who has not answered or has no account", () => {
    expect(publishNotice(false)).toBe("invitation");
    expect(publishNotice(true)).toBe("notification");
  });

  it("refuses an answer: not enrolled or a draft as 'not found', a closed programme, a decline while in an open pair", () => {
    const answer = (facts: Partial<Parameters<typeof decideResponse>[0]>) => () =>
      decideResponse({
        programme: { phase: "enrolment" },
        enrolment: { status: "invited" },
        accept: false,
        hasOpenPair: false,
        now: NOW,
        ...facts,
      });
    expect(codeOf(answer({ enrolment: undefined }))).toBe("NOT_FOUND");
    expect(codeOf(answer({ programme: undefined }))).toBe("NOT_FOUND");
    expect(codeOf(answer({ programme: { phase: "draft" } }))).toBe("NOT_FOUND");
    expect(codeOf(answer({ programme: { phase: "closed" } }))).toBe("PROGRAMME_CLOSED");
    expect(codeOf(answer({ hasOpenPair: true }))).toBe("HAS_OPEN_PAIR");
  });

  it("takes someone out only of an open programme and when they are in no open pair", () => {
    expect(codeOf(() => checkRemoval({ programme: { phase: "running" }, hasOpenPair: false }))).toBeNull();
    expect(codeOf(() => checkRemoval({ programme: { phase: "running" }, hasOpenPair: true }))).toBe("HAS_OPEN_PAIR");
    expect(codeOf(() => checkRemoval({ programme: { phase: "closed" }, hasOpenPair: false }))).toBe("PROGRAMME_CLOSED");
  });
});

describe("publishing a run", () => {
  const run = { id: "run-2", publishedAt: null };

  it("is open in matching and running only", () => {
    expect(PROGRAMME_PHASES.filter(isMatchingOpen)).toEqual(["matching", "running"]);
  });

  it("takes only the latest run, once, while matching is open", () => {
    expect(codeOf(() => checkPublishable({ phase: "matching" }, run, "run-2"))).toBeNull();
    for (const phase of ["draft", "enrolment", "closed"] as const)
      expect(
        codeOf(() => checkPublishable({ phase }, run, "run-2")),
        phase,
      ).toBe("MATCHING_NOT_OPEN");
    expect(codeOf(() => checkPublishable({ phase: "running" }, undefined, "run-2"))).toBe("NOT_FOUND");
    expect(codeOf(() => checkPublishable({ phase: "running" }, { ...run, publishedAt: NOW }, "run-2"))).toBe("RUN_PUBLISHED");
    expect(codeOf(() => checkPublishable({ phase: "running" }, run, "run-3"))).toBe("RUN_OUTDATED");
  });

  it("opens the run's pairs whose people are still free and available, never over a mentor's places", () => {
    const pairs = [
      { mentorId: "ines", menteeId: "bernard" },
      { mentorId: "ines", menteeId: "sylvie" }, // Inès has one place: taken by Bernard
      { mentorId: "yanis", menteeId: "gerard" }, // Gérard was paired through a proposal since the run
      { mentorId: "chloe", menteeId: "odile" }, // Odile declined since the run
      { mentorId: "marc", menteeId: "paul" }, // forbidden since the run
      { mentorId: "nora", menteeId: "rose" },
    ];
    const chosen = choosePairsToPublish(pairs, {
      available: new Set(["ines", "bernard", "sylvie", "yanis", "gerard", "chloe", "marc", "paul", "nora", "rose"]),
      excluded: new Set([pairKey("marc", "paul")]),
      busyMentees: new Set(["gerard"]),
      placesLeft: new Map([
        ["ines", 1],
        ["yanis", 1],
        ["chloe", 1],
        ["marc", 1],
        ["nora", 2],
      ]),
    });
    expect(chosen).toEqual([
      { mentorId: "ines", menteeId: "bernard" },
      { mentorId: "nora", menteeId: "rose" },
    ]);
  });

  it("never gives a mentee two pairs, even if the run listed them twice, nor a mentor without a place", () => {
    const chosen = choosePairsToPublish(
      [
        { mentorId: "ines", menteeId: "bernard" },
        { mentorId: "yanis", menteeId: "bernard" },
        { mentorId: "zoe", menteeId: "sylvie" },
      ],
      {
        available: new Set(["ines", "yanis", "bernard", "zoe", "sylvie"]),
        excluded: new Set(),
        busyMentees: new Set(),
        placesLeft: new Map([
          ["ines", 1],
          ["yanis", 1],
        ]),
      },
    );
    expect(chosen).toEqual([{ mentorId: "ines", menteeId: "bernard" }]);
  });

  it("starts a programme in matching; one running stays running", () => {
    expect(phaseAfterPublishing("matching")).toBe("running");
    expect(phaseAfterPublishing("running")).toBe("running");
  });
});

it("turns a profile slot into the engine's", () => {
  expect(engineSlot("tue:lunch")).toBe("tue-lunch");
});
