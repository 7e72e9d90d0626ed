import { describe, expect, it } from "vitest";
import { seededRandom } from "../../platform/random/seeded-random.ts";
import { checkDenseCertificate } from "./certificate.ts";
import { solveDense } from "./dense-solver.ts";
import { bruteForce, randomSmallProblem } from "./matching-test-helpers.ts";

describe("dense solver", () => {
  it("matches brute force and proves it on 4,000 small random instances", () => {
    for (let seed = 1; seed <= 4000; seed++) {
      const problem = randomSmallProblem(seed);
      const expected = bruteForce(problem);
      for (const strategy of ["jv", "candidates"] as const) {
        const result = solveDense(problem, { strategy, candidatesPerRow: 1 + (seed % 3) });
        const pairs = result.columnOfRow.reduce((k, c) => k + (c >= 0 ? 1 : 0), 0);
        if (Math.abs(result.total - expected.total) > 1e-9 || (problem.matchAll && pairs !== expected.pairs)) {
          throw new Error(
            `seed ${seed} (${strategy}): total ${result.total} (${pairs} pairs), brute force ${expected.total} (${expected.pairs} pairs)`,
          );
        }
        if (!problem.matchAll) {
          const check = checkDenseCertificate(problem, result);
          if (!check.ok) throw new Error(`seed ${seed} (${strategy}): certificate rejected: ${check.violations.join("; ")}`);
        }
      }
    }
  });

  it("respects locks even on forbidden or low pairs", () => {
    const scores = Float64Array.from([Number.NaN, 0.9, 0.1, 0.8]);
    const result = solveDense({ rows: 2, cols: 2, scores, locks: [[0, 0]], minScore: 0.5 });
    expect(Array.from(result.columnOfRow)).toEqual([0, 1]);
  });

  it("leaves a mentee unmatched rather than under the minimum score", () => {
    const scores = Float64Array.from([0.9, 0.2]);
    const result = solveDense({ rows: 2, cols: 1, scores, capacities: [2], minScore: 0.3 });
    expect(Array.from(result.columnOfRow)).toEqual([0, -1]);
    expect(result.total).toBeCloseTo(0.9);
  });

  it("rejects inconsistent locks with a clear message", () => {
    const scores = new Float64Array(4).fill(0.5);
    expect(() =>
      solveDense({
        rows: 2,
        cols: 2,
        scores,
        locks: [
          [0, 0],
          [1, 0],
        ],
      }),
    ).toThrow(/capacity of column 0/);
    expect(() =>
      solveDense({
        rows: 2,
        cols: 2,
        scores,
        locks: [
          [0, 0],
          [0, 1],
        ],
      }),
    ).toThrow(/row 0 is locked twice/);
  });

  it("is deterministic and certified on a medium instance with many ties", () => {
    const rand = seededRandom(7);
    const rows = 120;
    const cols = 60;
    const scores = Float64Array.from({ length: rows * cols }, () => Math.floor(rand() * 5) / 4);
    const problem = { rows, cols, scores, capacities: Array.from({ length: cols }, (_, j) => 1 + (j % 3)) };
    const first = solveDense(problem);
    const second = solveDense(problem);
    expect(Array.from(second.columnOfRow)).toEqual(Array.from(first.columnOfRow));
    expect(checkDenseCertificate(problem, first).ok).toBe(true);
  });
});
