/**
 * Candidate generation for large cohorts: each mentee's best mentors by full score, exactly (the top K over every
 * mentor, ties by `tieRank`), found with a threshold algorithm over an inverted index, and the score above which
 * no mentor was left out. Pure and deterministic.
 *
 * The index groups mentors by (wanted skill, teaching level, class), a class being the mentors with the same format
 * and the same wishes in return (so reciprocity and format are known for the whole group). For a mentee, a group's
 * bound is its teaching part at that level (the other wanted skills at the best level not yet scanned in that class),
 * plus the class's reciprocity and format, plus the most interests, availability and language can add. Groups are
 * visited best first; a group whose bound is below the K-th best score found so far is never scanned, and the scan
 * ends when no group can still beat it. Mentors who teach none of the wanted skills are reached through their class
 * when reciprocity, format and the rest alone could still beat the K-th score.
 */

import { runWorker } from "../../platform/threads/run-worker.ts";
import { fitsBits, type PackedMentors, packMentors, share, shareIndex, type TeachingIndex } from "./candidate-index.ts";
import { newScanState, type ScanParams, scanMentee, scanParams } from "./candidate-scan.ts";
import type { ScoreWeights } from "./matching.domain.ts";
import type { CompiledProfile } from "./score.ts";

export { buildTeachingIndex, fitsBits, type PackedMentors, packMentors, pricedIndex, type TeachingIndex } from "./candidate-index.ts";
export { newScanState, type ScanParams, type ScanState, scanMentee, scanParams, tieRank } from "./candidate-scan.ts";

/** Options of `generateCandidates`. */
export interface CandidateOptions {
  weights: ScoreWeights;
  /** Candidates kept per mentee (default 50). */
  k?: number;
  /** Pairs below this score are never candidates. */
  minScore?: number;
  /** Extra hard constraints (management chain, team, explicit forbid), checked only on pairs about to be kept. */
  isForbidden?: (mentee: number, mentor: number) => boolean;
  /** Process only mentees in [from, to) (for splitting the work across worker threads). */
  from?: number;
  to?: number;
  /** Process only these mentees, in this order: row r of the graph is mentee `rows[r]`. */
  rows?: readonly number[];
}

/** Candidate pairs in compressed-row form, plus each mentee's bound on any pair left out. */
export interface CandidateGraph {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
  /** No allowed mentor outside mentee i's candidates scores more than `outsideBound[i]` with it (−∞: none reaches the minimum). */
  outsideBound: Float64Array;
}

interface GraphBuilder {
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
  outsideBound: Float64Array;
  edges: number;
}

function newGraphBuilder(rows: number, k: number): GraphBuilder {
  return {
    rowStart: new Int32Array(rows + 1),
    col: new Int32Array(rows * k),
    score: new Float64Array(rows * k),
    outsideBound: new Float64Array(rows),
    edges: 0,
  };
}

/**
 * Appends row `r` (mentee i) from its scanned pairs (`size` of them, best first, at `offset` in the arrays): keeps the
 * best k allowed by `isForbidden`, sorted by mentor index, and its outside bound.
 */
function appendRow(
  out: GraphBuilder,
  r: number,
  i: number,
  topScore: Float64Array,
  topMentor: Int32Array,
  offset: number,
  size: number,
  scanBound: number,
  k: number,
  keep: number,
  minScore: number,
  isForbidden: CandidateOptions["isForbidden"],
): void {
  const { col, score } = out;
  let edges = out.edges;
  let bound = scanBound;
  // Keep the best k allowed; everything scored but dropped is also outside, bounded by the last score looked at.
  let kept = 0;
  for (let p = offset; p < offset + size; p++) {
    const j = topMentor[p] as number;
    if (isForbidden?.(i, j)) continue;
    if (kept === k) {
      bound = Math.max(bound, topScore[p] as number);
      break;
    }
    col[edges] = j;
    score[edges++] = topScore[p] as number;
    kept++;
  }
  if (size === keep) bound = Math.max(bound, topScore[offset + keep - 1] as number);
  // Candidates sorted by mentor index: the graph, hence the solution, does not depend on scan order.
  sortRowByColumn(col, score, out.rowStart[r] as number, edges);
  out.rowStart[r + 1] = edges;
  // Below the minimum score a pair is not allowed at all: nothing outside can then enter the matching.
  out.outsideBound[r] = bound < minScore ? Number.NEGATIVE_INFINITY : bound;
  out.edges = edges;
}

