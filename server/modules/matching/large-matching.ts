/**
 * Exact matching of a large cohort on a candidate graph: solve, price every mentee's outside pairs with the
 * certificate, widen only the mentees whose prices do not cover them, re-solve. Pure: the caller supplies the graph
 * (possibly built by worker threads) and a scorer for the rare widening scans.
 */

import type { CandidateGraph } from "./candidates.ts";
import { checkSparseCertificate } from "./certificate.ts";
import { type SparseAssignment, type SparseProblem, solveSparse } from "./sparse-solver.ts";

/** Options of `solveLarge`. */
export interface LargeSolveOptions {
  /** Mentees per mentor. */
  capacities: Int32Array;
  /** Pairs below are not made. */
  minScore?: number;
  /** Full score of (mentee, mentor), used only to widen uncovered mentees. */
  pairScore: (mentee: number, mentor: number) => number;
  /** Hard constraints, checked only on pairs the widening would add. */
  isForbidden?: (mentee: number, mentor: number) => boolean;
  /** Rounds of widening before giving up the global proof (default 5). */
  maxRounds?: number;
  /**
   * Most mentees to widen (each costs a scan of every mentor). Beyond it the result is still optimal on the candidate
   * graph, but the proof over all pairs is reported as incomplete instead of spending minutes. Default: no limit.
   */
  maxWidenedRows?: number;
}

/** Result of `solveLarge`: the pairs, the final graph and how the proof went. */
export interface LargeSolveResult {
  assignment: SparseAssignment;
  problem: SparseProblem;
  rounds: number;
  widenedRows: number;
  /** Time spent in the solver itself, in milliseconds, summed over rounds. */
  solveMs: number;
  /**
   * `ok`: optimal over all pairs (proved). `candidateGraphOk`: optimal over the candidate pairs (always checked).
   * `rowsNotCovered`: mentees whose outside pairs the proof could not cover (0 when `ok`).
   */
  certificate: { ok: boolean; candidateGraphOk: boolean; gap: number; violations: string[]; rowsNotCovered: number };
}

/** Solves exactly: on return with `certificate.ok` and `rowsNotCovered` 0, the total is the maximum over all pairs. */
export function solveLarge(graph: CandidateGraph, options: LargeSolveOptions): LargeSolveResult {
  const minScore = options.minScore ?? Number.NEGATIVE_INFINITY;
  let rowStart = graph.rowStart;
  let col = graph.col;
  let score = graph.score;
  const outsideBound = Float64Array.from(graph.outsideBound);
  let widenedRows = 0;
  let solveMs = 0;
  for (let round = 1; ; round++) {
    const problem: SparseProblem = {
      rows: graph.rows,
      cols: graph.cols,
      rowStart,
      col,
      score,
      capacities: options.capacities,
      unmatchedScore: 0,
      orientation: "auto",
    };
    const started = performance.now();
    const assignment = solveSparse(problem);
    solveMs += performance.now() - started;
    const check = checkSparseCertificate(problem, assignment, outsideBound);
    // Pricing of the uncovered mentees against every mentor, with the current prices: a pair with a positive reduced
    // profit could improve the result and joins the graph. A mentee once scanned stays scanned in later rounds
    // (its outside bound becomes +∞), because new prices can make another of its outside pairs attractive.
    const extra = new Map<number, number[]>();
    const tooMany = check.rowsNotCovered.length > (options.maxWidenedRows ?? Number.POSITIVE_INFINITY);
    if (check.ok && !tooMany) {
      for (const i of check.rowsNotCovered) {
        if (outsideBound[i] !== Number.POSITIVE_INFINITY) widenedRows++;
        outsideBound[i] = Number.POSITIVE_INFINITY;
        const u = (assignment.rowPrice[i] as number) + 1e-9;
        const have = new Set(col.subarray(rowStart[i], rowStart[i + 1]));
        const found: number[] = [];
        for (let j = 0; j < graph.cols; j++) {
          if ((options.capacities[j] as number) === 0) continue;
          const w = options.pairScore(i, j);
          if (w >= minScore && w - (assignment.columnPrice[j] as number) > u && !have.has(j) && !options.isForbidden?.(i, j)) found.push(j);
        }
        if (found.length > 0) extra.set(i, found);
      }
    }
    const proven = check.ok && !tooMany && extra.size === 0;
    if (proven || !check.ok || tooMany || round >= (options.maxRounds ?? 5)) {
      return {
        assignment,
        problem,
        rounds: round,
        widenedRows,
        solveMs,
        certificate: {
          ok: proven,
          candidateGraphOk: check.ok,
          gap: check.gap,
          violations: check.violations,
          rowsNotCovered: proven ? 0 : tooMany ? check.rowsNotCovered.length : extra.size,
        },
      };
    }
    const added = [...extra.values()].reduce((n, list) => n + list.length, 0);
    const nextStart = new Int32Array(graph.rows + 1);
    const nextCol = new Int32Array(col.length + added);
    const nextScore = new Float64Array(col.length + added);
    let e = 0;
    for (let i = 0; i < graph.rows; i++) {
      for (let f = rowStart[i] as number; f < (rowStart[i + 1] as number); f++) {
        nextCol[e] = col[f] as number;
        nextScore[e++] = score[f] as number;
      }
      for (const j of extra.get(i) ?? []) {
        nextCol[e] = j;
        nextScore[e++] = options.pairScore(i, j);
      }
      nextStart[i + 1] = e;
    }
    rowStart = nextStart;
    col = nextCol;
    score = nextScore;
  }
}
