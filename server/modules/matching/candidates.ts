/**
 * Candidate generation for large cohorts: each mentee's best mentors by full score, found through an inverted index
 * over the skills it wants (mentors grouped by skill and teaching level, best groups first), with a proven upper
 * bound on the score of every mentor left out. Pure and deterministic.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ScoreWeights } from "./matching.domain.ts";
import { availabilityComponent, type CompiledProfile, interestsComponent, LEVEL_FACTOR, languageComponent } from "./score.ts";

/** Options of `generateCandidates`. */
export interface CandidateOptions {
  weights: ScoreWeights;
  /** Candidates kept per mentee (default 50). */
  k?: number;
  /** Mentors scored per mentee at most, from the best index groups (default 12·k). */
  scanLimit?: number;
  /** Pairs below this score are never candidates. */
  minScore?: number;
  /** Extra hard constraints (management chain, team, explicit forbid), checked only on pairs about to be kept. */
  isForbidden?: (mentee: number, mentor: number) => boolean;
  /** Process only mentees in [from, to) (for splitting the work across worker threads). */
  from?: number;
  to?: number;
}

/** Candidate pairs in compressed-row form, plus each mentee's bound on any pair left out. */
export interface CandidateGraph {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
  /** No mentor outside mentee i's candidates scores more than `outsideBound[i]` with it. */
  outsideBound: Float64Array;
}

/** Inverted index: for each skill, the mentors who teach it, by level (4 first) then index. */
export interface TeachingIndex {
  /** For skill s and level L (1–5 stored as level+1), mentors are `mentors[start[s*6+L] .. start[s*6+L+1])`. */
  start: Int32Array;
  mentors: Int32Array;
}