function finishGraph(out: GraphBuilder, rows: number, cols: number): CandidateGraph {
  return {
    rows,
    cols,
    rowStart: out.rowStart,
    col: out.col.slice(0, out.edges),
    score: out.score.slice(0, out.edges),
    outsideBound: out.outsideBound,
  };
}

/**
 * Generates each mentee's top candidates. Within the scan limit the mentors scored are those teaching the mentee's
 * wanted skills at the highest levels; `outsideBound` covers every other mentor (so the matching can be proved exact).
 */
export function generateCandidates(
  mentees: readonly CompiledProfile[],
  mentors: readonly CompiledProfile[],
  index: TeachingIndex,
  options: CandidateOptions,
): CandidateGraph {
  const params = scanParams(options);
  const from = options.from ?? 0;
  const to = options.to ?? mentees.length;
  const list = options.rows ?? Array.from({ length: to - from }, (_, r) => from + r);
  const bitsOk = fitsBits(mentors) && fitsBits(mentees);
  const st = newScanState(packMentors(mentors), index, params, bitsOk, mentors);
  const out = newGraphBuilder(list.length, params.k);
  list.forEach((i, r) => {
    scanMentee(st, i, mentees[i] as CompiledProfile);
    appendRow(out, r, i, st.topScore, st.topMentor, 0, st.size, st.bound, params.k, st.keep, params.minScore, options.isForbidden);
  });
  return finishGraph(out, list.length, mentors.length);
}

/** Options of `priceMentees`. */
export interface PricingOptions {
  weights: ScoreWeights;
  minScore?: number;
  /** Mentees to price. */
  rows: readonly number[];
  /** Each mentee's utility (row price) in the current solution. */
  utility: Float64Array;
  /** Each mentee's current candidates (skipped). */
  candidates: (mentee: number) => ArrayLike<number>;
  isForbidden?: (mentee: number, mentor: number) => boolean;
  /** Pairs returned per mentee at most (default 8). */
  k?: number;
}

/**
 * Pricing for column generation: for each mentee of `rows`, the mentors outside its candidates whose pair reaches the
 * minimum score and has a positive reduced profit (score − mentor price − mentee utility > 1e-9), the best first, at
 * most k. An empty list proves that no pair of that mentee outside the graph can improve the solution. `index` must
 * come from `pricedIndex` with the current mentor prices.
 */
export function priceMentees(
  mentees: readonly CompiledProfile[],
  mentors: readonly CompiledProfile[],
  index: TeachingIndex,
  options: PricingOptions,
): number[][] {
  if (!index.price) throw new Error("priceMentees needs a priced index (pricedIndex)");
  const k = options.k ?? 8;
  const bitsOk = fitsBits(mentors) && fitsBits(mentees);
  const st = newScanState(
    packMentors(mentors),
    index,
    { weights: options.weights, k, minScore: options.minScore ?? Number.NEGATIVE_INFINITY },
    bitsOk,
    mentors,
  );
  return options.rows.map((i) => {
    for (const j of Array.from(options.candidates(i))) st.exclude[j] = i;
    const found: number[] = [];
    for (;;) {
      scanMentee(st, i, mentees[i] as CompiledProfile, (options.utility[i] as number) + 1e-9);
      for (let p = 0; p < st.size; p++) {
        const j = st.topMentor[p] as number;
        if (options.isForbidden?.(i, j)) st.exclude[j] = i;
        else if (found.length < k) found.push(j);
      }
      // Every pair found was forbidden while more may exist: look again without them, so that an empty list is a proof.
      if (found.length > 0 || st.size < st.keep) return found;
    }
  });
}

