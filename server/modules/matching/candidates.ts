/**
 * Candidate generation for large cohorts: each mentee's best mentors by full score, exactly (the top K over every
 * mentor, ties by mentor index), found with a threshold algorithm over an inverted index, and the score above which
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
  /** Pairs below this score are never candidates. */
  minScore?: number;
  /** Extra hard constraints (management chain, team, explicit forbid), checked only on pairs about to be kept. */
  isForbidden?: (mentee: number, mentor: number) => boolean;
  /** Process only mentees in [from, to) (for splitting the work across worker threads). */
  from?: number;
  to?: number;
  /** Process only these mentees, in this order: row r of the graph is mentee `rows[r]` (for widening). */
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

/** Teaching levels in the index: 1 to 4 (level 0 teaches nothing). */
const LEVELS = 4;
/** Rounding margin on bounds: a bound and a score of the same pair are summed in different orders. */
const EPS = 1e-9;

/**
 * Inverted index of the mentors. A class is a format and a list of wanted skills with their weights (in order): every
 * mentor of a class has the same reciprocity and format components with a given mentee.
 */
export interface TeachingIndex {
  numSkills: number;
  numClasses: number;
  classFormat: Uint8Array;
  /** Class c wants `classWantSkill[classWantStart[c] .. classWantStart[c+1])` with these weights. */
  classWantStart: Int32Array;
  classWantSkill: Int32Array;
  classWantWeight: Float64Array;
  classWantTotal: Float64Array;
  /** Group (skill s, level L, class c) is `mentors[start[b] .. start[b+1])`, b = (s·4 + L − 1)·numClasses + c. */
  start: Int32Array;
  mentors: Int32Array;
  /** Class c's mentors are `classMentors[classStart[c] .. classStart[c+1])`. */
  classStart: Int32Array;
  classMentors: Int32Array;
  /**
   * Beside each entry of `mentors` and of `classMentors`, the mentor's fields the scan reads (interest count, interest
   * mask, slot mask, first language, language mask, masks only when the mentors fit in 32 bits; then up to 4 taught
   * skills with their level, packed 16 bits each in two integers, or −1 when the mentor teaches more), so that a group
   * is read in one sweep instead of cache misses per mentor.
   */
  meta: Int32Array;
  classMeta: Int32Array;
  /**
   * Set by `pricedIndex`: each entry's mentor price, entries sorted by price within each group and class list, so
   * that a scan by reduced score (score − price) stops inside a group at the first mentor too dear to matter.
   */
  price?: Float64Array;
  classPrice?: Float64Array;
}

/**
 * A copy of the index for pricing: in every group and every class list, mentors sorted by price (cheapest first, then
 * index), with the prices beside them. Scanning it with `priceMentees` finds the pairs of largest reduced score.
 */
export function pricedIndex(index: TeachingIndex, prices: Float64Array): TeachingIndex {
  const permute = (start: Int32Array, list: Int32Array, meta: Int32Array) => {
    const order = Int32Array.from({ length: list.length }, (_, e) => e);
    for (let b = 0; b + 1 < start.length; b++) {
      const lo = start[b] as number;
      const hi = start[b + 1] as number;
      if (hi - lo < 2) continue;
      order
        .subarray(lo, hi)
        .sort(
          (x, y) =>
            (prices[list[x] as number] as number) - (prices[list[y] as number] as number) || (list[x] as number) - (list[y] as number),
        );
    }
    const sortedList = new Int32Array(list.length);
    const sortedMeta = new Int32Array(meta.length);
    const price = new Float64Array(list.length);
    for (let e = 0; e < list.length; e++) {
      const from = order[e] as number;
      sortedList[e] = list[from] as number;
      sortedMeta.set(meta.subarray(from * META, (from + 1) * META), e * META);
      price[e] = prices[list[from] as number] as number;
    }
    return { list: sortedList, meta: sortedMeta, price };
  };
  const groups = permute(index.start, index.mentors, index.meta);
  const classes = permute(index.classStart, index.classMentors, index.classMeta);
  return {
    ...index,
    mentors: groups.list,
    meta: groups.meta,
    price: groups.price,
    classMentors: classes.list,
    classMeta: classes.meta,
    classPrice: classes.price,
  };
}

