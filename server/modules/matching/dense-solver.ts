/**
 * Exact dense assignment: mentees (rows) × mentors (columns), maximising the total score.
 *
 * Algorithm: Jonker–Volgenant. An augmenting-row-reduction phase (auction-like, cheap) assigns most rows,
 * then a shortest-augmenting-path phase (Dijkstra on reduced costs) assigns the rest exactly.
 * Mentor capacities are handled by column replication ("slots"): a mentor of capacity k is k identical
 * columns, each with its own price, which keeps every JV invariant of the 1-to-1 case.
 * "Unmatched" is a private option per row (a dummy column only that row can use, price fixed at 0), so a
 * row stays unmatched when every allowed pair would lower the total (or is under the minimum score).
 */
import type { DenseAssignment, DenseProblem } from "./matching.domain.ts";
import { solveSparse } from "./sparse-solver.ts";

const FORBIDDEN = Number.POSITIVE_INFINITY;

/** Internal state after locks are applied: costs are `-score` (min-cost form), forbidden = +∞. */
interface Prepared {
  rows: number;
  cols: number;
  /** Row indices the solver must place (not locked). */
  freeRows: Int32Array;
  /** Slot → mentor column. */
  slotColumn: Int32Array;
  /** First slot of each column (length cols + 1). */
  slotStart: Int32Array;
  unmatchedScore: number;
  locked: Int32Array;
  /** Largest absolute score (at least 1), for tolerances. */
  scale: number;
}

/** The value a row gets when unmatched: 0, or in `matchAll` mode a penalty larger than any total spread. */
function unmatchedScoreOf(problem: DenseProblem, lo: number, hi: number): number {
  if (!problem.matchAll || lo > hi) return 0;
  // Lexicographic objective (most pairs first, then best total) with one penalty larger than any total spread.
  return lo - (hi - lo + 1) * (Math.min(problem.rows, problem.cols) + 1);
}

/**
 * Validates the problem and applies the locks. `scanScores` = false skips the pass over every cell (the candidate path
 * sees each cell anyway and checks them there); `matchAll` always needs the score range for its penalty.
 */
function prepare(problem: DenseProblem, scanScores = true): Prepared {
  const { rows, cols, scores } = problem;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0)
    throw new RangeError("rows and cols must be non-negative integers");
  if (scores.length !== rows * cols) throw new RangeError(`scores has ${scores.length} cells, expected ${rows}×${cols}`);
  // One pass for validation and range: on a 4000² matrix every pass over the cells costs about 30 ms.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  if (scanScores || problem.matchAll) {
    for (let k = 0; k < scores.length; k++) {
      const w = scores[k] as number;
      if (w < lo && w !== Number.NEGATIVE_INFINITY) lo = w;
      if (w > hi) hi = w;
    }
  }
  if (hi === Number.POSITIVE_INFINITY) {
    const k = scores.indexOf(hi);
    throw new RangeError(`score at row ${Math.floor(k / cols)}, column ${k % cols} is not finite`);
  }
  const capacity = new Int32Array(cols);
  for (let j = 0; j < cols; j++) {
    const c = problem.capacities ? problem.capacities[j] : 1;
    if (c === undefined || !Number.isInteger(c) || c < 0) throw new RangeError(`capacity of column ${j} must be a non-negative integer`);
    capacity[j] = c;
  }
  const locked = new Int32Array(rows).fill(-1);
  for (const [r, c] of problem.locks ?? []) {
    if (!(r >= 0 && r < rows && c >= 0 && c < cols)) throw new RangeError(`locked pair [${r}, ${c}] is out of range`);
    if (locked[r] !== -1) throw new RangeError(`row ${r} is locked twice`);
    if ((capacity[c] as number) === 0) throw new RangeError(`locked pairs exceed the capacity of column ${c}`);
    locked[r] = c;
    capacity[c] = (capacity[c] as number) - 1;
  }
  const slotStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) slotStart[j + 1] = (slotStart[j] as number) + (capacity[j] as number);
  const slotColumn = new Int32Array(slotStart[cols] as number);
  for (let j = 0; j < cols; j++) slotColumn.fill(j, slotStart[j], slotStart[j + 1]);
  let free = 0;
  for (let r = 0; r < rows; r++) if (locked[r] === -1) free++;
  const freeRows = new Int32Array(free);
  free = 0;
  for (let r = 0; r < rows; r++) if (locked[r] === -1) freeRows[free++] = r;
  return {
    rows,
    cols,
    freeRows,
    slotColumn,
    slotStart,
    unmatchedScore: unmatchedScoreOf(problem, lo, hi),
    locked,
    scale: Math.max(1, Math.abs(lo), Math.abs(hi)),
  };
}

