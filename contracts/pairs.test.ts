import { describe, expect, it } from "vitest";
import { FIT_LEVELS, FIT_THRESHOLDS, fitOf } from "./pairs.ts";

describe("fit levels", () => {
  it("are listed highest first, each from a lower threshold", () => {
    const thresholds = FIT_LEVELS.map((level) => FIT_THRESHOLDS[level]);
    expect(thresholds).toEqual([...thresholds].sort((a, b) => b - a));
    expect(FIT_THRESHOLDS.some).toBe(0);
  });

  it("turn scores into levels at 0.6 and 0.4", () => {
    expect(fitOf(0.82)).toBe("strong");
    expect(fitOf(0.6)).toBe("strong");
    expect(fitOf(0.59)).toBe("good");
    expect(fitOf(0.45)).toBe("good");
    expect(fitOf(0.4)).toBe("good");
    expect(fitOf(0.23)).toBe("some");
    expect(fitOf(0)).toBe("some");
  });
});