/** Builds the index of compiled mentors (skill ids are the cohort dictionary's). */
export function buildTeachingIndex(mentors: readonly CompiledProfile[], numSkills: number): TeachingIndex {
  const classOf = new Int32Array(mentors.length);
  const classes = new Map<string, number>();
  const first: CompiledProfile[] = [];
  for (let j = 0; j < mentors.length; j++) {
    const p = mentors[j] as CompiledProfile;
    const key = `${p.format}|${p.wantSkills.join(",")}|${p.wantWeights.join(",")}`;
    let c = classes.get(key);
    if (c === undefined) {
      c = first.length;
      classes.set(key, c);
      first.push(p);
    }
    classOf[j] = c;
  }
  const numClasses = first.length;
  const classWantStart = new Int32Array(numClasses + 1);
  for (let c = 0; c < numClasses; c++)
    classWantStart[c + 1] = (classWantStart[c] as number) + (first[c] as CompiledProfile).wantSkills.length;
  const classWantSkill = new Int32Array(classWantStart[numClasses] as number);
  const classWantWeight = new Float64Array(classWantStart[numClasses] as number);
  const classWantTotal = new Float64Array(numClasses);
  const classFormat = new Uint8Array(numClasses);
  for (let c = 0; c < numClasses; c++) {
    const p = first[c] as CompiledProfile;
    classWantSkill.set(p.wantSkills, classWantStart[c]);
    classWantWeight.set(p.wantWeights, classWantStart[c]);
    classWantTotal[c] = p.wantTotal;
    classFormat[c] = p.format;
  }
  const groups = numSkills * LEVELS * numClasses;
  const counts = new Int32Array(groups + 1);
  const classCounts = new Int32Array(numClasses + 1);
  for (let j = 0; j < mentors.length; j++) {
    const teach = (mentors[j] as CompiledProfile).teach;
    const c = classOf[j] as number;
    classCounts[c + 1] = (classCounts[c + 1] as number) + 1;
    for (let s = 0; s < numSkills; s++) {
      const level = (teach[s] as number) - 1;
      if (level >= 1) {
        const b = (s * LEVELS + level - 1) * numClasses + c;
        counts[b + 1] = (counts[b + 1] as number) + 1;
      }
    }
  }
  for (let b = 1; b <= groups; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  for (let c = 1; c <= numClasses; c++) classCounts[c] = (classCounts[c] as number) + (classCounts[c - 1] as number);
  const fill = Int32Array.from(counts);
  const classFill = Int32Array.from(classCounts);
  const list = new Int32Array(counts[groups] as number);
  const classMentors = new Int32Array(mentors.length);
  const meta = new Int32Array(list.length * META);
  const classMeta = new Int32Array(mentors.length * META);
  const bits = fitsBits(mentors);
  const writeMeta = (to: Int32Array, e: number, p: CompiledProfile): void => {
    const o = e * META;
    to[o] = p.interests.length;
    to[o + 3] = p.languages.length > 0 ? (p.languages[0] as number) : -1;
    if (bits) {
      to[o + 1] = maskOf(p.interests);
      to[o + 2] = (p.availability[0] ?? 0) >>> 0;
      to[o + 4] = maskOf(p.languages);
    }
    let packed = 0;
    for (let s = 0; s < numSkills; s++) {
      const level = (p.teach[s] as number) - 1;
      if (level < 1) continue;
      if (packed === 4 || s >= 1 << 13) {
        to[o + 5] = -1;
        return;
      }
      const half = (s << 3) | level;
      if (packed < 2) to[o + 5] = (to[o + 5] as number) | (half << (16 * packed));
      else to[o + 6] = (to[o + 6] as number) | (half << (16 * (packed - 2)));
      packed++;
    }
  };
  for (let j = 0; j < mentors.length; j++) {
    const p = mentors[j] as CompiledProfile;
    const c = classOf[j] as number;
    writeMeta(classMeta, classFill[c] as number, p);
    classMentors[classFill[c] as number] = j;
    classFill[c] = (classFill[c] as number) + 1;
    for (let s = 0; s < numSkills; s++) {
      const level = (p.teach[s] as number) - 1;
      if (level < 1) continue;
      const b = (s * LEVELS + level - 1) * numClasses + c;
      writeMeta(meta, fill[b] as number, p);
      list[fill[b] as number] = j;
      fill[b] = (fill[b] as number) + 1;
    }
  }
  return {
    numSkills,
    numClasses,
    classFormat,
    classWantStart,
    classWantSkill,
    classWantWeight,
    classWantTotal,
    start: counts,
    mentors: list,
    classStart: classCounts,
    classMentors,
    meta,
    classMeta,
  };
}

/** A copy of the index on SharedArrayBuffers, for worker threads (typed arrays on them are not copied by postMessage). */
function shareIndex(index: TeachingIndex): TeachingIndex {
  const share = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
    const copy = new (a.constructor as new (b: ArrayBufferLike) => T)(new SharedArrayBuffer(a.byteLength));
    copy.set(a as never);
    return copy;
  };
  return {
    numSkills: index.numSkills,
    numClasses: index.numClasses,
    classFormat: share(index.classFormat),
    classWantStart: share(index.classWantStart),
    classWantSkill: share(index.classWantSkill),
    classWantWeight: share(index.classWantWeight),
    classWantTotal: share(index.classWantTotal),
    start: share(index.start),
    mentors: share(index.mentors),
    classStart: share(index.classStart),
    classMentors: share(index.classMentors),
    meta: share(index.meta),
    classMeta: share(index.classMeta),
  };
}