/**
 * Solves the dense problem exactly with Jonker–Volgenant on the full matrix. Deterministic: the same input gives the
 * same pairs (ties are broken by row and column index, never by time or randomness).
 */
export function solveDenseJv(problem: DenseProblem): DenseAssignment {
  const prep = prepare(problem);
  const { rows, cols, freeRows, slotColumn, slotStart, locked } = prep;
  const n = freeRows.length;
  const m = slotColumn.length;
  const minScore = problem.minScore ?? Number.NEGATIVE_INFINITY;
  const dummyCost = -prep.unmatchedScore;

  // Cost matrix over (free rows) × (slots), row-major, so the hot loops read one contiguous Float64Array.
  const cost = new Float64Array(n * m);
  for (let a = 0; a < n; a++) {
    const src = (freeRows[a] as number) * cols;
    const dst = a * m;
    for (let s = 0; s < m; s++) {
      const w = problem.scores[src + (slotColumn[s] as number)] as number;
      cost[dst + s] = Number.isNaN(w) || w < minScore ? FORBIDDEN : -w;
    }
  }

  const v = new Float64Array(m); // slot prices (min form, ≤ 0); a slot that was never taken keeps 0
  const u = new Float64Array(n);
  const slotOfRow = new Int32Array(n).fill(-1); // -1 = not placed yet, -2 = unmatched (its dummy)
  const rowOfSlot = new Int32Array(m).fill(-1);
  const DUMMY = -2;

  augmentingRowReduction(n, m, cost, dummyCost, v, slotOfRow, rowOfSlot);
  for (let a = 0; a < n; a++) {
    const s = slotOfRow[a] as number;
    u[a] = s >= 0 ? (cost[a * m + s] as number) - (v[s] as number) : s === DUMMY ? dummyCost : 0;
  }

  // Shortest augmenting paths for the rows the reduction phase left free.
  const sp = new Float64Array(m);
  const path = new Int32Array(m);
  const remaining = new Int32Array(m);
  const visitedRows = new Int32Array(n);
  const rowDist = new Float64Array(n);
  const poppedSlots = new Int32Array(m);
  for (let root = 0; root < n; root++) {
    if (slotOfRow[root] !== -1) continue;
    sp.fill(Number.POSITIVE_INFINITY);
    for (let s = 0; s < m; s++) remaining[s] = m - 1 - s;
    let numRemaining = m;
    let numVisited = 0;
    let numPopped = 0;
    let bestDummy = Number.POSITIVE_INFINITY;
    let bestDummyRow = -1;
    let i = root;
    let dist = 0;
    let sink = -1;
    let minVal = 0;
    for (;;) {
      visitedRows[numVisited] = i;
      rowDist[numVisited++] = dist;
      const h = dist - (u[i] as number);
      const viaDummy = h + dummyCost;
      if (viaDummy < bestDummy) {
        bestDummy = viaDummy;
        bestDummyRow = i;
      }
      const base = i * m;
      let lowest = Number.POSITIVE_INFINITY;
      let lowestAt = -1;
      for (let k = 0; k < numRemaining; k++) {
        const s = remaining[k] as number;
        const r = h + (cost[base + s] as number) - (v[s] as number);
        let d = sp[s] as number;
        if (r < d) {
          sp[s] = r;
          path[s] = i;
          d = r;
        }
        if (d < lowest || (d === lowest && rowOfSlot[s] === -1)) {
          lowest = d;
          lowestAt = k;
        }
      }
      if (bestDummy < lowest || lowestAt === -1) {
        minVal = bestDummy;
        sink = -1;
        break;
      }
      const s = remaining[lowestAt] as number;
      remaining[lowestAt] = remaining[--numRemaining] as number;
      poppedSlots[numPopped++] = s;
      minVal = lowest;
      if (rowOfSlot[s] === -1) {
        sink = s;
        break;
      }
      i = rowOfSlot[s] as number;
      dist = lowest;
    }
    if (minVal === Number.POSITIVE_INFINITY)
      throw new Error("no augmenting path: every option of a row is forbidden, including staying unmatched");
    // Dual update: keeps every reduced cost ≥ 0 and makes the new path tight.
    for (let k = 0; k < numVisited; k++) {
      const r = visitedRows[k] as number;
      u[r] = (u[r] as number) + minVal - (rowDist[k] as number);
    }
    for (let k = 0; k < numPopped; k++) {
      const s = poppedSlots[k] as number;
      if (s !== sink) v[s] = (v[s] as number) - (minVal - (sp[s] as number));
    }
    // Augment along the path, from the sink back to the root.
    let s: number;
    if (sink === -1) {
      s = slotOfRow[bestDummyRow] as number;
      slotOfRow[bestDummyRow] = DUMMY;
      if (bestDummyRow === root) continue;
      rowOfSlot[s] = -1;
    } else {
      s = sink;
    }
    for (;;) {
      const r = path[s] as number;
      const previous = slotOfRow[r] as number;
      slotOfRow[r] = s;
      rowOfSlot[s] = r;
      if (r === root) break;
      s = previous;
    }
  }

  // Back to the caller's indices and the max-form duals (row utility, mentor price).
  const columnOfRow = new Int32Array(rows).fill(-1);
  const rowScore = new Float64Array(rows).fill(Number.NaN);
  const rowPrice = new Float64Array(rows);
  const columnPrice = new Float64Array(cols);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const c = locked[r] as number;
    if (c >= 0) {
      columnOfRow[r] = c;
      const w = problem.scores[r * cols + c] as number;
      rowScore[r] = Number.isNaN(w) ? 0 : w;
      total += rowScore[r] as number;
    }
  }
  for (let j = 0; j < cols; j++) {
    // All slots of a mentor are interchangeable, so its price is the lowest slot price (max form).
    let price = slotStart[j + 1] === slotStart[j] ? 0 : Number.POSITIVE_INFINITY;
    for (let s = slotStart[j] as number; s < (slotStart[j + 1] as number); s++) price = Math.min(price, -(v[s] as number));
    columnPrice[j] = price;
  }
  for (let a = 0; a < n; a++) {
    const r = freeRows[a] as number;
    const s = slotOfRow[a] as number;
    if (s >= 0) {
      const c = slotColumn[s] as number;
      columnOfRow[r] = c;
      rowScore[r] = problem.scores[r * cols + c] as number;
      total += rowScore[r] as number;
      rowPrice[r] = (rowScore[r] as number) - (columnPrice[c] as number);
    } else {
      rowPrice[r] = prep.unmatchedScore;
    }
  }
  // Row utilities recomputed from the mentor prices so that the certificate is exact, not drift-prone.
  for (let a = 0; a < n; a++) {
    const r = freeRows[a] as number;
    if (columnOfRow[r] === -1) {
      let best = prep.unmatchedScore;
      const base = r * cols;
      for (let j = 0; j < cols; j++) {
        if (slotStart[j + 1] === slotStart[j]) continue;
        const w = problem.scores[base + j] as number;
        if (Number.isNaN(w) || w < minScore) continue;
        best = Math.max(best, w - (columnPrice[j] as number));
      }
      rowPrice[r] = best;
    }
  }
  priceColumnsFilledByLocks(problem, prep, rowPrice, columnPrice);
  return { columnOfRow, rowScore, total, rowPrice, columnPrice, unmatchedScore: prep.unmatchedScore };
}

