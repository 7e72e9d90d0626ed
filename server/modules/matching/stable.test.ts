import { describe, expect, it } from "vitest";
import { seededRandom } from "../../platform/random/seeded-random.ts";
import { solveDense } from "./dense-solver.ts";
import { randomSmallProblem } from "./matching-test-helpers.ts";
import { matchingReport } from "./report.ts";
import { countBlockingPairs, solveStable } from "./stable.ts";

describe("stable mode", () => {
  it("has no blocking pair and never beats the optimal total", () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const problem = { ...randomSmallProblem(seed), matchAll: false };
      const stable = solveStable(problem);
      expect(countBlockingPairs(problem, stable.columnOfRow), `seed ${seed}`).toBe(0);
      expect(stable.total).toBeLessThanOrEqual(solveDense(problem).total + 1e-9);
    }
  });

  it("shows the price of stability on a classic example", () => {
    // Mentee 0 and mentor 0 love each other (0.9), which leaves mentee 1 with a poor pair; the optimum swaps them.
    const scores = Float64Array.from([0.9, 0.8, 0.7, 0.0]);
    const problem = { rows: 2, cols: 2, scores };
    expect(solveStable(problem).total).toBeCloseTo(0.9);
    const optimal = solveDense(problem);
    expect(optimal.total).toBeCloseTo(1.5);
    expect(countBlockingPairs(problem, optimal.columnOfRow)).toBe(1);
  });
});

describe("report", () => {
  it("gives the matched ratio, worst and median scores", () => {
    const report = matchingReport(Float64Array.from([0.5, Number.NaN, 0.9, 0.7]), 3, 2);
    expect(report).toEqual({
      mentees: 4,
      mentors: 3,
      pairs: 3,
      matchedRatio: 0.75,
      total: 2.1,
      worstScore: 0.5,
      medianScore: 0.7,
      blockingPairs: 2,
    });
    expect(seededRandom(1)()).toBeLessThan(1);
  });
});
