import { describe, expect, it } from "vitest";
import { seededRandom } from "../../platform/random/seeded-random.ts";
import { checkSparseCertificate } from "./certificate.ts";
import { bruteForce } from "./matching-test-helpers.ts";
import { canTranspose, menteeFavouredPrices, type SparseProblem, solveSparse } from "./sparse-solver.ts";

/** A random sparse problem: few edges per row, coarse scores (many ties), capacities 0–3, some skipped rows. */
function randomSparse(seed: number, capacityOne: boolean): SparseProblem {
  const rand = seededRandom(seed);
  const rows = 1 + Math.floor(rand() * 7);
  const cols = 1 + Math.floor(rand() * 6);
  const rowStart = new Int32Array(rows + 1);
  const col: number[] = [];
  const score: number[] = [];
  const coarse = rand() < 0.6;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (rand() < 0.55) {
        col.push(j);
        score.push(coarse ? Math.floor(rand() * 5) / 4 : rand());
      }
    }
    rowStart[i + 1] = col.length;
  }
  const capacities = Int32Array.from({ length: cols }, () => (capacityOne ? (rand() < 0.9 ? 1 : 0) : Math.floor(rand() * 4)));
  const skipRow = rand() < 0.2 ? Uint8Array.from({ length: rows }, () => (rand() < 0.3 ? 1 : 0)) : undefined;
  return { rows, cols, rowStart, col: Int32Array.from(col), score: Float64Array.from(score), capacities, unmatchedScore: 0, skipRow };
}

function bruteTotal(p: SparseProblem): number {
  const scores = new Float64Array(p.rows * p.cols).fill(Number.NaN);
  for (let i = 0; i < p.rows; i++) {
    if (p.skipRow?.[i]) continue;
    for (let e = p.rowStart[i] as number; e < (p.rowStart[i + 1] as number); e++)
      scores[i * p.cols + (p.col[e] as number)] = p.score[e] as number;
  }
  return bruteForce({ rows: p.rows, cols: p.cols, scores, capacities: p.capacities }).total;
}

describe("solveSparse", () => {
  it("is exact with capacities (greedy start with margins) on 3,000 random sparse problems, with a checked certificate", () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const problem = randomSparse(seed, false);
      const result = solveSparse(problem);
      expect(result.total, `seed ${seed}`).toBeCloseTo(Math.max(0, bruteTotal(problem)), 9);
      const check = checkSparseCertificate(problem, result);
      expect(check.violations, `seed ${seed}`).toEqual([]);
    }
  });

  it("solves the transposed problem (mentors as rows) to the same optimum, with duals valid in the original", () => {
    let transposed = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const problem = randomSparse(seed, true);
      expect(canTranspose(problem)).toBe(true);
      const byRows = solveSparse(problem);
      const byColumns = solveSparse({ ...problem, orientation: "columns" });
      const auto = solveSparse({ ...problem, orientation: "auto" });
      expect(byColumns.total, `seed ${seed}`).toBeCloseTo(byRows.total, 9);
      expect(byColumns.total, `seed ${seed}`).toBeCloseTo(Math.max(0, bruteTotal(problem)), 9);
      expect(auto).toEqual(byColumns);
      expect(checkSparseCertificate(problem, byColumns).violations, `seed ${seed}`).toEqual([]);
      for (let i = 0; i < problem.rows; i++) {
        const e = byColumns.edgeOfRow[i] as number;
        if (e >= 0) expect(problem.col[e]).toBe(byColumns.columnOfRow[i]);
        if (problem.skipRow?.[i]) expect(e).toBe(-1);
      }
      if (byColumns.total > 0) transposed++;
    }
    expect(transposed).toBeGreaterThan(2000);
  });

  it("refuses the transposed orientation when a mentor takes several mentees or an unmatched mentee costs", () => {
    const problem = randomSparse(7, false);
    problem.capacities[0] = 2;
    expect(canTranspose(problem)).toBe(false);
    expect(() => solveSparse({ ...problem, orientation: "columns" })).toThrow(/orientation "columns"/);
    expect(solveSparse({ ...problem, orientation: "auto" })).toEqual(solveSparse(problem));
    expect(canTranspose({ ...randomSparse(8, true), unmatchedScore: -1000 })).toBe(false);
  });

  it("moves every optimal price to the mentees' side: still a certificate, the same prices from either orientation", () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const problem = randomSparse(seed, seed % 2 === 0);
      const byRows = solveSparse(problem);
      const favoured = menteeFavouredPrices(problem, byRows);
      expect(checkSparseCertificate(problem, favoured).violations, `seed ${seed}`).toEqual([]);
      for (let i = 0; i < problem.rows; i++)
        expect(favoured.rowPrice[i] as number).toBeGreaterThanOrEqual((byRows.rowPrice[i] as number) - 1e-12);
      if (!canTranspose(problem)) continue;
      // The mentors-as-rows solve gives the mentors the surplus; once favoured, its prices are the same extreme point.
      const fromColumns = menteeFavouredPrices(problem, solveSparse({ ...problem, orientation: "columns" }));
      for (let i = 0; i < problem.rows; i++) expect(fromColumns.rowPrice[i], `seed ${seed}`).toBeCloseTo(favoured.rowPrice[i] as number, 9);
    }
  });
});
