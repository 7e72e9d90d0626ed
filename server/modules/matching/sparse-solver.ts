/**
 * Exact matching on a sparse graph of candidate pairs: successive shortest paths (min-cost flow) with mentor
 * capacities, node potentials (Dijkstra on reduced costs, binary heap) and a private "stay unmatched" option per
 * mentee. On the candidate graph the result is optimal; `menteeFavouredPrices` moves its prices to the mentees' side,
 * so that `solveLarge` can price the pairs outside the graph and add only those that could improve it.
 */

/** Candidate pairs in compressed-row form: mentee `i`'s candidates are `col[rowStart[i] .. rowStart[i+1])`. */
export interface SparseProblem {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
  /** Mentees per mentor (already reduced by locked pairs). */
  capacities: Int32Array;
  /** Value of leaving a mentee unmatched (0; a large negative number to match as many as possible). */
  unmatchedScore: number;
  /** Rows not to place (e.g. already locked). */
  skipRow?: Uint8Array;
  /**
   * "rows" (default): augmenting paths start from mentees. "columns": solve the transposed problem (mentors as rows,
   * mentees as capacity-1 columns), allowed when every mentor capacity is at most 1 and `unmatchedScore` is 0 (then
   * both sides are symmetric). "auto": "columns" whenever allowed. Same optimum either way; with popular mentors and
   * a minimum score the transposed searches are far shorter (100,000 per side, capacity 1: 0.9 s instead of 45 s).
   */
  orientation?: "rows" | "columns" | "auto";
}

/** Pairs and dual prices (max form) of a sparse solve. */
export interface SparseAssignment {
  /** Mentor of each mentee, -1 when unmatched. */
  columnOfRow: Int32Array;
  /** Edge index (into `col`/`score`) of each mentee's pair, -1 when unmatched. */
  edgeOfRow: Int32Array;
  total: number;
  rowPrice: Float64Array;
  columnPrice: Float64Array;
}

/** A growable binary min-heap of (key, id) with lazy deletion: stale entries are skipped on pop. */
export class MinHeap {
  keys = new Float64Array(1024);
  ids = new Int32Array(1024);
  size = 0;

  push(key: number, id: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const ids = new Int32Array(this.size * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    const keys = this.keys;
    const ids = this.ids;
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const pk = keys[parent] as number;
      // Ties by id keep the search order, hence the result, deterministic and index-ordered.
      if (pk < key || (pk === key && (ids[parent] as number) <= id)) break;
      keys[k] = pk;
      ids[k] = ids[parent] as number;
      k = parent;
    }
    keys[k] = key;
    ids[k] = id;
  }

  /** Removes the top; read `keys[0]`/`ids[0]` before calling. */
  pop(): void {
    const keys = this.keys;
    const ids = this.ids;
    const last = --this.size;
    const key = keys[last] as number;
    const id = ids[last] as number;
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const ck = keys[child] as number;
        const rk = keys[right] as number;
        if (rk < ck || (rk === ck && (ids[right] as number) < (ids[child] as number))) child = right;
      }
      const ck = keys[child] as number;
      if (key < ck || (key === ck && id <= (ids[child] as number))) break;
      keys[k] = ck;
      ids[k] = ids[child] as number;
      k = child;
    }
    keys[k] = key;
    ids[k] = id;
  }
}

/** Whether `orientation: "columns"` is allowed: every capacity ≤ 1 and an unmatched mentee worth 0. */
export function canTranspose(problem: SparseProblem): boolean {
  if (problem.unmatchedScore !== 0) return false;
  for (let j = 0; j < problem.cols; j++) if ((problem.capacities[j] as number) > 1) return false;
  return true;
}

/** Solves the sparse problem exactly on its candidate pairs. Deterministic. */
export function solveSparse(problem: SparseProblem): SparseAssignment {
  const orientation = problem.orientation ?? "rows";
  if (orientation === "columns" || (orientation === "auto" && canTranspose(problem))) {
    if (!canTranspose(problem)) throw new Error('orientation "columns" needs capacities ≤ 1 and an unmatched score of 0');
    return solveTransposed(problem);
  }
  return solveByRows(problem);
}

