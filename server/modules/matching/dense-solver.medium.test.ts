import fc from "fast-check";
import { munkres } from "munkres";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../platform/random/seeded-random.ts";
import { checkDenseCertificate } from "./certificate.ts";
import { solveDense, solveDenseJv } from "./dense-solver.ts";
import type { DenseProblem } from "./matching.domain.ts";

function mediumProblem(seed: number, rows: number, cols: number): DenseProblem {
  const rand = seededRandom(seed);
  const coarse = seed % 2 === 0;
  const scores = Float64Array.from({ length: rows * cols }, () => {
    if (rand() < 0.05) return Number.NaN;
    return coarse ? Math.floor(rand() * 6) / 5 : rand();
  });
  const capacities = Array.from({ length: cols }, () => 1 + Math.floor(rand() * 3));
  const locks: [number, number][] = [];
  const room = [...capacities];
  for (let r = 0; r < rows; r += 37) {
    const c = (r * 7) % cols;
    if ((room[c] as number) > 0) {
      room[c] = (room[c] as number) - 1;
      locks.push([r, c]);
    }
  }
  return { rows, cols, scores, capacities, locks, minScore: seed % 3 === 0 ? 0.3 : undefined };
}

describe("dense solver on medium instances", () => {
  it("gives the same total as munkres 2.0.4 on full square and rectangular matrices", () => {
    for (const [seed, rows, cols] of [
      [1, 150, 150],
      [2, 220, 180],
      [3, 160, 240],
      [4, 300, 300],
    ] as const) {
      const rand = seededRandom(seed);
      const matrix = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (seed % 2 ? rand() : Math.floor(rand() * 4))));
      const pairs = munkres(matrix.map((row) => row.map((w) => -w)));
      const expected = pairs.reduce((sum, [r, c]) => sum + (matrix[r]?.[c] as number), 0);
      const result = solveDense({ rows, cols, scores: Float64Array.from(matrix.flat()), matchAll: true });
      expect(result.total).toBeCloseTo(expected, 9);
    }
  });

  it("candidate-graph path equals the full-matrix JV and carries a valid certificate", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const problem = mediumProblem(seed, 260 + seed * 10, 200 - seed * 5);
      const fast = solveDense(problem, { candidatesPerRow: 3 });
      const reference = solveDenseJv(problem);
      expect(fast.total).toBeCloseTo(reference.total, 9);
      const check = checkDenseCertificate(problem, fast);
      expect(check.violations).toEqual([]);
      expect(checkDenseCertificate(problem, reference).violations).toEqual([]);
    }
  });

  it("is deterministic: same input, same pairs", () => {
    const problem = mediumProblem(42, 400, 300);
    expect(Array.from(solveDense(problem).columnOfRow)).toEqual(Array.from(solveDense(problem).columnOfRow));
  });
});

const smallMatrix = fc.record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 7 }) }).chain(({ rows, cols }) =>
  fc.record({
    rows: fc.constant(rows),
    cols: fc.constant(cols),
    cells: fc.array(fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: rows * cols,
      maxLength: rows * cols,
    }),
    capacity: fc.integer({ min: 1, max: 3 }),
    row: fc.nat(rows - 1),
    col: fc.nat(cols - 1),
  }),
);

describe("dense solver properties", () => {
  it("forbidding a pair never raises the total", () => {
    fc.assert(
      fc.property(smallMatrix, ({ rows, cols, cells, capacity, row, col }) => {
        const capacities = new Array(cols).fill(capacity);
        const scores = Float64Array.from(cells);
        const before = solveDense({ rows, cols, scores, capacities }).total;
        scores[row * cols + col] = Number.NaN;
        return solveDense({ rows, cols, scores, capacities }).total <= before + 1e-12;
      }),
      { numRuns: 300 },
    );
  });

  it("raising one pair's score never lowers the total, and raises it by at most the increase", () => {
    fc.assert(
      fc.property(smallMatrix, fc.double({ min: 0, max: 1, noNaN: true }), ({ rows, cols, cells, capacity, row, col }, delta) => {
        const capacities = new Array(cols).fill(capacity);
        const scores = Float64Array.from(cells);
        const before = solveDense({ rows, cols, scores, capacities }).total;
        scores[row * cols + col] = (scores[row * cols + col] as number) + delta;
        const after = solveDense({ rows, cols, scores, capacities }).total;
        return after >= before - 1e-12 && after <= before + delta + 1e-12;
      }),
      { numRuns: 300 },
    );
  });

  it("raising the minimum score never raises the total", () => {
    fc.assert(
      fc.property(smallMatrix, fc.double({ min: 0, max: 1, noNaN: true }), ({ rows, cols, cells, capacity }, minScore) => {
        const capacities = new Array(cols).fill(capacity);
        const scores = Float64Array.from(cells);
        const loose = solveDense({ rows, cols, scores, capacities }).total;
        return solveDense({ rows, cols, scores, capacities, minScore }).total <= loose + 1e-12;
      }),
      { numRuns: 300 },
    );
  });
});
