/** Test helpers for the matching module: seeded random instances and a brute-force reference solver. */
import { seededRandom } from "../../platform/random/seeded-random.ts";
import type { DenseProblem } from "./matching.domain.ts";

/** A random small dense problem with ties, forbidden pairs, capacities, locks and sometimes a minimum score. */
export function randomSmallProblem(seed: number): DenseProblem {
  const rand = seededRandom(seed);
  const rows = 1 + Math.floor(rand() * 6);
  const cols = 1 + Math.floor(rand() * 5);
  const coarse = rand() < 0.5;
  const scores = new Float64Array(rows * cols);
  const forbidRate = rand() < 0.3 ? 0 : rand() * 0.5;
  for (let k = 0; k < scores.length; k++) {
    if (rand() < forbidRate) scores[k] = Number.NaN;
    else scores[k] = coarse ? Math.floor(rand() * 4) / 4 : rand() < 0.1 ? -rand() : rand();
  }
  const capacities = Array.from({ length: cols }, () => (rand() < 0.6 ? 1 : Math.floor(rand() * 3)));
  const locks: [number, number][] = [];
  if (rand() < 0.3) {
    const room = [...capacities];
    for (let r = 0; r < rows; r++) {
      const c = Math.floor(rand() * cols);
      if (rand() < 0.3 && (room[c] as number) > 0) {
        room[c] = (room[c] as number) - 1;
        locks.push([r, c]);
      }
    }
  }
  const problem: DenseProblem = { rows, cols, scores, capacities, locks };
  if (rand() < 0.3) problem.minScore = Math.floor(rand() * 4) / 4;
  if (rand() < 0.2) problem.matchAll = true;
  return problem;
}

/** Exhaustive optimum: the best total (and, with `matchAll`, the most pairs first). */
export function bruteForce(problem: DenseProblem): { total: number; pairs: number } {
  const { rows, cols, scores } = problem;
  const minScore = problem.minScore ?? Number.NEGATIVE_INFINITY;
  const room = Array.from({ length: cols }, (_, j) => (problem.capacities ? (problem.capacities[j] as number) : 1));
  const lockOf = new Map<number, number>();
  for (const [r, c] of problem.locks ?? []) lockOf.set(r, c);
  let best = { total: Number.NEGATIVE_INFINITY, pairs: -1 };
  const better = (total: number, pairs: number): boolean => {
    if (problem.matchAll && pairs !== best.pairs) return pairs > best.pairs;
    return total > best.total + 1e-12;
  };
  const visit = (r: number, total: number, pairs: number): void => {
    if (r === rows) {
      if (better(total, pairs)) best = { total, pairs };
      return;
    }
    const locked = lockOf.get(r);
    if (locked !== undefined) {
      const w = scores[r * cols + locked] as number;
      visit(r + 1, total + (Number.isNaN(w) ? 0 : w), pairs + 1);
      return;
    }
    visit(r + 1, total, pairs);
    for (let c = 0; c < cols; c++) {
      const w = scores[r * cols + c] as number;
      if (Number.isNaN(w) || w < minScore || (room[c] as number) <= 0) continue;
      room[c] = (room[c] as number) - 1;
      visit(r + 1, total + w, pairs + 1);
      room[c] = (room[c] as number) + 1;
    }
  };
  // Locks first reduce the capacity seen by the other rows.
  for (const [, c] of problem.locks ?? []) room[c] = (room[c] as number) - 1;
  visit(0, 0, 0);
  return best;
}