/**
 * The transposed solve: mentors become rows (a private "unused" option each, worth 0), mentees capacity-1 columns
 * (0 for skipped mentees). The transposed duals are the original ones swapped: a mentee's utility is its column
 * price there, a mentor's price its row utility. Pairs, total and prices are returned in the original orientation.
 */
function solveTransposed(problem: SparseProblem): SparseAssignment {
  const { rows: n, cols: m, rowStart, col, score, capacities } = problem;
  const tStart = new Int32Array(m + 1);
  for (let e = 0; e < col.length; e++) {
    const j = col[e] as number;
    tStart[j + 1] = (tStart[j + 1] as number) + 1;
  }
  for (let j = 0; j < m; j++) tStart[j + 1] = (tStart[j + 1] as number) + (tStart[j] as number);
  const fill = tStart.slice(0, m);
  const tCol = new Int32Array(col.length);
  const tScore = new Float64Array(col.length);
  const original = new Int32Array(col.length); // transposed edge → original edge
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i] as number; e < (rowStart[i + 1] as number); e++) {
      const j = col[e] as number;
      const f = fill[j] as number;
      fill[j] = f + 1;
      tCol[f] = i;
      tScore[f] = score[e] as number;
      original[f] = e;
    }
  }
  const tCapacities = new Int32Array(n);
  for (let i = 0; i < n; i++) tCapacities[i] = problem.skipRow?.[i] ? 0 : 1;
  const tSkip = new Uint8Array(m);
  for (let j = 0; j < m; j++) if ((capacities[j] as number) <= 0) tSkip[j] = 1;
  const t = solveByRows({
    rows: m,
    cols: n,
    rowStart: tStart,
    col: tCol,
    score: tScore,
    capacities: tCapacities,
    unmatchedScore: 0,
    skipRow: tSkip,
  });
  const columnOfRow = new Int32Array(n).fill(-1);
  const edgeOfRow = new Int32Array(n).fill(-1);
  for (let j = 0; j < m; j++) {
    const f = t.edgeOfRow[j] as number;
    if (f < 0) continue;
    const e = original[f] as number;
    const i = tCol[f] as number;
    columnOfRow[i] = j;
    edgeOfRow[i] = e;
  }
  const columnPrice = new Float64Array(m);
  for (let j = 0; j < m; j++) columnPrice[j] = tSkip[j] ? 0 : (t.rowPrice[j] as number);
  const rowPrice = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const e = edgeOfRow[i] as number;
    if (e >= 0) {
      total += score[e] as number;
      rowPrice[i] = (score[e] as number) - (columnPrice[columnOfRow[i] as number] as number);
    } else rowPrice[i] = 0; // an unmatched (or skipped) mentee: its column price there is 0
  }
  // A mentor of capacity 0 adds nothing to the dual objective: price it high enough to cover its pairs.
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i] as number; e < (rowStart[i + 1] as number); e++) {
      const j = col[e] as number;
      if (tSkip[j]) columnPrice[j] = Math.max(columnPrice[j] as number, (score[e] as number) - (rowPrice[i] as number));
    }
  }
  return { columnOfRow, edgeOfRow, total, rowPrice, columnPrice };
}