/**
 * JV's augmenting row reduction: each free row takes its cheapest slot and lowers that slot's price by the gap to its
 * second cheapest, bumping the previous owner. Two passes, as in JV; whatever is left goes to the exact phase.
 */
function augmentingRowReduction(
  n: number,
  m: number,
  cost: Float64Array,
  dummyCost: number,
  v: Float64Array,
  slotOfRow: Int32Array,
  rowOfSlot: Int32Array,
): void {
  let free = new Int32Array(n);
  let numFree = n;
  for (let a = 0; a < n; a++) free[a] = a;
  let next = new Int32Array(n);
  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    let numNext = 0;
    let k = 0;
    // Bounds the work of a pass: JV's reduction can cycle through small price steps on many ties.
    let budget = 4 * n + 16;
    while (k < numFree) {
      const i = free[k++] as number;
      const base = i * m;
      let u1 = dummyCost;
      let j1 = -2;
      let u2 = Number.POSITIVE_INFINITY;
      let j2 = -1;
      for (let s = 0; s < m; s++) {
        const h = (cost[base + s] as number) - (v[s] as number);
        if (h < u2) {
          if (h < u1) {
            u2 = u1;
            j2 = j1;
            u1 = h;
            j1 = s;
          } else {
            u2 = h;
            j2 = s;
          }
        }
      }
      if (j1 === -2) {
        slotOfRow[i] = -2;
        continue;
      }
      if (u1 === Number.POSITIVE_INFINITY) continue;
      let target = j1;
      let owner = rowOfSlot[j1] as number;
      if (u1 < u2) {
        v[j1] = (v[j1] as number) - (u2 - u1);
      } else if (owner !== -1) {
        // Tie: take the second best instead of bumping a row for nothing.
        if (j2 === -2) {
          slotOfRow[i] = -2;
          continue;
        }
        target = j2;
        owner = rowOfSlot[j2] as number;
      }
      if (owner !== -1) slotOfRow[owner] = -1;
      slotOfRow[i] = target;
      rowOfSlot[target] = i;
      if (owner !== -1) {
        if (u1 < u2 && --budget > 0) free[--k] = owner;
        else next[numNext++] = owner;
      }
    }
    const swap = free;
    free = next;
    next = swap;
    numFree = numNext;
  }
}

