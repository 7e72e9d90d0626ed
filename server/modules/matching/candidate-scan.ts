/**
 * The scan of one mentee over the candidate index (a threshold algorithm): its exact top K mentors by score, or by
 * reduced score against mentor prices on a priced index. See `candidates.ts` and docs/matching.md. Pure.
 */
import { EPS, LEVELS, META, maskOf, type PackedMentors, type TeachingIndex } from "./candidate-index.ts";
import type { ScoreWeights } from "./matching.domain.ts";
import { availabilityComponent, type CompiledProfile, interestsComponent, LEVEL_FACTOR, languageComponent } from "./score.ts";

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
  /** Per mentor: stamped with the mentee whose current candidates it is (pricing skips them). */
  exclude: Int32Array;
}

/** Scan parameters that can be sent to a worker (no functions). */
export interface ScanParams {
  weights: ScoreWeights;
  k: number;
  minScore: number;
}

export function scanParams(options: { weights: ScoreWeights; k?: number; minScore?: number }): ScanParams {
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

/** True when pair (wa, ja) ranks below pair (wb, jb) for mentee i: lower score, or the same score and a later `tieRank`. */
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