function solveByRows(problem: SparseProblem): SparseAssignment {
  const { rows: n, cols: m, rowStart, col, score, capacities } = problem;
  const dummyCost = -problem.unmatchedScore;
  const skip = problem.skipRow;
  // Min-cost form: cost = -score. Potentials u (rows) and v (columns, ≤ 0, 0 while a mentor has room).
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const edgeOfRow = new Int32Array(n).fill(-1);
  const gap = new Float64Array(n); // margin of each placed row in the greedy start (see `raise`)
  const UNMATCHED = -2;
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = (slotStart[j] as number) + Math.max(0, capacities[j] as number);
  const slotRow = new Int32Array(slotStart[m] as number);
  const count = new Int32Array(m);

  const addRow = (j: number, r: number): void => {
    slotRow[(slotStart[j] as number) + (count[j] as number)] = r;
    count[j] = (count[j] as number) + 1;
  };
  const removeRow = (j: number, r: number): void => {
    const start = slotStart[j] as number;
    const last = start + (count[j] as number) - 1;
    for (let k = start; k <= last; k++) {
      if (slotRow[k] === r) {
        slotRow[k] = slotRow[last] as number;
        break;
      }
    }
    count[j] = (count[j] as number) - 1;
  };

  // Greedy start: each mentee takes its best candidate while that mentor has room (tight at price 0), and
  // a mentor of capacity 1 is bid up by the gap to the mentee's second choice (JV's row reduction), which
  // settles most mentees before any shortest path is run.
  const free: number[] = [];
  // Queue of rows to place; a row bumped from a capacity-1 mentor goes back to the front (JV), within a budget so
  // that long price wars on near-ties are left to the exact phase instead.
  const queue = new Int32Array(n + 1);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (!skip?.[i]) queue[tail++] = i;
  const size = n + 1;
  let budget = 5 * n; // 5n measured best at 100,000 (2n: capacity 2 in 1.3 s instead of 0.84 s; 20n: capacity 1 slower)
  /**
   * Lowers full mentor j's v (raises its price) by δ, the smallest margin of the rows on it (each row's margin: its
   * second-best reduced cost minus its best, a lower bound since prices only rise), and raises those rows' u by δ:
   * their pairs stay tight and none of their reduced costs goes negative.
   */
  const raise = (j: number): void => {
    const start = slotStart[j] as number;
    const end = start + (count[j] as number);
    let delta = Number.POSITIVE_INFINITY;
    for (let k = start; k < end; k++) delta = Math.min(delta, gap[slotRow[k] as number] as number);
    if (!(delta > 0) || delta === Number.POSITIVE_INFINITY) return;
    v[j] = (v[j] as number) - delta;
    for (let k = start; k < end; k++) {
      const r = slotRow[k] as number;
      u[r] = (u[r] as number) + delta;
      gap[r] = (gap[r] as number) - delta;
    }
  };
  while (head !== tail) {
    const i = queue[head] as number;
    head = head + 1 === size ? 0 : head + 1;
    let u1 = dummyCost;
    let e1 = -1;
    let u2 = Number.POSITIVE_INFINITY;
    let e2 = -1;
    for (let e = rowStart[i] as number; e < (rowStart[i + 1] as number); e++) {
      const h = -(score[e] as number) - (v[col[e] as number] as number);
      if (h < u2) {
        if (h < u1) {
          u2 = u1;
          e2 = e1;
          u1 = h;
          e1 = e;
        } else {
          u2 = h;
          e2 = e;
        }
      }
    }
    if (e1 === -1) {
      edgeOfRow[i] = UNMATCHED;
      u[i] = dummyCost;
      continue;
    }
    const j = col[e1] as number;
    const capacity = capacities[j] as number;
    if ((count[j] as number) < capacity) {
      addRow(j, i);
      edgeOfRow[i] = e1;
      u[i] = u1;
      gap[i] = u2 - u1;
      // The mentor is now full: raise its price as far as every row on it can follow (see `raise`).
      if (count[j] === capacity && u1 < u2) raise(j);
    } else if (u1 < u2 && capacity > 0 && budget-- > 0) {
      // A full mentor this mentee prefers by a margin: it takes the place of the row with the smallest margin there
      // (for capacity 1, the only one), which goes back to the front of the queue, and the price rises (JV's
      // augmenting row reduction, generalised to capacities).
      const start = slotStart[j] as number;
      const end = start + capacity;
      let slot = start;
      for (let k = start + 1; k < end; k++) if ((gap[slotRow[k] as number] as number) < (gap[slotRow[slot] as number] as number)) slot = k;
      const owner = slotRow[slot] as number;
      slotRow[slot] = i;
      edgeOfRow[owner] = -1;
      edgeOfRow[i] = e1;
      u[i] = u1;
      gap[i] = u2 - u1;
      raise(j);
      head = head === 0 ? size - 1 : head - 1;
      queue[head] = owner;
    } else if (u1 === u2 && e2 >= 0 && (count[col[e2] as number] as number) < (capacities[col[e2] as number] as number)) {
      // A tie whose first mentor is full: the equally good second one has room (JV's free-column preference).
      addRow(col[e2] as number, i);
      edgeOfRow[i] = e2;
      u[i] = u1;
      gap[i] = 0;
    } else if (u1 === u2 && e2 >= 0 && (capacities[col[e2] as number] as number) === 1 && budget-- > 0) {
      // A tie between two full mentors of capacity 1: take the second at no price change and send its mentee to
      // the back of the queue (JV). Prices only fall, so every row already placed keeps non-negative reduced costs.
      const j2 = col[e2] as number;
      const owner = slotRow[slotStart[j2] as number] as number;
      removeRow(j2, owner);
      edgeOfRow[owner] = -1;
      addRow(j2, i);
      edgeOfRow[i] = e2;
      u[i] = u1;
      gap[i] = 0;
      queue[tail] = owner;
      tail = tail + 1 === size ? 0 : tail + 1;
    } else free.push(i);
  }

  const dist = new Float64Array(m);
  const stamp = new Int32Array(m); // search epoch in which dist/path were set
  const done = new Int32Array(m); // epoch in which the column was finalised
  const pathEdge = new Int32Array(m);
  const pathRow = new Int32Array(m);
  const visitedRows: number[] = [];
  const rowDist: number[] = [];
  const popped: number[] = [];
  const heap = new MinHeap();
  let epoch = 0;

  for (const root of free) {
    epoch++;
    heap.size = 0;
    visitedRows.length = 0;
    rowDist.length = 0;
    popped.length = 0;
    let bestDummy = Number.POSITIVE_INFINITY;
    let bestDummyRow = -1;
    let sink = -1;
    let minVal = 0;
    const scanRow = (i: number, d: number): void => {
      visitedRows.push(i);
      rowDist.push(d);
      const h = d - (u[i] as number);
      if (h + dummyCost < bestDummy) {
        bestDummy = h + dummyCost;
        bestDummyRow = i;
      }
      const own = edgeOfRow[i] as number;
      for (let e = rowStart[i] as number; e < (rowStart[i + 1] as number); e++) {
        if (e === own) continue;
        const j = col[e] as number;
        if (done[j] === epoch) continue;
        const r = h - (score[e] as number) - (v[j] as number);
        if (stamp[j] !== epoch || r < (dist[j] as number)) {
          stamp[j] = epoch;
          dist[j] = r;
          pathEdge[j] = e;
          pathRow[j] = i;
          heap.push(r, j);
        }
      }
    };
    scanRow(root, 0);
    for (;;) {
      // Drop stale heap entries.
      while (heap.size > 0) {
        const j = heap.ids[0] as number;
        if (done[j] === epoch || (heap.keys[0] as number) > (dist[j] as number)) heap.pop();
        else break;
      }
      const top = heap.size > 0 ? (heap.keys[0] as number) : Number.POSITIVE_INFINITY;
      if (bestDummy <= top) {
        minVal = bestDummy;
        sink = -1;
        break;
      }
      const j = heap.ids[0] as number;
      heap.pop();
      done[j] = epoch;
      popped.push(j);
      if ((count[j] as number) < (capacities[j] as number)) {
        minVal = top;
        sink = j;
        break;
      }
      const start = slotStart[j] as number;
      const end = start + (count[j] as number);
      for (let k = start; k < end; k++) scanRow(slotRow[k] as number, top);
    }
    if (minVal === Number.POSITIVE_INFINITY) throw new Error("no augmenting path: staying unmatched must always be allowed");
    for (let k = 0; k < visitedRows.length; k++) {
      const r = visitedRows[k] as number;
      u[r] = (u[r] as number) + minVal - (rowDist[k] as number);
    }
    for (const j of popped) if (j !== sink) v[j] = (v[j] as number) - (minVal - (dist[j] as number));
    // Augment from the sink back to the root.
    let j: number;
    if (sink === -1) {
      const q = bestDummyRow;
      const e = edgeOfRow[q] as number;
      edgeOfRow[q] = UNMATCHED;
      if (q === root) continue;
      j = col[e] as number;
      removeRow(j, q);
    } else j = sink;
    for (;;) {
      const r = pathRow[j] as number;
      const previous = edgeOfRow[r] as number;
      edgeOfRow[r] = pathEdge[j] as number;
      addRow(j, r);
      if (r === root) break;
      j = col[previous] as number;
      removeRow(j, r);
    }
  }

  const columnOfRow = new Int32Array(n).fill(-1);
  const columnPrice = new Float64Array(m);
  for (let j = 0; j < m; j++) columnPrice[j] = -(v[j] as number);
  const rowPrice = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const e = edgeOfRow[i] as number;
    if (e >= 0) {
      const j = col[e] as number;
      columnOfRow[i] = j;
      total += score[e] as number;
      rowPrice[i] = (score[e] as number) - (columnPrice[j] as number);
    } else {
      edgeOfRow[i] = -1;
      rowPrice[i] = skip?.[i] ? 0 : problem.unmatchedScore;
    }
  }
  return { columnOfRow, edgeOfRow, total, rowPrice, columnPrice };
}