/**
 * `priceMentees` split over `threads` worker threads: the same lists. The workers return each mentee's best pairs by
 * reduced score; this thread drops the forbidden ones (a closure, not sendable) and prices again, in this thread,
 * the rare mentee whose every pair found was forbidden while more might exist. `graph` is the current candidate graph.
 */
export async function priceMenteesParallel(
  mentees: readonly CompiledProfile[],
  mentors: readonly CompiledProfile[],
  index: TeachingIndex,
  options: Omit<PricingOptions, "candidates"> & { graph: { rowStart: Int32Array; col: Int32Array }; threads?: number },
): Promise<number[][]> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const k = options.k ?? 8;
  const { rowStart, col } = options.graph;
  const candidates = (i: number) => col.subarray(rowStart[i], rowStart[i + 1]);
  const rows = options.rows.length;
  if (threads === 1 || !(fitsBits(mentors) && fitsBits(mentees)) || rows < 64 * threads)
    return priceMentees(mentees, mentors, index, { ...options, candidates });
  if (!index.price) throw new Error("priceMentees needs a priced index (pricedIndex)");
  const params = { weights: options.weights, k, minScore: options.minScore ?? Number.NEGATIVE_INFINITY };
  const base = {
    pm: packMentors(mentors, true),
    index: shareIndex(index),
    mentees: packMentees(mentees),
    params,
    pricing: { utility: share(options.utility), rowStart: share(rowStart), col: share(col) },
  };
  const bounds: number[] = [];
  for (let t = 0; t <= threads; t++) bounds.push(Math.round((rows * t) / threads));
  const results = await Promise.all(
    bounds.slice(0, -1).map((lo, t) => runScan({ ...base, rows: Int32Array.from(options.rows.slice(lo, bounds[t + 1] as number)) })),
  );
  const keep = k + 8;
  const found: number[][] = [];
  const again: number[] = [];
  for (let t = 0; t < threads; t++) {
    const result = results[t] as ScanResult;
    const lo = bounds[t] as number;
    for (let r = lo; r < (bounds[t + 1] as number); r++) {
      const w = r - lo;
      const i = options.rows[r] as number;
      const size = result.size[w] as number;
      const list: number[] = [];
      for (let p = 0; p < size && list.length < k; p++) {
        const j = result.topMentor[w * keep + p] as number;
        if (!options.isForbidden?.(i, j)) list.push(j);
      }
      if (list.length === 0 && size === keep) again.push(r);
      found.push(list);
    }
  }
  if (again.length > 0) {
    const redo = priceMentees(mentees, mentors, index, { ...options, rows: again.map((r) => options.rows[r] as number), candidates });
    again.forEach((r, n) => {
      found[r] = redo[n] as number[];
    });
  }
  return found;
}

/**
 * Mentees packed into flat typed arrays (on SharedArrayBuffers) for the worker threads: each mentee's fields read by
 * the scan, as ranges of shared arrays. `menteeAt` rebuilds the profile view (same values, hence the same scores).
 */
export interface PackedMentees {
  numSkills: number;
  wantStart: Int32Array;
  wantSkill: Int32Array;
  wantWeight: Float64Array;
  wantTotal: Float64Array;
  offers: Uint8Array;
  interestStart: Int32Array;
  interest: Int32Array;
  availabilityStart: Int32Array;
  availability: Uint32Array;
  languageStart: Int32Array;
  language: Int32Array;
  slotCount: Int32Array;
  format: Uint8Array;
}

function packRanges<T extends Int32Array | Float64Array | Uint32Array>(
  lists: readonly ArrayLike<number>[],
  make: (b: ArrayBufferLike) => T,
  bytes: number,
): { start: Int32Array; values: T } {
  const start = new Int32Array(new SharedArrayBuffer(4 * (lists.length + 1)));
  for (let i = 0; i < lists.length; i++) start[i + 1] = (start[i] as number) + (lists[i] as ArrayLike<number>).length;
  const values = make(new SharedArrayBuffer(bytes * (start[lists.length] as number)));
  for (let i = 0; i < lists.length; i++) values.set(lists[i] as ArrayLike<number>, start[i] as number);
  return { start, values };
}