/** Builds the teaching index of compiled mentors (skill ids are the cohort dictionary's). */
export function buildTeachingIndex(mentors: readonly CompiledProfile[], numSkills: number): TeachingIndex {
  // Buckets ordered (skill, level descending): bucket b = s*6 + (5 - stored level), stored level = level + 1.
  const counts = new Int32Array(numSkills * 6 + 1);
  for (const m of mentors) {
    for (let s = 0; s < numSkills; s++) {
      const stored = m.teach[s] as number;
      if (stored > 0) counts[s * 6 + 5 - stored + 1] = (counts[s * 6 + 5 - stored + 1] as number) + 1;
    }
  }
  for (let b = 1; b < counts.length; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  const start = Int32Array.from(counts);
  const fill = Int32Array.from(counts);
  const list = new Int32Array(counts[counts.length - 1] as number);
  for (let j = 0; j < mentors.length; j++) {
    const teach = (mentors[j] as CompiledProfile).teach;
    for (let s = 0; s < numSkills; s++) {
      const stored = teach[s] as number;
      if (stored === 0) continue;
      const b = s * 6 + 5 - stored;
      list[fill[b] as number] = j;
      fill[b] = (fill[b] as number) + 1;
    }
  }
  return { start, mentors: list };
}

/**
 * Mentor profiles packed into flat typed arrays, one row per mentor, for the candidate scan: at 100,000 mentors the
 * per-profile arrays are scattered in memory and cache misses dominated. Interest tags, slots and languages are
 * bitmasks when a cohort has at most 32 of each (else `bits` is false and the object-based components are used).
 */
export interface PackedMentors {
  numSkills: number;
  teach: Uint8Array;
  wantStart: Int32Array;
  wantSkill: Int32Array;
  wantWeight: Float64Array;
  wantTotal: Float64Array;
  bits: boolean;
  interestMask: Uint32Array;
  interestCount: Int32Array;
  slotMask: Uint32Array;
  format: Uint8Array;
  languageFirst: Int32Array;
  languageMask: Uint32Array;
  /**
   * The per-mentor fields read for every scored pair, interleaved 8 per mentor (one cache line instead of eight):
   * want start, want end, format, interest count, interest mask, slot mask, first language, language mask.
   */
  meta: Int32Array;
}

function maskOf(ids: Int32Array): number {
  let mask = 0;
  for (const id of ids) mask |= 1 << id;
  return mask >>> 0;
}

export function fitsBits(profiles: readonly CompiledProfile[]): boolean {
  for (const p of profiles) {
    if (p.availability.length > 1) return false;
    for (const t of p.interests) if (t >= 32) return false;
    for (const l of p.languages) if (l >= 32) return false;
  }
  return true;
}

/** A buffer of `bytes`, shared between threads when `shared` (typed arrays on it are then not copied by postMessage). */
function buffer(bytes: number, shared: boolean): ArrayBufferLike {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

export function packMentors(mentors: readonly CompiledProfile[], bits: boolean, shared = false): PackedMentors {
  const m = mentors.length;
  const numSkills = m > 0 ? (mentors[0] as CompiledProfile).teach.length : 0;
  const teach = new Uint8Array(buffer(m * numSkills, shared));
  const wantStart = new Int32Array(buffer(4 * (m + 1), shared));
  for (let j = 0; j < m; j++) wantStart[j + 1] = (wantStart[j] as number) + (mentors[j] as CompiledProfile).wantSkills.length;
  const wantSkill = new Int32Array(buffer(4 * (wantStart[m] as number), shared));
  const wantWeight = new Float64Array(buffer(8 * (wantStart[m] as number), shared));
  const packed: PackedMentors = {
    numSkills,
    teach,
    wantStart,
    wantSkill,
    wantWeight,
    wantTotal: new Float64Array(buffer(8 * m, shared)),
    bits,
    interestMask: new Uint32Array(buffer(4 * m, shared)),
    interestCount: new Int32Array(buffer(4 * m, shared)),
    slotMask: new Uint32Array(buffer(4 * m, shared)),
    format: new Uint8Array(buffer(m, shared)),
    languageFirst: new Int32Array(buffer(4 * m, shared)).fill(-1),
    languageMask: new Uint32Array(buffer(4 * m, shared)),
    meta: new Int32Array(buffer(4 * m * 8, shared)),
  };
  for (let j = 0; j < m; j++) {
    const p = mentors[j] as CompiledProfile;
    teach.set(p.teach, j * numSkills);
    wantSkill.set(p.wantSkills, wantStart[j]);
    wantWeight.set(p.wantWeights, wantStart[j]);
    packed.wantTotal[j] = p.wantTotal;
    packed.format[j] = p.format;
    packed.interestCount[j] = p.interests.length;
    if (p.languages.length > 0) packed.languageFirst[j] = p.languages[0] as number;
    if (bits) {
      packed.interestMask[j] = maskOf(p.interests);
      packed.slotMask[j] = (p.availability[0] ?? 0) >>> 0;
      packed.languageMask[j] = maskOf(p.languages);
    }
  }
  for (let j = 0; j < m; j++) {
    const o = j * 8;
    packed.meta[o] = wantStart[j] as number;
    packed.meta[o + 1] = wantStart[j + 1] as number;
    packed.meta[o + 2] = packed.format[j] as number;
    packed.meta[o + 3] = packed.interestCount[j] as number;
    packed.meta[o + 4] = packed.interestMask[j] as number;
    packed.meta[o + 5] = packed.slotMask[j] as number;
    packed.meta[o + 6] = packed.languageFirst[j] as number;
    packed.meta[o + 7] = packed.languageMask[j] as number;
  }
  return packed;
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Per-mentee bitmasks matching `PackedMentors`. */
interface MenteeBits {
  interestMask: number;
  slotMask: number;
  languageMask: number;
}

/** The teaching component from the packed arrays (as `teachingComponent`). */
function packedTeaching(pm: PackedMentors, j: number, mentee: CompiledProfile): number {
  if (mentee.wantTotal === 0) return 0;
  let sum = 0;
  const base = j * pm.numSkills;
  for (let k = 0; k < mentee.wantSkills.length; k++) {
    const level = pm.teach[base + (mentee.wantSkills[k] as number)] as number;
    if (level > 0) sum += (mentee.wantWeights[k] as number) * (LEVEL_FACTOR[level - 1] as number);
  }
  return sum / mentee.wantTotal;
}

/**
 * The score of `scorePair`, bit for bit (same operations in the same order), given the teaching component and
 * reading the mentor from the packed arrays. Checked against `scorePair` in large-matching.test.ts.
 */
function packedScoreRest(
  pm: PackedMentors,
  j: number,
  mentor: CompiledProfile,
  mentee: CompiledProfile,
  bits: MenteeBits,
  w: ScoreWeights,
  teaching: number,
): number {
  let reciprocity = 0;
  const wantTotal = pm.wantTotal[j] as number;
  const meta = pm.meta;
  const o = j * 8;
  if (wantTotal !== 0) {
    let sum = 0;
    const end = meta[o + 1] as number;
    for (let k = meta[o] as number; k < end; k++) {
      if (mentee.offers[pm.wantSkill[k] as number]) sum += pm.wantWeight[k] as number;
    }
    reciprocity = sum / wantTotal;
  }
  const mentorFormat = meta[o + 2] as number;
  const format = mentorFormat === mentee.format ? 1 : mentorFormat === 2 || mentee.format === 2 ? 0.75 : 0;
  if (!pm.bits) {
    return (
      w.teaching * teaching +
      w.reciprocity * reciprocity +
      w.interests * interestsComponent(mentor, mentee) +
      w.availability * availabilityComponent(mentor, mentee) +
      w.format * format +
      w.language * languageComponent(mentor, mentee)
    );
  }
  const smaller = Math.min(meta[o + 3] as number, mentee.interests.length);
  const interests = smaller === 0 ? 0 : popcount32((meta[o + 4] as number) & bits.interestMask) / smaller;
  const availability = Math.min(1, popcount32((meta[o + 5] as number) & bits.slotMask) / 2);
  const first = meta[o + 6] as number;
  const language =
    first === -1 || mentee.languages.length === 0
      ? 0
      : first === mentee.languages[0]
        ? 1
        : ((meta[o + 7] as number) & bits.languageMask) !== 0
          ? 0.5
          : 0;
  return (
    w.teaching * teaching +
    w.reciprocity * reciprocity +
    w.interests * interests +
    w.availability * availability +
    w.format * format +
    w.language * language
  );
}

/** The most a pair can score without any teaching, for this mentee (every other component at its best). */
function nonTeachingBound(mentee: CompiledProfile, w: ScoreWeights): number {
  return (
    (mentee.offers.some((x) => x > 0) ? w.reciprocity : 0) +
    (mentee.interests.length > 0 ? w.interests : 0) +
    (mentee.slotCount > 0 ? w.availability : 0) +
    w.format +
    w.language
  );
}

/** Deterministic per-mentee start inside a group, so that mentees do not all crowd the group's first mentors. */
function spread(i: number, size: number): number {
  return size === 0 ? 0 : (Math.imul(i + 1, 2654435761) >>> 0) % size;
}

/** Per-scan state reused across mentees (one per thread). */
export interface ScanState {
  pm: PackedMentors;
  index: TeachingIndex;
  weights: ScoreWeights;
  k: number;
  keep: number;
  scanLimit: number;
  minScore: number;
  bitsOk: boolean;
  /** Mentor profiles, read only when `bitsOk` is false (never in a worker). */
  mentors: readonly CompiledProfile[] | null;
  seen: Int32Array;
  topScore: Float64Array;
  topMentor: Int32Array;
  groups: { skill: number; level: number; gain: number }[];
  bits: MenteeBits;
  /** Set by `scanMentee`: pairs kept in `topScore`/`topMentor` (best first) and the bound on mentors not scored. */
  size: number;
  bound: number;
}

/** Scan parameters that can be sent to a worker (no functions). */
export interface ScanParams {
  weights: ScoreWeights;
  k: number;
  scanLimit: number;
  minScore: number;
}

export function scanParams(options: CandidateOptions): ScanParams {
  const k = options.k ?? 50;
  return {
    weights: options.weights,
    k,
    scanLimit: options.scanLimit ?? 12 * k,
    minScore: options.minScore ?? Number.NEGATIVE_INFINITY,
  };
}

export function newScanState(
  pm: PackedMentors,
  index: TeachingIndex,
  params: ScanParams,
  bitsOk: boolean,
  mentors: readonly CompiledProfile[] | null,
): ScanState {
  const keep = params.k + 8; // a few spares replace pairs the extra hard constraints rule out
  return {
    pm,
    index,
    weights: params.weights,
    k: params.k,
    keep,
    scanLimit: params.scanLimit,
    minScore: params.minScore,
    bitsOk,
    mentors,
    seen: new Int32Array(pm.wantTotal.length).fill(-1),
    topScore: new Float64Array(keep),
    topMentor: new Int32Array(keep),
    groups: [],
    bits: { interestMask: 0, slotMask: 0, languageMask: 0 },
    size: 0,
    bound: 0,
  };
}

/**
 * Scans mentee i: leaves its best `keep` pairs (before the extra hard constraints) in `st.topScore`/`st.topMentor`,
 * sorted best first, their number in `st.size` and the bound on every mentor not scored in `st.bound`.
 */
export function scanMentee(st: ScanState, i: number, mentee: CompiledProfile): void {
  const { pm, index, weights, keep, scanLimit, minScore, bitsOk, seen, topScore, topMentor, groups, bits } = st;
  if (bitsOk) {
    bits.interestMask = maskOf(mentee.interests);
    bits.slotMask = (mentee.availability[0] ?? 0) >>> 0;
    bits.languageMask = maskOf(mentee.languages);
  }
  groups.length = 0;
  for (let q = 0; q < mentee.wantSkills.length; q++) {
    const s = mentee.wantSkills[q] as number;
    const share = (mentee.wantWeights[q] as number) / mentee.wantTotal;
    for (let level = 4; level >= 1; level--) groups.push({ skill: s, level, gain: share * (LEVEL_FACTOR[level] as number) });
  }
  // Best groups first; ties by skill then level, for determinism.
  groups.sort((a, b) => b.gain - a.gain || a.skill - b.skill || b.level - a.level);
  const cursor = new Map<number, number>(); // skill → highest level not fully scanned
  for (let q = 0; q < mentee.wantSkills.length; q++) cursor.set(mentee.wantSkills[q] as number, 4);
  const rest = nonTeachingBound(mentee, weights);
  let size = 0;
  let scanned = 0;
  let floor = minScore;
  for (const g of groups) {
    const b = g.skill * 6 + 5 - (g.level + 1);
    const lo = index.start[b] as number;
    const hi = index.start[b + 1] as number;
    const n = hi - lo;
    const offset = spread(i, n);
    let t = 0;
    let at = lo + offset; // walks [lo + offset, hi) then [lo, lo + offset) without a division per mentor
    for (; t < n && scanned < scanLimit; t++, at = at + 1 === hi ? lo : at + 1) {
      const j = index.mentors[at] as number;
      if (seen[j] === i) continue;
      seen[j] = i;
      scanned++;
      // Prune on the teaching part: every other component together adds at most `rest` (a 1e-9 margin covers
      // rounding), so a mentor that cannot reach the current floor is never fully scored.
      const teaching = packedTeaching(pm, j, mentee);
      if (weights.teaching * teaching + rest < floor - 1e-9) continue;
      const mentor = (bitsOk ? undefined : st.mentors?.[j]) as CompiledProfile;
      const w = packedScoreRest(pm, j, mentor, mentee, bits, weights, teaching);
      if (size === keep ? !(w > floor) : !(w >= floor)) continue;
      if (bitsOk ? ((pm.languageMask[j] as number) & bits.languageMask) === 0 : !sharesLanguage(mentor, mentee)) continue;
      // A binary heap with the worst kept pair (lowest score, then highest mentor index) at the root: the same
      // set as a sorted list with the same admission rule, in O(log k) per admission instead of O(k).
      if (size < keep) heapPush(topScore, topMentor, size++, w, j);
      else heapReplaceRoot(topScore, topMentor, keep, w, j);
      if (size === keep) floor = topScore[0] as number;
    }
    if (t < n) break; // scan limit reached inside this group: its skill stays at this level
    cursor.set(g.skill, g.level - 1);
  }
  // Bound on mentors never scored: their level on each wanted skill is at most that skill's cursor.
  let teachingRest = 0;
  for (let q = 0; q < mentee.wantSkills.length; q++) {
    const level = cursor.get(mentee.wantSkills[q] as number) as number;
    teachingRest += ((mentee.wantWeights[q] as number) / mentee.wantTotal) * (LEVEL_FACTOR[level] as number);
  }
  st.bound = weights.teaching * teachingRest + nonTeachingBound(mentee, weights);
  heapSortBestFirst(topScore, topMentor, size);
  st.size = size;
}

/** Output arrays of `generateCandidates` for `rows` mentees. */
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
  const rows = to - from;
  const bitsOk = fitsBits(mentors) && fitsBits(mentees);
  const st = newScanState(packMentors(mentors, bitsOk), index, params, bitsOk, mentors);
  const out = newGraphBuilder(rows, params.k);
  for (let i = from; i < to; i++) {
    scanMentee(st, i, mentees[i] as CompiledProfile);
    appendRow(out, i - from, i, st.topScore, st.topMentor, 0, st.size, st.bound, params.k, st.keep, params.minScore, options.isForbidden);
  }
  return finishGraph(out, rows, mentors.length);
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
  from: number;
  to: number;
}

/** What a worker sends back for mentees [from, to): row r's scanned pairs at r·keep, best first. */
export interface ScanResult {
  size: Int32Array;
  bound: Float64Array;
  topScore: Float64Array;
  topMentor: Int32Array;
}

/** Scans mentees [job.from, job.to) (run by each worker thread; also callable in-thread). */
export function scanRange(job: ScanJob): ScanResult {
  const st = newScanState(job.pm, job.index, job.params, true, null);
  const rows = job.to - job.from;
  const keep = st.keep;
  const result: ScanResult = {
    size: new Int32Array(rows),
    bound: new Float64Array(rows),
    topScore: new Float64Array(rows * keep),
    topMentor: new Int32Array(rows * keep),
  };
  for (let i = job.from; i < job.to; i++) {
    scanMentee(st, i, menteeAt(job.mentees, i));
    const r = i - job.from;
    result.size[r] = st.size;
    result.bound[r] = st.bound;
    result.topScore.set(st.topScore.subarray(0, st.size), r * keep);
    result.topMentor.set(st.topMentor.subarray(0, st.size), r * keep);
  }
  return result;
}

/**
 * The worker is TypeScript, loaded through tsx's ESM hooks, the same under `tsx` and under vitest. Node 20 loads a
 * worker's entry before the hooks of `execArgv: ["--import", "tsx"]` are in place (ERR_UNKNOWN_FILE_EXTENSION), so
 * a small evaluated bootstrap registers tsx first, then imports the worker module.
 */
function workerBootstrap(): string {
  // tsx's ESM build (its CommonJS build's register() does not work from a worker); package.json locates it.
  const tsx = pathToFileURL(
    path.join(path.dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs"),
  ).href;
  const entry = new URL("./candidates-worker.ts", import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
}

function runWorker(job: ScanJob): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerBootstrap(), { eval: true, execArgv: [], workerData: job });
    let done = false;
    worker.once("message", (result: ScanResult) => {
      done = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      done = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!done) reject(new Error(`candidate worker exited with code ${code} before answering`));
    });
  });
}

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
  const rows = to - from;
  const bitsOk = fitsBits(mentors) && fitsBits(mentees);
  if (threads === 1 || !bitsOk || rows < 2 * threads) return generateCandidates(mentees, mentors, index, options);
  const params = scanParams(options);
  const shared = (a: Int32Array): Int32Array => {
    const copy = new Int32Array(new SharedArrayBuffer(4 * a.length));
    copy.set(a);
    return copy;
  };
  const base = {
    pm: packMentors(mentors, true, true),
    index: { start: shared(index.start), mentors: shared(index.mentors) },
    mentees: packMentees(mentees),
    params,
  };
  const bounds: number[] = [];
  for (let t = 0; t <= threads; t++) bounds.push(from + Math.round((rows * t) / threads));
  const results = await Promise.all(bounds.slice(0, -1).map((lo, t) => runWorker({ ...base, from: lo, to: bounds[t + 1] as number })));
  const keep = params.k + 8;
  const out = newGraphBuilder(rows, params.k);
  for (let t = 0; t < threads; t++) {
    const result = results[t] as ScanResult;
    const lo = bounds[t] as number;
    const hi = bounds[t + 1] as number;
    for (let i = lo; i < hi; i++) {
      const r = i - lo;
      appendRow(
        out,
        i - from,
        i,
        result.topScore,
        result.topMentor,
        r * keep,
        result.size[r] as number,
        result.bound[r] as number,
        params.k,
        keep,
        params.minScore,
        options.isForbidden,
      );
    }
  }
  return finishGraph(out, rows, mentors.length);
}