/**
 * The optimal prices most favourable to the mentees, for the same pairs: every mentor price lowered as far as the
 * optimality conditions allow (a mentee's utility rises by what its mentor's price falls). An optimal solve leaves
 * some freedom in its prices (the transposed solve, for instance, gives the mentors all the surplus); the global proof
 * of `solveLarge` needs each mentee's utility as high as possible, because a pair left out of the graph is covered
 * only when the mentee's utility reaches its bound.
 *
 * How far mentor j's price can fall, δ_j, is a shortest path with non-negative lengths: δ_j ≤ p_j (prices stay ≥ 0);
 * for an unmatched mentee i (utility fixed at `unmatchedScore`) and its pair (i, j) with slack σ, δ_j ≤ σ; for a
 * mentee i paired with mentor m, δ_j ≤ σ + δ_m. One Dijkstra over the mentors computes every δ. Needs an optimal
 * assignment with feasible prices (as `solveSparse` returns).
 */
export function menteeFavouredPrices(problem: SparseProblem, assignment: SparseAssignment): SparseAssignment {
  const { rows, cols, rowStart, col, score } = problem;
  const u = assignment.rowPrice;
  const p = assignment.columnPrice;
  // Mentees of each mentor, in compressed form.
  const start = new Int32Array(cols + 1);
  for (let i = 0; i < rows; i++) {
    const m = assignment.columnOfRow[i] as number;
    if (m >= 0) start[m + 1] = (start[m + 1] as number) + 1;
  }
  for (let j = 0; j < cols; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const fill = start.slice(0, cols);
  const menteesOf = new Int32Array(start[cols] as number);
  for (let i = 0; i < rows; i++) {
    const m = assignment.columnOfRow[i] as number;
    if (m >= 0) {
      menteesOf[fill[m] as number] = i;
      fill[m] = (fill[m] as number) + 1;
    }
  }
  const delta = Float64Array.from(p);
  const heap = new MinHeap();
  const relax = (i: number, base: number): void => {
    const ui = u[i] as number;
    for (let e = rowStart[i] as number; e < (rowStart[i + 1] as number); e++) {
      const j = col[e] as number;
      const d = base + Math.max(0, ui + (p[j] as number) - (score[e] as number));
      if (d < (delta[j] as number)) {
        delta[j] = d;
        heap.push(d, j);
      }
    }
  };
  for (let i = 0; i < rows; i++) if ((assignment.columnOfRow[i] as number) < 0 && !problem.skipRow?.[i]) relax(i, 0);
  for (let j = 0; j < cols; j++) heap.push(delta[j] as number, j);
  const done = new Uint8Array(cols);
  while (heap.size > 0) {
    const d = heap.keys[0] as number;
    const m = heap.ids[0] as number;
    heap.pop();
    if (done[m] || d > (delta[m] as number)) continue;
    done[m] = 1;
    for (let k = start[m] as number; k < (start[m + 1] as number); k++) relax(menteesOf[k] as number, d);
  }
  const columnPrice = new Float64Array(cols);
  for (let j = 0; j < cols; j++) columnPrice[j] = Math.max(0, (p[j] as number) - (delta[j] as number));
  const rowPrice = Float64Array.from(u);
  for (let i = 0; i < rows; i++) {
    const m = assignment.columnOfRow[i] as number;
    if (m >= 0) rowPrice[i] = (u[i] as number) + ((p[m] as number) - (columnPrice[m] as number));
  }
  return { ...assignment, rowPrice, columnPrice };
}