/** The mentors' teaching levels, one row of bytes per mentor (read for the wanted skills of each mentee). */
export interface PackedMentors {
  numSkills: number;
  count: number;
  teach: Uint8Array;
}

/** Fields per mentor beside the index entries (see `TeachingIndex.meta`). */
const META = 7;

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

export function packMentors(mentors: readonly CompiledProfile[], shared = false): PackedMentors {
  const m = mentors.length;
  const numSkills = m > 0 ? (mentors[0] as CompiledProfile).teach.length : 0;
  const teach = new Uint8Array(shared ? new SharedArrayBuffer(m * numSkills) : new ArrayBuffer(m * numSkills));
  for (let j = 0; j < m; j++) teach.set((mentors[j] as CompiledProfile).teach, j * numSkills);
  return { numSkills, count: m, teach };
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Reciprocity and format of every class for one kind of mentee (its offers and format), and the classes best first. */
interface ClassView {
  reciprocity: Float64Array;
  format: Float64Array;
  /** Classes by decreasing reciprocity + format contribution, and that contribution. */
  order: Int32Array;
  value: Float64Array;
}

function classView(index: TeachingIndex, mentee: CompiledProfile, w: ScoreWeights): ClassView {
  const n = index.numClasses;
  const reciprocity = new Float64Array(n);
  const format = new Float64Array(n);
  const contribution = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    // As reciprocityComponent and formatComponent, operation for operation (the scores must be bit-identical).
    const total = index.classWantTotal[c] as number;
    if (total !== 0) {
      let sum = 0;
      for (let k = index.classWantStart[c] as number; k < (index.classWantStart[c + 1] as number); k++)
        if (mentee.offers[index.classWantSkill[k] as number]) sum += index.classWantWeight[k] as number;
      reciprocity[c] = sum / total;
    }
    const f = index.classFormat[c] as number;
    format[c] = f === mentee.format ? 1 : f === 2 || mentee.format === 2 ? 0.75 : 0;
    contribution[c] = w.reciprocity * (reciprocity[c] as number) + w.format * (format[c] as number);
  }
  const order = Int32Array.from({ length: n }, (_, c) => c).sort(
    (a, b) => (contribution[b] as number) - (contribution[a] as number) || a - b,
  );
  return { reciprocity, format, order, value: Float64Array.from(order, (c) => contribution[c] as number) };
}