/** Tuning knobs of `solveDense` (the result is exact whatever they are). */
export interface DenseSolveOptions {
  /** Initial candidates per mentee on the candidate-graph path (default 16). */
  candidatesPerRow?: number;
  /** "auto" (default) picks by size and ties; "jv" forces the full matrix; "candidates" forces the candidate graph. */
  strategy?: "auto" | "jv" | "candidates";
}

/** With heavy ties, the full-matrix JV is faster up to about this many cells. */
const TIED_JV_MAX_CELLS = 2_250_000;

/** Below this many cells the full-matrix solver is as fast as anything else. */
const SMALL_PROBLEM_CELLS = 40_000;

/**
 * Solves the dense problem exactly. Small problems go straight to Jonker–Volgenant. Larger ones are solved on each
 * mentee's best few pairs with the sparse min-cost-flow solver, then every pair of the full matrix is checked against
 * the dual prices: a pair that could improve the result is added and the problem re-solved, so the answer is exactly
 * optimal (proved by the prices on the whole matrix), usually in one round. Deterministic.
 */
export function solveDense(problem: DenseProblem, options: DenseSolveOptions = {}): DenseAssignment {
  const strategy = options.strategy ?? "auto";
  if (strategy === "jv" || (strategy === "auto" && problem.rows * problem.cols <= SMALL_PROBLEM_CELLS)) return solveDenseJv(problem);
  const prep = prepare(problem, false);
  const { rows, cols, locked } = prep;
  const scores = problem.scores;
  const minScore = problem.minScore ?? Number.NEGATIVE_INFINITY;
  const capacities = new Int32Array(cols);
  for (let j = 0; j < cols; j++) capacities[j] = (prep.slotStart[j + 1] as number) - (prep.slotStart[j] as number);
  const skipRow = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) if ((locked[r] as number) >= 0) skipRow[r] = 1;
  let best = Number.NEGATIVE_INFINITY;

  // Each row's candidate columns, sorted by column index so the graph (hence the result) does not depend on rounds.
  const candidates: Int32Array[] = new Array(rows);
  const k0 = Math.min(cols, options.candidatesPerRow ?? 16);
  const topCols = new Int32Array(k0);
  const topScores = new Float64Array(k0);
  let tiedRows = 0;
  for (let r = 0; r < rows; r++) {
    if (skipRow[r]) {
      candidates[r] = new Int32Array(0);
      continue;
    }
    // Partial selection of the k0 best allowed pairs (insertion into a small sorted buffer; ties keep the lower index).
    let size = 0;
    let threshold = minScore;
    const base = r * cols;
    for (let j = 0; j < cols; j++) {
      const w = scores[base + j] as number;
      // Hot loop: one comparison rejects most cells (and NaN, as every comparison with NaN is false).
      if (size === k0 ? !(w > threshold) : !(w >= threshold)) continue;
      if (w === Number.POSITIVE_INFINITY) throw new RangeError(`score at row ${r}, column ${j} is not finite`);
      if (capacities[j] === 0) continue;
      let k = size < k0 ? size++ : k0 - 1;
      while (k > 0 && (topScores[k - 1] as number) < w) {
        topScores[k] = topScores[k - 1] as number;
        topCols[k] = topCols[k - 1] as number;
        k--;
      }
      topScores[k] = w;
      topCols[k] = j;
      if (size === k0) threshold = topScores[k0 - 1] as number;
    }
    candidates[r] = topCols.slice(0, size).sort();
    if (size > 0 && (topScores[0] as number) > best) best = topScores[0] as number;
    if (size === k0 && topScores[k0 - 1] === topScores[0]) tiedRows++;
  }
  // Heavy ties at the top of the rows: prices barely separate the candidates and the pricing loop would add most of
  // the matrix back; JV's shortest paths handle ties well (a free column at equal distance ends the search).
  // (Measured on mentoring-like scores: JV wins below about 1,500 per side, the candidate graph above.)
  if (strategy === "auto" && tiedRows * 10 > rows && rows * cols <= TIED_JV_MAX_CELLS) return solveDenseJv(problem);

  // The tolerance scales with the largest score that can matter (lower scores never enter a pair over a higher one).
  const eps = 1e-10 * Math.max(1, Math.abs(best), Math.abs(prep.unmatchedScore));
  const violators = new Int32Array(k0);
  const violation = new Float64Array(k0);
  for (let round = 0; round < 20; round++) {
    let edges = 0;
    for (let r = 0; r < rows; r++) edges += (candidates[r] as Int32Array).length;
    const rowStart = new Int32Array(rows + 1);
    const col = new Int32Array(edges);
    const score = new Float64Array(edges);
    let e = 0;
    for (let r = 0; r < rows; r++) {
      for (const j of candidates[r] as Int32Array) {
        col[e] = j;
        score[e++] = scores[r * cols + j] as number;
      }
      rowStart[r + 1] = e;
    }
    const sparse = solveSparse({ rows, cols, rowStart, col, score, capacities, unmatchedScore: prep.unmatchedScore, skipRow });
    // Pricing: a pair outside the graph with a positive reduced profit could improve the result. Add each row's k0
    // most improving pairs (not all of them: right after a bad round almost every pair of an unmatched row qualifies).
    let added = 0;
    for (let r = 0; r < rows; r++) {
      if (skipRow[r]) continue;
      const ur = (sparse.rowPrice[r] as number) + eps;
      const base = r * cols;
      let size = 0;
      for (let j = 0; j < cols; j++) {
        const w = scores[base + j] as number;
        const gain = w - (sparse.columnPrice[j] as number) - ur;
        if (!(gain > 0) || w < minScore || capacities[j] === 0) continue;
        if (size === k0 && gain <= (violation[k0 - 1] as number)) continue;
        if ((candidates[r] as Int32Array).includes(j)) continue;
        let k = size < k0 ? size++ : k0 - 1;
        while (k > 0 && (violation[k - 1] as number) < gain) {
          violation[k] = violation[k - 1] as number;
          violators[k] = violators[k - 1] as number;
          k--;
        }
        violation[k] = gain;
        violators[k] = j;
      }
      if (size > 0) {
        added += size;
        const old = candidates[r] as Int32Array;
        const merged = new Int32Array(old.length + size);
        merged.set(old);
        merged.set(violators.subarray(0, size), old.length);
        candidates[r] = merged.sort();
      }
    }
    if (added === 0) return toDenseAssignment(problem, prep, sparse.columnOfRow, sparse.rowPrice, sparse.columnPrice);
    // Many improving pairs (typical of heavy ties): the candidate graph is far from enough, the full matrix is faster.
    // (Above TIED_JV_MAX_CELLS the candidate graph still wins after a few rounds, so keep going.)
    if (strategy === "auto" && added > edges / 2 && rows * cols <= TIED_JV_MAX_CELLS) break;
  }
  return solveDenseJv(problem);
}