/** True when pair (wa, ja) ranks below pair (wb, jb): lower score, or the same score and a higher mentor index. */
function worse(wa: number, ja: number, wb: number, jb: number): boolean {
  return wa < wb || (wa === wb && ja > jb);
}

function siftDown(score: Float64Array, mentor: Int32Array, size: number, from: number): void {
  const w = score[from] as number;
  const j = mentor[from] as number;
  let p = from;
  for (;;) {
    let c = 2 * p + 1;
    if (c >= size) break;
    if (c + 1 < size && worse(score[c + 1] as number, mentor[c + 1] as number, score[c] as number, mentor[c] as number)) c++;
    if (!worse(score[c] as number, mentor[c] as number, w, j)) break;
    score[p] = score[c] as number;
    mentor[p] = mentor[c] as number;
    p = c;
  }
  score[p] = w;
  mentor[p] = j;
}

function heapPush(score: Float64Array, mentor: Int32Array, size: number, w: number, j: number): void {
  let p = size;
  while (p > 0) {
    const parent = (p - 1) >> 1;
    if (!worse(w, j, score[parent] as number, mentor[parent] as number)) break;
    score[p] = score[parent] as number;
    mentor[p] = mentor[parent] as number;
    p = parent;
  }
  score[p] = w;
  mentor[p] = j;
}

function heapReplaceRoot(score: Float64Array, mentor: Int32Array, size: number, w: number, j: number): void {
  score[0] = w;
  mentor[0] = j;
  siftDown(score, mentor, size, 0);
}

/** Turns the heap into a list sorted best first (score descending, then mentor index ascending). */
function heapSortBestFirst(score: Float64Array, mentor: Int32Array, size: number): void {
  for (let end = size - 1; end > 0; end--) {
    const w = score[end] as number;
    const j = mentor[end] as number;
    score[end] = score[0] as number;
    mentor[end] = mentor[0] as number;
    score[0] = w;
    mentor[0] = j;
    siftDown(score, mentor, end, 0);
  }
}

function sharesLanguage(a: CompiledProfile, b: CompiledProfile): boolean {
  for (const x of a.languages) if (b.languages.includes(x)) return true;
  return false;
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
