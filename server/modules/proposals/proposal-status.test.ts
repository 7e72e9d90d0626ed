import { describe, expect, it } from "vitest";
import { isOpenAt, proposalStatusAt } from "./proposal-status.ts";

const EXPIRES = new Date("2026-03-17T09:00:00Z");
const before = new Date(EXPIRES.getTime() - 1);
const open = { status: "open" as const, expiresAt: EXPIRES, decidedAt: null };

describe("a proposal's status when it is read", () => {
  it("is open until its expiry date, and expired from that very moment, decided then", () => {
    expect(proposalStatusAt(open, before)).toEqual({ status: "open", decidedAt: null });
    expect(isOpenAt(open, before)).toBe(true);
    expect(proposalStatusAt(open, EXPIRES)).toEqual({ status: "expired", decidedAt: EXPIRES });
    expect(isOpenAt(open, EXPIRES)).toBe(false);
    expect(proposalStatusAt(open, new Date("2026-04-01T00:00:00Z"))).toEqual({ status: "expired", decidedAt: EXPIRES });
  });

  it("keeps a decision taken before the date, or the sweep's, as it was", () => {
    const later = new Date("2026-04-01T00:00:00Z");
    const acceptedAt = new Date("2026-03-12T10:00:00Z");
    for (const status of ["accepted", "declined", "withdrawn"] as const) {
      const decided = { status, expiresAt: EXPIRES, decidedAt: acceptedAt };
      expect(proposalStatusAt(decided, later)).toEqual({ status, decidedAt: acceptedAt });
      expect(isOpenAt(decided, before)).toBe(false);
    }
    const swept = new Date(EXPIRES.getTime() + 4 * 60_000);
    expect(proposalStatusAt({ status: "expired", expiresAt: EXPIRES, decidedAt: swept }, later)).toEqual({
      status: "expired",
      decidedAt: swept,
    });
  });
});
