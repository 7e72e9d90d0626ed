/**
 * Independent optimality check from dual prices (LP duality). It reads only the problem, the pairs and the prices:
 * it never calls a solver, so a solver bug cannot hide behind it.
 *
 * The relaxation: maximise Σ w·x + Σ a·y with Σ_j x_ij + y_i = 1 per mentee (price u_i), Σ_i x_ij ≤ c_j per mentor
 * (price p_j ≥ 0). Prices are a proof of optimality when they are dual-feasible (u_i ≥ a, p_j ≥ 0,
 * u_i + p_j ≥ w_ij on every allowed pair), complementary (tight on every pair, on every unmatched mentee; p_j = 0
 * on a mentor with room left), and both sides give the same value.
 */
import type { DenseAssignment, DenseProblem } from "./matching.domain.ts";
// The problem's type only: the checker shares no code with the solver it checks.
import type { SparseProblem } from "./sparse-solver.ts";

/** Outcome of a certificate check. */
export interface CertificateCheck {
  ok: boolean;
  primal: number;
  dual: number;
  gap: number;
  /** The first few problems found (empty when `ok`). */
  violations: string[];
}

const MAX_VIOLATIONS = 10;

/** Checks that `assignment` is feasible and that its prices prove it optimal for `problem`. */
export function checkDenseCertificate(problem: DenseProblem, assignment: DenseAssignment, tolerance = 1e-9): CertificateCheck {
  const { rows, cols, scores } = problem;
  const minScore = problem.minScore ?? Number.NEGATIVE_INFINITY;
  const a = assignment.unmatchedScore;
  const violations: string[] = [];
  const report = (message: string): void => {
    if (violations.length < MAX_VIOLATIONS) violations.push(message);
  };
  let scale = 1;
  for (let k = 0; k < scores.length; k++) if (!Number.isNaN(scores[k] as number)) scale = Math.max(scale, Math.abs(scores[k] as number));
  scale = Math.max(scale, Math.abs(a));
  const eps = tolerance * scale;

  const room = new Float64Array(cols);
  for (let j = 0; j < cols; j++) room[j] = problem.capacities ? (problem.capacities[j] as number) : 1;
  const isLocked = new Uint8Array(rows);
  const capacityLeft = Float64Array.from(room);
  for (const [r, c] of problem.locks ?? []) {
    isLocked[r] = 1;
    capacityLeft[c] = (capacityLeft[c] as number) - 1;
    if (assignment.columnOfRow[r] !== c) report(`locked pair [${r}, ${c}] is missing`);
  }
  // Primal feasibility.
  let primal = 0;
  for (let r = 0; r < rows; r++) {
    const c = assignment.columnOfRow[r] as number;
    if (c === -1) {
      if (!isLocked[r]) primal += a;
      continue;
    }
    if (c < 0 || c >= cols) {
      report(`row ${r} has column ${c} out of range`);
      continue;
    }
    room[c] = (room[c] as number) - 1;
    const w = scores[r * cols + c] as number;
    if (isLocked[r]) continue;
    if (Number.isNaN(w) || w < minScore) report(`row ${r} is paired with forbidden column ${c}`);
    else primal += w;
  }
  for (let j = 0; j < cols; j++) if ((room[j] as number) < 0) report(`column ${j} is over capacity`);

  // Dual feasibility and complementary slackness, on the problem left once locked pairs are placed.
  let dual = 0;
  for (let j = 0; j < cols; j++) {
    const p = assignment.columnPrice[j] as number;
    if (!(p >= -eps)) report(`column ${j} has a negative price ${p}`);
    if (p > eps && (room[j] as number) > 0) report(`column ${j} has room left but a positive price ${p}`);
    dual += (capacityLeft[j] as number) * p;
  }
  for (let r = 0; r < rows; r++) {
    if (isLocked[r]) continue;
    const u = assignment.rowPrice[r] as number;
    dual += u;
    if (!(u >= a - eps)) report(`row ${r} has price ${u} below the unmatched value ${a}`);
    const c = assignment.columnOfRow[r] as number;
    if (c === -1 && u > a + eps) report(`unmatched row ${r} has a price ${u} above the unmatched value`);
    const base = r * cols;
    for (let j = 0; j < cols; j++) {
      const w = scores[base + j] as number;
      if (Number.isNaN(w) || w < minScore) continue;
      const slack = u + (assignment.columnPrice[j] as number) - w;
      if (slack < -eps) report(`pair [${r}, ${j}] violates dual feasibility by ${-slack}`);
      if (j === c && slack > eps) report(`pair [${r}, ${j}] is not tight (slack ${slack})`);
    }
  }
  const gap = Math.abs(primal - dual);
  if (gap > eps * Math.max(1, rows)) report(`duality gap ${gap}`);
  return { ok: violations.length === 0, primal, dual, gap, violations };
}

