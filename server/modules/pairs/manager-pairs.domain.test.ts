import { describe, expect, it } from "vitest";
import { checkNewPair, newPairBlock, presentActivity } from "./manager-pairs.domain.ts";

const free = { phase: "running", menteeHasOpenPair: false, mentorOpenPairs: 0, mentorCapacity: 1 } as const;

describe("a pair formed by a manager", () => {
  it("is allowed while matching is open, to a free mentee and a mentor with a place left", () => {
    expect(newPairBlock(free)).toBeNull();
    expect(newPairBlock({ ...free, phase: "matching" })).toBeNull();
    expect(newPairBlock({ ...free, mentorOpenPairs: 1, mentorCapacity: 2 })).toBeNull();
    expect(() => checkNewPair(free)).not.toThrow();
  });

  it("says why not: matching closed first, then a mentee in an open pair, then a full mentor", () => {
    for (const phase of ["draft", "enrolment", "closed"] as const) expect(newPairBlock({ ...free, phase })).toBe("matching_not_open");
    expect(newPairBlock({ ...free, menteeHasOpenPair: true, mentorOpenPairs: 1 })).toBe("has_open_pair");
    expect(newPairBlock({ ...free, mentorOpenPairs: 1 })).toBe("mentor_full");
    expect(() => checkNewPair({ ...free, phase: "closed" })).toThrow(expect.objectContaining({ code: "MATCHING_NOT_OPEN", status: 409 }));
    expect(() => checkNewPair({ ...free, menteeHasOpenPair: true })).toThrow(
      expect.objectContaining({ code: "HAS_OPEN_PAIR", status: 409 }),
    );
    expect(() => checkNewPair({ ...free, mentorOpenPairs: 2, mentorCapacity: 2 })).toThrow(
      expect.objectContaining({ code: "MENTOR_FULL", status: 409 }),
    );
  });
});

describe("a pair's activity as the managers see it", () => {
  it("is counts and instants only", () => {
    const activity = presentActivity({
      scheduled: 2,
      held: 3,
      missed: 1,
      cancelled: 0,
      lastHeldAt: new Date("2026-02-24T17:30:00Z"),
      nextAt: null,
      notStarted: 1,
      inProgress: 2,
      achieved: 1,
      dropped: 0,
      signedOff: 1,
      notesWritten: 4,
      actionItemsOpen: 2,
      actionItemsDone: 5,
      resources: 3,
    });
    expect(activity).toEqual({
      sessions: { scheduled: 2, held: 3, missed: 1, cancelled: 0, lastHeldAt: "2026-02-24T17:30:00.000Z", nextAt: null },
      goals: { byStatus: { not_started: 1, in_progress: 2, achieved: 1, dropped: 0 }, signedOff: 1 },
      notes: { notesWritten: 4, actionItemsOpen: 2, actionItemsDone: 5, resources: 3 },
    });
  });
});