function toDenseAssignment(
  problem: DenseProblem,
  prep: Prepared,
  columnOfFreeRow: Int32Array,
  price: Float64Array,
  columnPrice: Float64Array,
): DenseAssignment {
  const { rows, cols, locked } = prep;
  const columnOfRow = new Int32Array(rows).fill(-1);
  const rowScore = new Float64Array(rows).fill(Number.NaN);
  const rowPrice = new Float64Array(rows);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const c = (locked[r] as number) >= 0 ? (locked[r] as number) : (columnOfFreeRow[r] as number);
    columnOfRow[r] = c;
    if (c >= 0) {
      const w = problem.scores[r * cols + c] as number;
      rowScore[r] = Number.isNaN(w) ? 0 : w;
      total += rowScore[r] as number;
    }
    rowPrice[r] = (locked[r] as number) >= 0 ? 0 : (price[r] as number);
  }
  const prices = Float64Array.from(columnPrice);
  priceColumnsFilledByLocks(problem, prep, rowPrice, prices);
  return { columnOfRow, rowScore, total, rowPrice, columnPrice: prices, unmatchedScore: prep.unmatchedScore };
}

/** A mentor filled by locks takes no one else: a price high enough to make its other pairs unattractive proves it. */
function priceColumnsFilledByLocks(problem: DenseProblem, prep: Prepared, rowPrice: Float64Array, columnPrice: Float64Array): void {
  const { cols, freeRows, slotStart } = prep;
  const minScore = problem.minScore ?? Number.NEGATIVE_INFINITY;
  for (let j = 0; j < cols; j++) {
    if (slotStart[j + 1] !== slotStart[j]) continue;
    let price = 0;
    for (const r of freeRows) {
      const w = problem.scores[r * cols + j] as number;
      if (!Number.isNaN(w) && w >= minScore) price = Math.max(price, w - (rowPrice[r] as number));
    }
    columnPrice[j] = price;
  }
}