/**
 * Checks a sparse solve from its prices, independently of the solver: feasibility, dual feasibility and complementary
 * slackness on every candidate pair, equal primal and dual values; then, with `outsideBound` (no pair outside mentee
 * i's candidates scores more than it), whether the prices also cover every pair outside the graph (u_i ≥ bound, as
 * p ≥ 0). `rowsNotCovered` lists the mentees for which that global proof fails (the caller prices them).
 */
export function checkSparseCertificate(
  problem: Pick<SparseProblem, "rows" | "cols" | "rowStart" | "col" | "score" | "capacities" | "unmatchedScore" | "skipRow">,
  assignment: { columnOfRow: Int32Array; edgeOfRow: Int32Array; rowPrice: Float64Array; columnPrice: Float64Array },
  outsideBound?: Float64Array,
  tolerance = 1e-9,
): CertificateCheck & { rowsNotCovered: number[] } {
  const { rows, cols, rowStart, col, score, capacities, unmatchedScore: a } = problem;
  const violations: string[] = [];
  const report = (message: string): void => {
    if (violations.length < MAX_VIOLATIONS) violations.push(message);
  };
  const eps = tolerance * Math.max(1, Math.abs(a));
  const load = new Int32Array(cols);
  let primal = 0;
  let dual = 0;
  const rowsNotCovered: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (problem.skipRow?.[i]) continue;
    const u = assignment.rowPrice[i] as number;
    dual += u;
    if (!(u >= a - eps)) report(`row ${i} has price ${u} below the unmatched value ${a}`);
    const e0 = assignment.edgeOfRow[i] as number;
    if (e0 === -1) {
      primal += a;
      if (u > a + eps) report(`unmatched row ${i} has a price above the unmatched value`);
    } else {
      if (e0 < (rowStart[i] as number) || e0 >= (rowStart[i + 1] as number) || col[e0] !== assignment.columnOfRow[i]) {
        report(`row ${i} is paired outside its candidates`);
        continue;
      }
      primal += score[e0] as number;
      load[col[e0] as number] = (load[col[e0] as number] as number) + 1;
    }
    for (let e = rowStart[i] as number; e < (rowStart[i + 1] as number); e++) {
      const slack = u + (assignment.columnPrice[col[e] as number] as number) - (score[e] as number);
      if (slack < -eps) report(`pair [${i}, ${col[e]}] violates dual feasibility by ${-slack}`);
      if (e === e0 && slack > eps) report(`pair [${i}, ${col[e]}] is not tight (slack ${slack})`);
    }
    if (outsideBound && u < (outsideBound[i] as number) - eps) rowsNotCovered.push(i);
  }
  for (let j = 0; j < cols; j++) {
    const p = assignment.columnPrice[j] as number;
    const capacity = capacities[j] as number;
    if ((load[j] as number) > capacity) report(`column ${j} is over capacity`);
    if (!(p >= -eps)) report(`column ${j} has a negative price ${p}`);
    if (p > eps && (load[j] as number) < capacity) report(`column ${j} has room left but a positive price ${p}`);
    dual += capacity * p;
  }
  const gap = Math.abs(primal - dual);
  if (gap > eps * Math.max(1, rows)) report(`duality gap ${gap}`);
  return { ok: violations.length === 0, primal, dual, gap, violations, rowsNotCovered };
}
