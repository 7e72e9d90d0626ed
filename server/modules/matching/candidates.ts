/**
 * Candidate generation for large cohorts: each mentee's best mentors by full score, found through an inverted index
 * over the skills it wants (mentors grouped by skill and teaching level, best groups first), with a proven upper
 * bound on the score of every mentor left out. Pure and deterministic.
 */
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
interface PackedMentors {
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

function fitsBits(profiles: readonly CompiledProfile[]): boolean {
  for (const p of profiles) {
    if (p.availability.length > 1) return false;
    for (const t of p.interests) if (t >= 32) return false;
    for (const l of p.languages) if (l >= 32) return false;
  }
  return true;
}

function packMentors(mentors: readonly CompiledProfile[], bits: boolean): PackedMentors {
  const m = mentors.length;
  const numSkills = m > 0 ? (mentors[0] as CompiledProfile).teach.length : 0;
  const teach = new Uint8Array(m * numSkills);
  const wantStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) wantStart[j + 1] = (wantStart[j] as number) + (mentors[j] as CompiledProfile).wantSkills.length;
  const wantSkill = new Int32Array(wantStart[m] as number);
  const wantWeight = new Float64Array(wantStart[m] as number);
  const packed: PackedMentors = {
    numSkills,
    teach,
    wantStart,
    wantSkill,
    wantWeight,
    wantTotal: new Float64Array(m),
    bits,
    interestMask: new Uint32Array(m),
    interestCount: new Int32Array(m),
    slotMask: new Uint32Array(m),
    format: new Uint8Array(m),
    languageFirst: new Int32Array(m).fill(-1),
    languageMask: new Uint32Array(m),
    meta: new Int32Array(m * 8),
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
  const k = options.k ?? 50;
  const scanLimit = options.scanLimit ?? 12 * k;
  const minScore = options.minScore ?? Number.NEGATIVE_INFINITY;
  const weights = options.weights;
  const from = options.from ?? 0;
  const to = options.to ?? mentees.length;
  const rows = to - from;
  const rowStart = new Int32Array(rows + 1);
  const col = new Int32Array(rows * k);
  const score = new Float64Array(rows * k);
  const outsideBound = new Float64Array(rows);
  const seen = new Int32Array(mentors.length).fill(-1);
  const keep = k + 8; // a few spares replace pairs the extra hard constraints rule out
  const topScore = new Float64Array(keep);
  const topMentor = new Int32Array(keep);
  const groups: { skill: number; level: number; gain: number }[] = [];
  let edges = 0;
  const bitsOk = fitsBits(mentors) && fitsBits(mentees);
  const pm = packMentors(mentors, bitsOk);
  const bits: MenteeBits = { interestMask: 0, slotMask: 0, languageMask: 0 };

  for (let i = from; i < to; i++) {
    const mentee = mentees[i] as CompiledProfile;
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
        const mentor = mentors[j] as CompiledProfile;
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
    let bound = weights.teaching * teachingRest + nonTeachingBound(mentee, weights);
    heapSortBestFirst(topScore, topMentor, size);
    // Keep the best k allowed; everything scored but dropped is also outside, bounded by the last score looked at.
    let kept = 0;
    for (let p = 0; p < size; p++) {
      const j = topMentor[p] as number;
      if (options.isForbidden?.(i, j)) continue;
      if (kept === k) {
        bound = Math.max(bound, topScore[p] as number);
        break;
      }
      col[edges] = j;
      score[edges++] = topScore[p] as number;
      kept++;
    }
    if (size === keep) bound = Math.max(bound, topScore[keep - 1] as number);
    // Candidates sorted by mentor index: the graph, hence the solution, does not depend on scan order.
    sortRowByColumn(col, score, rowStart[i - from] as number, edges);
    rowStart[i - from + 1] = edges;
    // Below the minimum score a pair is not allowed at all: nothing outside can then enter the matching.
    outsideBound[i - from] = bound < minScore ? Number.NEGATIVE_INFINITY : bound;
  }
  return {
    rows,
    cols: mentors.length,
    rowStart,
    col: col.slice(0, edges),
    score: score.slice(0, edges),
    outsideBound,
  };
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
