/**
 * Exact matching on a sparse graph of candidate pairs: successive shortest paths (min-cost flow) with mentor
 * capacities, node potentials (Dijkstra on reduced costs, binary heap) and a private "stay unmatched" option per
 * mentee. On the candidate graph the result is optimal; `findImprovingPairs` tells whether a pair outside the
 * graph could still improve it, so the caller widens the graph only where needed and the result stays exact.
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
class MinHeap {
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

/** Solves the sparse problem exactly on its candidate pairs. Deterministic. */
export function solveSparse(problem: SparseProblem): SparseAssignment {
  const { rows: n, cols: m, rowStart, col, score, capacities } = problem;
  const dummyCost = -problem.unmatchedScore;
  const skip = problem.skipRow;
  // Min-cost form: cost = -score. Potentials u (rows) and v (columns, ≤ 0, 0 while a mentor has room).
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const edgeOfRow = new Int32Array(n).fill(-1);
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
  let budget = 2 * n;
  while (head !== tail) {
    const i = queue[head] as number;
    head = head + 1 === size ? 0 : head + 1;
    let u1 = dummyCost;
    let e1 = -1;
    let u2 = Number.POSITIVE_INFINITY;
    for (let e = rowStart[i] as number; e < (rowStart[i + 1] as number); e++) {
      const h = -(score[e] as number) - (v[col[e] as number] as number);
      if (h < u2) {
        if (h < u1) {
          u2 = u1;
          u1 = h;
          e1 = e;
        } else u2 = h;
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
      if (capacity === 1 && u1 < u2) {
        v[j] = (v[j] as number) - (u2 - u1);
        u1 = u2;
      }
      addRow(j, i);
      edgeOfRow[i] = e1;
      u[i] = u1;
    } else if (capacity === 1 && u1 < u2 && budget-- > 0) {
      const owner = slotRow[slotStart[j] as number] as number;
      removeRow(j, owner);
      edgeOfRow[owner] = -1;
      v[j] = (v[j] as number) - (u2 - u1);
      addRow(j, i);
      edgeOfRow[i] = e1;
      u[i] = u2;
      head = head === 0 ? size - 1 : head - 1;
      queue[head] = owner;
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