export function packMentees(mentees: readonly CompiledProfile[]): PackedMentees {
  const n = mentees.length;
  const numSkills = n > 0 ? (mentees[0] as CompiledProfile).offers.length : 0;
  const want = packRanges(
    mentees.map((p) => p.wantSkills),
    (b) => new Int32Array(b),
    4,
  );
  const weight = packRanges(
    mentees.map((p) => p.wantWeights),
    (b) => new Float64Array(b),
    8,
  );
  const interests = packRanges(
    mentees.map((p) => p.interests),
    (b) => new Int32Array(b),
    4,
  );
  const availability = packRanges(
    mentees.map((p) => p.availability),
    (b) => new Uint32Array(b),
    4,
  );
  const languages = packRanges(
    mentees.map((p) => p.languages),
    (b) => new Int32Array(b),
    4,
  );
  const packed: PackedMentees = {
    numSkills,
    wantStart: want.start,
    wantSkill: want.values,
    wantWeight: weight.values,
    wantTotal: new Float64Array(new SharedArrayBuffer(8 * n)),
    offers: new Uint8Array(new SharedArrayBuffer(n * numSkills)),
    interestStart: interests.start,
    interest: interests.values,
    availabilityStart: availability.start,
    availability: availability.values,
    languageStart: languages.start,
    language: languages.values,
    slotCount: new Int32Array(new SharedArrayBuffer(4 * n)),
    format: new Uint8Array(new SharedArrayBuffer(n)),
  };
  for (let i = 0; i < n; i++) {
    const p = mentees[i] as CompiledProfile;
    packed.wantTotal[i] = p.wantTotal;
    packed.offers.set(p.offers, i * numSkills);
    packed.slotCount[i] = p.slotCount;
    packed.format[i] = p.format;
  }
  return packed;
}

const NO_TEACH = new Uint8Array(0);

/** The profile view of packed mentee i: every field the scan reads (views on the shared arrays, no copy). */
export function menteeAt(pe: PackedMentees, i: number): CompiledProfile {
  return {
    id: "",
    teach: NO_TEACH,
    wantSkills: pe.wantSkill.subarray(pe.wantStart[i], pe.wantStart[i + 1]),
    wantWeights: pe.wantWeight.subarray(pe.wantStart[i], pe.wantStart[i + 1]),
    wantTotal: pe.wantTotal[i] as number,
    offers: pe.offers.subarray(i * pe.numSkills, (i + 1) * pe.numSkills),
    interests: pe.interest.subarray(pe.interestStart[i], pe.interestStart[i + 1]),
    availability: pe.availability.subarray(pe.availabilityStart[i], pe.availabilityStart[i + 1]),
    slotCount: pe.slotCount[i] as number,
    format: pe.format[i] as number,
    languages: pe.language.subarray(pe.languageStart[i], pe.languageStart[i + 1]),
  };
}

/** What `candidates-worker.ts` receives as `workerData`. */
export interface ScanJob {
  pm: PackedMentors;
  index: TeachingIndex;
  mentees: PackedMentees;
  params: ScanParams;
  /** The mentees to scan, in order. */
  rows: Int32Array;
  /**
   * Pricing (the index is priced): each mentee's utility, its scan starts above it, and the current graph, whose pairs
   * are skipped.
   */
  pricing?: { utility: Float64Array; rowStart: Int32Array; col: Int32Array };
}

/** What a worker sends back: row r's scanned pairs at r·keep, best first. */
export interface ScanResult {
  size: Int32Array;
  bound: Float64Array;
  topScore: Float64Array;
  topMentor: Int32Array;
}

