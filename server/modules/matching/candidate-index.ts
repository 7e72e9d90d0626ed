/**
 * The inverted index of the mentors for candidate generation and pricing: groups by (wanted skill, teaching level,
 * class), a class being the mentors with the same format and the same wishes in return, with each mentor's scanned
 * fields beside its entries. Pure.
 */
import type { CompiledProfile } from "./score.ts";

/** Teaching levels in the index: 1 to 4 (level 0 teaches nothing). */
export const LEVELS = 4;
/** Rounding margin on bounds: a bound and a score of the same pair are summed in different orders. */
export const EPS = 1e-9;

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

/** A copy of a typed array on a SharedArrayBuffer (not copied again when posted to a worker thread). */
export function share<T extends Int32Array | Float64Array | Uint8Array>(a: T): T {
  const copy = new (a.constructor as new (b: ArrayBufferLike) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a as never);
  return copy;
}

/** A copy of the index on SharedArrayBuffers, for worker threads (typed arrays on them are not copied by postMessage). */
export function shareIndex(index: TeachingIndex): TeachingIndex {
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
    ...(index.price && index.classPrice ? { price: share(index.price), classPrice: share(index.classPrice) } : {}),
  };
}

/** The mentors' teaching levels, one row of bytes per mentor (read for the wanted skills of each mentee). */
export interface PackedMentors {
  numSkills: number;
  count: number;
  teach: Uint8Array;
}

/** Fields per mentor beside the index entries (see `TeachingIndex.meta`). */
export const META = 7;

export function maskOf(ids: Int32Array): number {
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