/** Per-scan state reused across mentees (one per thread); the mentee fields are those of the mentee being scanned. */
export interface ScanState {
  pm: PackedMentors;
  index: TeachingIndex;
  weights: ScoreWeights;
  k: number;
  keep: number;
  minScore: number;
  bitsOk: boolean;
  /** Mentor profiles, read only when `bitsOk` is false (never in a worker). */
  mentors: readonly CompiledProfile[] | null;
  topScore: Float64Array;
  topMentor: Int32Array;
  /** Class views by mentee offers and format (few distinct kinds). */
  views: Map<string, ClassView>;
  /** Per (wanted skill position, class): the highest level whose group was not scanned, valid when stamped. */
  cursor: Int8Array;
  cursorStamp: Int32Array;
  /** Per (wanted skill position, level, class): stamped with the mentee when that group was scanned. */
  rangeStamp: Int32Array;
  share: Float64Array;
  levels: Int32Array;
  /** Per skill: 1 + its position among the mentee's wanted skills, 0 when not wanted. */
  position: Int32Array;
  // The mentee being scanned.
  i: number;
  mentee: CompiledProfile;
  interestMask: number;
  slotMask: number;
  languageMask: number;
  firstLanguage: number;
  /** The most interests, availability and language can add to any pair of this mentee. */
  extras: number;
  floor: number;
  /** Pairs kept in `topScore`/`topMentor` (best first once `scanMentee` returns). */
  size: number;
  /** Set by `scanMentee`: a score that no mentor left out exceeds. */
  bound: number;
  /** Mentors fully scored, over every scan (for the benchmark). */
  scored: number;
  /** Per mentor: stamped with the mentee whose current candidates it is (pricing skips them). */
  exclude: Int32Array;
}

/** Scan parameters that can be sent to a worker (no functions). */
export interface ScanParams {
  weights: ScoreWeights;
  k: number;
  minScore: number;
}

export function scanParams(options: CandidateOptions): ScanParams {
  return { weights: options.weights, k: options.k ?? 50, minScore: options.minScore ?? Number.NEGATIVE_INFINITY };
}

const NO_PROFILE: CompiledProfile = {
  id: "",
  teach: new Uint8Array(0),
  wantSkills: new Int32Array(0),
  wantWeights: new Float64Array(0),
  wantTotal: 0,
  offers: new Uint8Array(0),
  interests: new Int32Array(0),
  availability: new Uint32Array(0),
  slotCount: 0,
  format: 0,
  languages: new Int32Array(0),
};

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
    minScore: params.minScore,
    bitsOk,
    mentors,
    topScore: new Float64Array(keep),
    topMentor: new Int32Array(keep),
    views: new Map(),
    cursor: new Int8Array(0),
    cursorStamp: new Int32Array(0),
    rangeStamp: new Int32Array(0),
    share: new Float64Array(0),
    levels: new Int32Array(0),
    position: new Int32Array(index.numSkills),
    i: -1,
    mentee: NO_PROFILE,
    interestMask: 0,
    slotMask: 0,
    languageMask: 0,
    firstLanguage: -2,
    extras: 0,
    floor: 0,
    size: 0,
    bound: 0,
    scored: 0,
    exclude: new Int32Array(pm.count).fill(-1),
  };
}

function viewFor(st: ScanState, mentee: CompiledProfile): ClassView {
  let key = `${mentee.format}`;
  for (let s = 0; s < mentee.offers.length; s++) if (mentee.offers[s]) key += `,${s}`;
  let view = st.views.get(key);
  if (!view) {
    if (st.views.size >= 4096) st.views.clear(); // bounded memory on very diverse cohorts
    view = classView(st.index, mentee, st.weights);
    st.views.set(key, view);
  }
  return view;
}

/**
 * Scores the mentors `list[lo..hi)` of class c (their fields at the same positions in `meta`) for the mentee of `st`
 * and admits those that beat the worst kept pair. `self` is the wanted skill position of the group scanned (−1 for a
 * class list): a mentor already scored in a group of another wanted skill, scanned earlier, is skipped. With prices
 * (a priced index), pairs are ranked by reduced score, and the scan stops at the first mentor whose price puts
 * `rangeBound` (the most any pair of the range can score) below the floor: every later one is dearer.
 */
