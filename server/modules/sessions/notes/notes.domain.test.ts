import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors/app-error.ts";
import { checkOwnerInPair, checkSessionTakesNotes, doneAtAfter, notesRefusal, readableNotes } from "./notes.domain.ts";

const NOW = new Date("2026-03-10T18:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe("when a session takes notes", () => {
  it("once it has begun or was marked held; never when cancelled", () => {
    expect(notesRefusal({ status: "scheduled", startsAt: at(-1) }, NOW)).toBeNull();
    expect(notesRefusal({ status: "scheduled", startsAt: NOW }, NOW)).toBeNull();
    expect(notesRefusal({ status: "missed", startsAt: at(-60) }, NOW)).toBeNull();
    expect(notesRefusal({ status: "held", startsAt: at(30) }, NOW)).toBeNull();
    expect(notesRefusal({ status: "scheduled", startsAt: at(1) }, NOW)).toBe("not_started");
    expect(notesRefusal({ status: "cancelled", startsAt: at(-60) }, NOW)).toBe("cancelled");
    expect(notesRefusal({ status: "cancelled", startsAt: at(60) }, NOW)).toBe("cancelled");
  });

  it("refuses with a 409 whose message says why", () => {
    const refusal = (status: "scheduled" | "cancelled", minutes: number) => {
      try {
        checkSessionTakesNotes({ status, startsAt: at(minutes) }, NOW);
        return null;
      } catch (error) {
        return error instanceof AppError ? [error.status, error.code, error.messageKey] : error;
      }
    };
    expect(refusal("scheduled", 60)).toEqual([409, "NOTES_NOT_OPEN", "errors.notesSessionNotStarted"]);
    expect(refusal("cancelled", -60)).toEqual([409, "NOTES_NOT_OPEN", "errors.notesSessionCancelled"]);
    expect(refusal("scheduled", -60)).toBeNull();
  });
});

describe("what I read of a session's notes", () => {
  const row = (notes: string, isShared: boolean) => ({ notes, journal: "journal privé", isShared, updatedAt: NOW });

  it("all of mine; my partner's notes only when shared and written, never their journal", () => {
    expect(readableNotes(row("les miennes", false), row("les siennes", false))).toEqual({
      mine: { notes: "les miennes", journal: "journal privé", isShared: false, updatedAt: NOW.toISOString() },
      partner: null,
    });
    const shared = readableNotes(undefined, row("les siennes", true));
    expect(shared).toEqual({ mine: null, partner: { notes: "les siennes", updatedAt: NOW.toISOString() } });
    expect(JSON.stringify(shared)).not.toContain("journal privé");
    expect(readableNotes(undefined, row("   ", true)).partner).toBeNull();
  });
});

describe("action items", () => {
  it("belong to one of the pair", () => {
    const member = { personId: "me", partnerId: "partner" };
    expect(() => checkOwnerInPair("me", member)).not.toThrow();
    expect(() => checkOwnerInPair("partner", member)).not.toThrow();
    expect(() => checkOwnerInPair("someone else", member)).toThrow(AppError);
  });

  it("keep the moment they were first done, and lose it when reopened", () => {
    const earlier = at(-120);
    expect(doneAtAfter(null, true, NOW)).toEqual(NOW);
    expect(doneAtAfter(earlier, true, NOW)).toEqual(earlier);
    expect(doneAtAfter(earlier, false, NOW)).toBeNull();
    expect(doneAtAfter(earlier, undefined, NOW)).toEqual(earlier);
  });
});
