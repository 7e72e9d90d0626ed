/**
 * Exact matching of a large cohort on a candidate graph by column generation: solve, give the mentees the most
 * favourable optimal prices, check with the certificate which mentees' utilities cover every pair left out of their
 * candidates, price the others against every mentor (pairs with a positive reduced profit join the graph) and solve
 * again, until no pair can improve the total. Pure: the caller supplies the graph (possibly built by worker threads)
 * and the pricing scan.
 */

import type { CandidateGraph } from "./candidates.ts";
import { checkSparseCertificate } from "./certificate.ts";
import { menteeFavouredPrices, type SparseAssignment, type SparseProblem, solveSparse } from "./sparse-solver.ts";

/** Options of `solveLarge`. */
export interface LargeSolveOptions {
  /** Mentees per mentor. */
  capacities: Int32Array;
  /**
   * Pricing (`priceMentees` on `pricedIndex(index, columnPrice)`): for each of `mentees`, the mentors outside its
   * candidates whose pair has a positive reduced profit against `rowPrice` and `columnPrice`; an empty list proves
   * that none exists.
   */
  price: (
    mentees: readonly number[],
    prices: { rowPrice: Float64Array; columnPrice: Float64Array },
    problem: SparseProblem,
  ) => number[][] | Promise<number[][]>;
  /** Score of a pair that pricing adds to the graph (`scorePair`). */
  pairScore: (mentee: number, mentor: number) => number;
  /** Rounds of pricing before giving up the global proof (default 30). */
  maxRounds?: number;
  /**
   * Time budget in milliseconds: no new round starts beyond it (the result is then optimal on its graph, the proof over
   * all pairs reported as incomplete). Default: none.
   */
  maxMs?: number;
}

/** Result of `solveLarge`: the pairs, the final graph and how the proof went. */
export interface LargeSolveResult {
  assignment: SparseAssignment;
  problem: SparseProblem;
  rounds: number;
  /** Mentees priced (their utility did not cover their outside bound), summed over rounds. */
  pricedRows: number;
  /** Pairs added by pricing, over every round. */
  addedPairs: number;
  /** Pairs in the final graph. */
  edges: number;
  /** Milliseconds in the solver, in the price step (mentee-favoured prices) and in pricing, summed over rounds. */
  solveMs: number;
  /** Milliseconds of the first solve alone (on the candidate graph as generated). */
  firstSolveMs: number;
  pricesMs: number;
  pricingMs: number;
  /**
   * `ok`: optimal over all pairs (proved). `candidateGraphOk`: optimal over the candidate pairs (always checked).
   * `rowsNotCovered`: mentees with a pair outside the graph that could still improve the result (0 when `ok`).
   */
  certificate: { ok: boolean; candidateGraphOk: boolean; gap: number; violations: string[]; rowsNotCovered: number };
}

/**
 * Solves exactly by column generation: solve on the graph, move the optimal prices to the mentees' side, then for
 * every mentee whose utility does not reach its outside bound, look for outside pairs with a positive reduced profit
 * (pricing); add them and solve again. On return with `certificate.ok`, no pair anywhere can improve the total: the
 * prices are a dual solution over all pairs (checked on the graph by `checkSparseCertificate`, outside it by the
 * bound or by an empty pricing).
 */
export async function solveLarge(graph: CandidateGraph, options: LargeSolveOptions): Promise<LargeSolveResult> {
  const began = performance.now();
  let { rowStart, col, score } = graph;
  let solveMs = 0;
  let firstSolveMs = 0;
  let pricesMs = 0;
  let pricingMs = 0;
  let pricedRows = 0;
  let addedPairs = 0;
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
    let started = performance.now();
    const solved = solveSparse(problem);
    solveMs += performance.now() - started;
    if (round === 1) firstSolveMs = solveMs;
    started = performance.now();
    const assignment = menteeFavouredPrices(problem, solved);
    pricesMs += performance.now() - started;
    const check = checkSparseCertificate(problem, assignment, graph.outsideBound);
    let improving: { rows: number[]; found: number[][] } = { rows: [], found: [] };
    if (check.ok && check.rowsNotCovered.length > 0) {
      started = performance.now();
      const rows = check.rowsNotCovered;
      const found = await options.price(rows, assignment, problem);
      pricingMs += performance.now() - started;
      pricedRows += rows.length;
      improving = { rows: rows.filter((_, r) => (found[r] as number[]).length > 0), found: found.filter((f) => f.length > 0) };
    }
    const outOfBudget = round >= (options.maxRounds ?? 30) || performance.now() - began > (options.maxMs ?? Number.POSITIVE_INFINITY);
    if (!check.ok || improving.rows.length === 0 || outOfBudget) {
      return {
        assignment,
        problem,
        rounds: round,
        pricedRows,
        addedPairs,
        edges: col.length,
        solveMs,
        firstSolveMs,
        pricesMs,
        pricingMs,
        certificate: {
          ok: check.ok && improving.rows.length === 0,
          candidateGraphOk: check.ok,
          gap: check.gap,
          violations: check.violations,
          rowsNotCovered: improving.rows.length,
        },
      };
    }
    const extra = new Map<number, number[]>();
    improving.rows.forEach((i, r) => {
      extra.set(i, improving.found[r] as number[]);
    });
    let added = 0;
    for (const list of extra.values()) added += list.length;
    addedPairs += added;
    const nextStart = new Int32Array(graph.rows + 1);
    const nextCol = new Int32Array(col.length + added);
    const nextScore = new Float64Array(col.length + added);
    let e = 0;
    for (let i = 0; i < graph.rows; i++) {
      const lo = rowStart[i] as number;
      const hi = rowStart[i + 1] as number;
      nextCol.set(col.subarray(lo, hi), e);
      nextScore.set(score.subarray(lo, hi), e);
      e += hi - lo;
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