function scoreRange(
  st: ScanState,
  list: Int32Array,
  meta: Int32Array,
  price: Float64Array | undefined,
  lo: number,
  hi: number,
  c: number,
  self: number,
  view: ClassView,
  rangeBound: number,
): void {
  const { i, mentee, topScore, topMentor, keep, pm, weights: w, levels, rangeStamp } = st;
  const C = st.index.numClasses;
  const wantSkills = mentee.wantSkills;
  const wantWeights = mentee.wantWeights;
  const wanted = wantSkills.length;
  const wantTotal = mentee.wantTotal;
  const reciprocity = view.reciprocity[c] as number;
  const format = view.format[c] as number;
  // The part of the score known for the whole class, and what interests, availability and language may add.
  const known = w.reciprocity * reciprocity + w.format * format + st.extras + EPS;
  const position = st.position;
  // Module constants read in the loop, copied to locals (a module binding is re-checked on every read).
  const stride = META;
  const levelsPerSkill = LEVELS;
  const factor = LEVEL_FACTOR;
  const minScore = st.minScore;
  const exclude = st.exclude;
  entries: for (let e = lo; e < hi; e++) {
    const o = e * stride;
    const j = list[e] as number;
    const v = price === undefined ? 0 : (price[e] as number);
    if (rangeBound - v + EPS < st.floor) break;
    const packedLo = meta[o + 5] as number;
    if (packedLo !== -1) {
      // Up to 4 taught skills packed in two integers: find the wanted ones without touching the mentor's row.
      for (let q = 0; q < wanted; q++) levels[q] = 0;
      const packedHi = meta[o + 6] as number;
      for (let h = 0; h < 4; h++) {
        const half = (h < 2 ? packedLo >>> (16 * h) : packedHi >>> (16 * (h - 2))) & 0xffff;
        if (half === 0) break;
        const q = (position[half >>> 3] as number) - 1;
        if (q < 0) continue;
        const level = half & 7;
        if (q !== self && rangeStamp[(q * levelsPerSkill + level - 1) * C + c] === i) continue entries; // scored there
        levels[q] = level;
      }
    } else {
      for (let q = 0; q < wanted; q++) {
        const level = (pm.teach[j * pm.numSkills + (wantSkills[q] as number)] as number) - 1;
        if (level > 0 && q !== self && rangeStamp[(q * levelsPerSkill + level - 1) * C + c] === i) continue entries; // scored there
        levels[q] = level;
      }
    }
    // Teaching as teachingComponent, operation for operation (the scores must be bit-identical to scorePair's).
    let teaching = 0;
    if (wantTotal !== 0) {
      let sum = 0;
      for (let q = 0; q < wanted; q++) {
        const level = levels[q] as number;
        if (level > 0) sum += (wantWeights[q] as number) * (factor[level] as number);
      }
      teaching = sum / wantTotal;
    }
    if (w.teaching * teaching + known - v < st.floor || w.teaching * teaching + known < minScore) continue;
    if (exclude[j] === i) continue; // already a candidate of this mentee (pricing)
    st.scored++;
    let interests: number;
    let availability: number;
    let language: number;
    if (st.bitsOk) {
      if (((meta[o + 4] as number) & st.languageMask) === 0) continue; // no common language: never a pair
      const smaller = Math.min(meta[o] as number, mentee.interests.length);
      interests = smaller === 0 ? 0 : popcount32((meta[o + 1] as number) & st.interestMask) / smaller;
      availability = Math.min(1, popcount32((meta[o + 2] as number) & st.slotMask) / 2);
      const first = meta[o + 3] as number;
      language = first === -1 || st.firstLanguage === -2 ? 0 : first === st.firstLanguage ? 1 : 0.5;
    } else {
      const mentor = st.mentors?.[j] as CompiledProfile;
      language = languageComponent(mentor, mentee);
      if (language === 0) continue;
      interests = interestsComponent(mentor, mentee);
      availability = availabilityComponent(mentor, mentee);
    }
    // The sum of scorePair, in its order.
    const total =
      w.teaching * teaching +
      w.reciprocity * reciprocity +
      w.interests * interests +
      w.availability * availability +
      w.format * format +
      w.language * language;
    if (total < minScore) continue;
    const reduced = total - v;
    // Admitted when it beats the worst kept pair (lowest score, then last by `tieRank`, at the heap's root): the
    // kept set is then the exact top `keep` in that order, whatever order the mentors are scanned in.
    if (st.size === keep) {
      if (!worse(i, topScore[0] as number, topMentor[0] as number, reduced, j)) continue;
      heapReplaceRoot(i, topScore, topMentor, keep, reduced, j);
      st.floor = topScore[0] as number;
    } else {
      if (!(price === undefined ? reduced >= st.floor : reduced > st.floor)) continue;
      heapPush(i, topScore, topMentor, st.size++, reduced, j);
      if (st.size === keep) st.floor = topScore[0] as number;
    }
  }
}

