/**
 * "Stable" mode: mentee-proposing Gale–Shapley on the same scores (both sides rank a pair by its score), with mentor
 * capacities, forbidden pairs, locks and the minimum score. Stable matchings avoid pairs that would both rather be
 * together, but they can lose total score against the optimum: `report.ts` shows both figures side by side.
 */
import type { DenseProblem } from "./matching.domain.ts";

/** Result of the stable mode: same shape as the optimal solver's pairs, without dual prices. */
export interface StableAssignment {
  columnOfRow: Int32Array;
  rowScore: Float64Array;
  total: number;
}

function allowed(w: number, minScore: number): boolean {
  return !Number.isNaN(w) && w >= minScore;
}

/** Mentee-proposing deferred acceptance. Ties: a mentee proposes to lower column indices first; a mentor keeps lower row indices. */
export function solveStable(problem: DenseProblem): StableAssignment {
  const { rows, cols, scores } = problem;
  const minScore = problem.minScore ?? Number.NEGATIVE_INFINITY;
  const capacity = Int32Array.from({ length: cols }, (_, j) => (problem.capacities ? (problem.capacities[j] as number) : 1));
  const columnOfRow = new Int32Array(rows).fill(-1);
  const isLocked = new Uint8Array(rows);
  for (const [r, c] of problem.locks ?? []) {
    isLocked[r] = 1;
    columnOfRow[r] = c;
    capacity[c] = (capacity[c] as number) - 1;
  }
  // Each mentee's preference list: allowed columns by score, descending.
  const preferences: Int32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const list: number[] = [];
    if (!isLocked[r])
      for (let j = 0; j < cols; j++) if (allowed(scores[r * cols + j] as number, minScore) && (capacity[j] as number) > 0) list.push(j);
    list.sort((a, b) => (scores[r * cols + b] as number) - (scores[r * cols + a] as number) || a - b);
    preferences.push(Int32Array.from(list));
  }
  const held: number[][] = Array.from({ length: cols }, () => []);
  const next = new Int32Array(rows);
  const queue: number[] = [];
  for (let r = rows - 1; r >= 0; r--) if (!isLocked[r]) queue.push(r);
  const worse = (j: number, a: number, b: number): boolean => {
    // true when mentor j prefers b over a
    const wa = scores[a * cols + j] as number;
    const wb = scores[b * cols + j] as number;
    return wb > wa || (wb === wa && b < a);
  };
  while (queue.length > 0) {
    const r = queue.pop() as number;
    const prefs = preferences[r] as Int32Array;
    if ((next[r] as number) >= prefs.length) continue;
    const j = prefs[next[r] as number] as number;
    next[r] = (next[r] as number) + 1;
    const list = held[j] as number[];
    if (list.length < (capacity[j] as number)) {
      list.push(r);
      columnOfRow[r] = j;
      continue;
    }
    let worst = 0;
    for (let k = 1; k < list.length; k++) if (worse(j, list[k] as number, list[worst] as number)) worst = k;
    const w = list[worst] as number;
    if (worse(j, w, r)) {
      list[worst] = r;
      columnOfRow[r] = j;
      columnOfRow[w] = -1;
      queue.push(w);
    } else queue.push(r);
  }
  const rowScore = new Float64Array(rows).fill(Number.NaN);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const c = columnOfRow[r] as number;
    if (c >= 0) {
      const w = scores[r * cols + c] as number;
      rowScore[r] = Number.isNaN(w) ? 0 : w;
      total += rowScore[r] as number;
    }
  }
  return { columnOfRow, rowScore, total };
}

/**
 * Blocking pairs of any result: an allowed, unlocked mentee and a mentor who both strictly prefer each other (by
 * score) to what they have; a mentor with room left prefers anyone allowed.
 */
export function countBlockingPairs(problem: DenseProblem, columnOfRow: Int32Array): number {
  const { rows, cols, scores } = problem;
  const minScore = problem.minScore ?? Number.NEGATIVE_INFINITY;
  const capacity = Int32Array.from({ length: cols }, (_, j) => (problem.capacities ? (problem.capacities[j] as number) : 1));
  const isLocked = new Uint8Array(rows);
  // Locked pairs cannot be broken: they take a seat but are never the one a mentor would give up.
  for (const [r, c] of problem.locks ?? []) {
    isLocked[r] = 1;
    capacity[c] = (capacity[c] as number) - 1;
  }
  const load = new Int32Array(cols);
  const worstHeld = new Float64Array(cols).fill(Number.POSITIVE_INFINITY);
  for (let r = 0; r < rows; r++) {
    const c = columnOfRow[r] as number;
    if (c < 0 || isLocked[r]) continue;
    load[c] = (load[c] as number) + 1;
    const w = scores[r * cols + c] as number;
    worstHeld[c] = Math.min(worstHeld[c] as number, Number.isNaN(w) ? Number.NEGATIVE_INFINITY : w);
  }
  let blocking = 0;
  for (let r = 0; r < rows; r++) {
    if (isLocked[r]) continue;
    const c = columnOfRow[r] as number;
    const current = c >= 0 ? (scores[r * cols + c] as number) : Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) {
      if (j === c || (capacity[j] as number) <= 0) continue;
      const w = scores[r * cols + j] as number;
      if (!allowed(w, minScore) || !(w > current)) continue;
      if ((load[j] as number) < (capacity[j] as number) || w > (worstHeld[j] as number)) blocking++;
    }
  }
  return blocking;
}