/** Scans the mentees of `job.rows` (run by each worker thread; also callable in-thread). */
export function scanRange(job: ScanJob): ScanResult {
  const st = newScanState(job.pm, job.index, job.params, true, null);
  const rows = job.rows.length;
  const keep = st.keep;
  const result: ScanResult = {
    size: new Int32Array(rows),
    bound: new Float64Array(rows),
    topScore: new Float64Array(rows * keep),
    topMentor: new Int32Array(rows * keep),
  };
  const pricing = job.pricing;
  for (let r = 0; r < rows; r++) {
    const i = job.rows[r] as number;
    if (pricing) {
      for (let e = pricing.rowStart[i] as number; e < (pricing.rowStart[i + 1] as number); e++) st.exclude[pricing.col[e] as number] = i;
      scanMentee(st, i, menteeAt(job.mentees, i), (pricing.utility[i] as number) + 1e-9);
    } else scanMentee(st, i, menteeAt(job.mentees, i));
    result.size[r] = st.size;
    result.bound[r] = st.bound;
    result.topScore.set(st.topScore.subarray(0, st.size), r * keep);
    result.topMentor.set(st.topMentor.subarray(0, st.size), r * keep);
  }
  return result;
}

const WORKER = new URL("./candidates-worker.ts", import.meta.url);
const runScan = (job: ScanJob) => runWorker<ScanResult>(WORKER, job);

/**
 * `generateCandidates` split over `threads` worker threads by mentee range: the same graph, bit for bit. Mentors,
 * mentees and the index go to the workers as typed arrays on SharedArrayBuffers; each worker returns its mentees'
 * scanned pairs (transferred), and this thread applies `isForbidden` (a closure, not sendable) and builds the rows.
 * With `threads` ≤ 1, or a cohort too rich for the bitmask scorer, it runs in this thread.
 */
export async function generateCandidatesParallel(
  mentees: readonly CompiledProfile[],
  mentors: readonly CompiledProfile[],
  index: TeachingIndex,
  options: CandidateOptions & { threads?: number },
): Promise<CandidateGraph> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const from = options.from ?? 0;
  const to = options.to ?? mentees.length;
  const list = options.rows ?? Array.from({ length: to - from }, (_, r) => from + r);
  const rows = list.length;
  const bitsOk = fitsBits(mentors) && fitsBits(mentees);
  if (threads === 1 || !bitsOk || rows < 64 * threads) return generateCandidates(mentees, mentors, index, options);
  const params = scanParams(options);
  const base = { pm: packMentors(mentors, true), index: shareIndex(index), mentees: packMentees(mentees), params };
  const bounds: number[] = [];
  for (let t = 0; t <= threads; t++) bounds.push(Math.round((rows * t) / threads));
  const results = await Promise.all(
    bounds.slice(0, -1).map((lo, t) => runScan({ ...base, rows: Int32Array.from(list.slice(lo, bounds[t + 1] as number)) })),
  );
  const keep = params.k + 8;
  const out = newGraphBuilder(rows, params.k);
  for (let t = 0; t < threads; t++) {
    const result = results[t] as ScanResult;
    const lo = bounds[t] as number;
    for (let r = lo; r < (bounds[t + 1] as number); r++) {
      const w = r - lo;
      appendRow(
        out,
        r,
        list[r] as number,
        result.topScore,
        result.topMentor,
        w * keep,
        result.size[w] as number,
        result.bound[w] as number,
        params.k,
        keep,
        params.minScore,
        options.isForbidden,
      );
    }
  }
  return finishGraph(out, rows, mentors.length);
}

function sortRowByColumn(col: Int32Array, score: Float64Array, from: number, to: number): void {
  for (let a = from + 1; a < to; a++) {
    const c = col[a] as number;
    const w = score[a] as number;
    let b = a;
    while (b > from && (col[b - 1] as number) > c) {
      col[b] = col[b - 1] as number;
      score[b] = score[b - 1] as number;
      b--;
    }
    col[b] = c;
    score[b] = w;
  }
}