/** Teaching levels of the index in decreasing order of gain: (wanted skill position, level) pairs. */
function groupOrder(mentee: CompiledProfile, share: Float64Array): { q: number; level: number; gain: number }[] {
  const groups: { q: number; level: number; gain: number }[] = [];
  for (let q = 0; q < mentee.wantSkills.length; q++)
    for (let level = LEVELS; level >= 1; level--) groups.push({ q, level, gain: (share[q] as number) * (LEVEL_FACTOR[level] as number) });
  // Ties by skill then level, for determinism.
  return groups.sort(
    (a, b) => b.gain - a.gain || (mentee.wantSkills[a.q] as number) - (mentee.wantSkills[b.q] as number) || b.level - a.level,
  );
}

/**
 * Scans mentee i: leaves its best `keep` pairs (before the extra hard constraints) in `st.topScore`/`st.topMentor`,
 * sorted best first, their number in `st.size`, and in `st.bound` a score that no mentor left out exceeds
 * (−∞ when fewer than `keep` mentors reach the minimum score: then none was left out).
 */
export function scanMentee(st: ScanState, i: number, mentee: CompiledProfile, start = st.minScore): void {
  const { index, weights: w, bitsOk } = st;
  const C = index.numClasses;
  const wanted = mentee.wantSkills.length;
  if (st.cursor.length < wanted * C) {
    st.cursor = new Int8Array(wanted * C);
    st.cursorStamp = new Int32Array(wanted * C).fill(-1);
  }
  if (st.rangeStamp.length < wanted * LEVELS * C) st.rangeStamp = new Int32Array(wanted * LEVELS * C).fill(-1);
  if (st.share.length < wanted) {
    st.share = new Float64Array(wanted);
    st.levels = new Int32Array(wanted);
  }
  const { cursor, cursorStamp, share } = st;
  const levelOf = (q: number, c: number): number => (cursorStamp[q * C + c] === i ? (cursor[q * C + c] as number) : LEVELS);
  const view = viewFor(st, mentee);
  st.i = i;
  st.mentee = mentee;
  st.interestMask = bitsOk ? maskOf(mentee.interests) : 0;
  st.slotMask = bitsOk ? (mentee.availability[0] ?? 0) >>> 0 : 0;
  st.languageMask = bitsOk ? maskOf(mentee.languages) : 0;
  st.firstLanguage = mentee.languages.length > 0 ? (mentee.languages[0] as number) : -2;
  st.extras =
    (mentee.interests.length > 0 ? w.interests : 0) +
    (mentee.slotCount > 0 ? w.availability : 0) +
    (mentee.languages.length > 0 ? w.language : 0);
  st.floor = start;
  st.size = 0;
  for (let q = 0; q < wanted; q++) {
    share[q] = (mentee.wantWeights[q] as number) / mentee.wantTotal;
    st.position[mentee.wantSkills[q] as number] = q + 1;
  }

  for (const g of groupOrder(mentee, share)) {
    const base = ((mentee.wantSkills[g.q] as number) * LEVELS + g.level - 1) * C;
    // No class can beat this: its teaching at most this level here and every other wanted skill at level 4.
    const groupMost = w.teaching * (g.gain + 1 - (share[g.q] as number)) + st.extras + EPS;
    for (let x = 0; x < C; x++) {
      const value = view.value[x] as number;
      if (groupMost + value < st.floor) break; // classes come best first
      const c = view.order[x] as number;
      const lo = index.start[base + c] as number;
      const hi = index.start[base + c + 1] as number;
      if (lo === hi) continue;
      let teaching = g.gain;
      for (let q = 0; q < wanted; q++) if (q !== g.q) teaching += (share[q] as number) * (LEVEL_FACTOR[levelOf(q, c)] as number);
      const rangeBound = w.teaching * teaching + value + st.extras;
      const cheapest = index.price === undefined ? 0 : (index.price[lo] as number);
      // Left out: no pair of the range can beat the K-th score (or reach the minimum score).
      if (rangeBound - cheapest + EPS < st.floor || rangeBound + EPS < st.minScore) continue;
      if (levelOf(g.q, c) === g.level) {
        cursor[g.q * C + c] = g.level - 1;
        cursorStamp[g.q * C + c] = i;
      }
      st.rangeStamp[(g.q * LEVELS + g.level - 1) * C + c] = i;
      scoreRange(st, index.mentors, index.meta, index.price, lo, hi, c, g.q, view, rangeBound);
    }
  }
  // Mentors teaching none of the wanted skills: reciprocity, format and the rest alone must still beat the floor.
  for (let x = 0; x < C; x++) {
    const rangeBound = (view.value[x] as number) + st.extras;
    if (rangeBound + EPS < st.floor || rangeBound + EPS < st.minScore) break;
    const c = view.order[x] as number;
    const lo = index.classStart[c] as number;
    const hi = index.classStart[c + 1] as number;
    scoreRange(st, index.classMentors, index.classMeta, index.classPrice, lo, hi, c, -1, view, rangeBound);
  }
  st.bound = st.size < st.keep ? Number.NEGATIVE_INFINITY : st.floor;
  for (let q = 0; q < wanted; q++) st.position[mentee.wantSkills[q] as number] = 0;
  heapSortBestFirst(i, st.topScore, st.topMentor, st.size);
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
  for (let r = 0; r < rows; r++) {
    const i = job.rows[r] as number;
    scanMentee(st, i, menteeAt(job.mentees, i));
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
  const list = options.rows ?? Array.from({ length: to - from }, (_, r) => from + r);
  const rows = list.length;
  const bitsOk = fitsBits(mentors) && fitsBits(mentees);
  if (threads === 1 || !bitsOk || rows < 64 * threads) return generateCandidates(mentees, mentors, index, options);
  const params = scanParams(options);
  const base = { pm: packMentors(mentors, true), index: shareIndex(index), mentees: packMentees(mentees), params };
  const bounds: number[] = [];
  for (let t = 0; t <= threads; t++) bounds.push(Math.round((rows * t) / threads));
  const results = await Promise.all(
    bounds.slice(0, -1).map((lo, t) => runWorker({ ...base, rows: Int32Array.from(list.slice(lo, bounds[t + 1] as number)) })),
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

/** True when pair (wa, ja) ranks below pair (wb, jb): lower score, or the same score and a higher mentor index. */
function worse(i: number, wa: number, ja: number, wb: number, jb: number): boolean {
  return wa < wb || (wa === wb && tieRank(i, ja) > tieRank(i, jb));
}

/**
 * Rank of mentor j among mentee i's equally scored mentors: a bijective mix of j seeded by i. Scores have many ties
 * (discrete components); ranking ties by mentor index would send every similar mentee to the same low-index mentors
 * and create competition that is only an artefact of the numbering. Deterministic, and the same on every thread.
 */
export function tieRank(i: number, j: number): number {
  let x = (j ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function siftDown(i: number, score: Float64Array, mentor: Int32Array, size: number, from: number): void {
  const w = score[from] as number;
  const j = mentor[from] as number;
  let p = from;
  for (;;) {
    let c = 2 * p + 1;
    if (c >= size) break;
    if (c + 1 < size && worse(i, score[c + 1] as number, mentor[c + 1] as number, score[c] as number, mentor[c] as number)) c++;
    if (!worse(i, score[c] as number, mentor[c] as number, w, j)) break;
    score[p] = score[c] as number;
    mentor[p] = mentor[c] as number;
    p = c;
  }
  score[p] = w;
  mentor[p] = j;
}

function heapPush(i: number, score: Float64Array, mentor: Int32Array, size: number, w: number, j: number): void {
  let p = size;
  while (p > 0) {
    const parent = (p - 1) >> 1;
    if (!worse(i, w, j, score[parent] as number, mentor[parent] as number)) break;
    score[p] = score[parent] as number;
    mentor[p] = mentor[parent] as number;
    p = parent;
  }
  score[p] = w;
  mentor[p] = j;
}

function heapReplaceRoot(i: number, score: Float64Array, mentor: Int32Array, size: number, w: number, j: number): void {
  score[0] = w;
  mentor[0] = j;
  siftDown(i, score, mentor, size, 0);
}

/** Turns the heap into a list sorted best first (score descending, then `tieRank` ascending). */
function heapSortBestFirst(i: number, score: Float64Array, mentor: Int32Array, size: number): void {
  for (let end = size - 1; end > 0; end--) {
    const w = score[end] as number;
    const j = mentor[end] as number;
    score[end] = score[0] as number;
    mentor[end] = mentor[0] as number;
    score[0] = w;
    mentor[0] = j;
    siftDown(i, score, mentor, end, 0);
  }
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
