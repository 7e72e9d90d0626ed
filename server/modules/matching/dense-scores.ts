/**
 * Every pair's score of a cohort at once, `scorePair` for each (mentee, mentor) but on packed arrays: the mentors'
 * teaching levels as one matrix, their wishes in one flat list, interests and availability as bit sets. Reading a
 * dozen small typed arrays per pair cost most of the time of a 2,500 × 2,500 cohort (6 million pairs). Pure; the
 * same numbers as `scorePair`, tested in dense-scores.test.ts.
 */
import type { ScoreWeights } from "./matching.domain.ts";
import { type CompiledProfile, LEVEL_FACTOR } from "./score.ts";

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Bit set of sorted ids, `words` 32-bit words wide, at `out[offset…]`. */
function setBits(ids: Int32Array, out: Uint32Array, offset: number): void {
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as number;
    out[offset + (id >>> 5)] = (out[offset + (id >>> 5)] as number) | (1 << (id & 31));
  }
}

/**
 * Row-major `mentees × mentors` scores (weights from `resolveWeights`); hard constraints are the caller's.
 * `numSkills` and `numTags` are the sizes of the cohort's dictionaries.
 */
export function denseScores(
  mentors: readonly CompiledProfile[],
  mentees: readonly CompiledProfile[],
  weights: ScoreWeights,
  numSkills: number,
  numTags: number,
): Float64Array {
  const cols = mentors.length;
  const rows = mentees.length;
  const tagWords = Math.max(1, Math.ceil(numTags / 32));
  const slotWords = Math.max(1, ...mentors.map((m) => m.availability.length), ...mentees.map((m) => m.availability.length));
  // Mentors, packed: levels (skill-major, so a mentee's wanted skill reads one contiguous row), wishes, bit sets.
  const level = new Float64Array(numSkills * cols);
  const wishStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) wishStart[j + 1] = (wishStart[j] as number) + (mentors[j] as CompiledProfile).wantSkills.length;
  const wishSkill = new Int32Array(wishStart[cols] as number);
  const wishWeight = new Float64Array(wishStart[cols] as number);
  const wishTotal = new Float64Array(cols);
  const tags = new Uint32Array(cols * tagWords);
  const tagCount = new Int32Array(cols);
  const slots = new Uint32Array(cols * slotWords);
  const format = new Int32Array(cols);
  // Languages as a first language and a bit set (languageComponent: 1 same first, 0.5 another shared one, else 0).
  const langWords = Math.max(
    1,
    Math.ceil(
      (1 + Math.max(-1, ...mentors.map((m) => Math.max(-1, ...m.languages)), ...mentees.map((m) => Math.max(-1, ...m.languages)))) / 32,
    ),
  );
  const firstLanguage = new Int32Array(cols).fill(-1);
  const langs = new Uint32Array(cols * langWords);
  for (let j = 0; j < cols; j++) {
    const m = mentors[j] as CompiledProfile;
    for (let s = 0; s < numSkills; s++) {
      const l = m.teach[s] as number;
      if (l > 0) level[s * cols + j] = LEVEL_FACTOR[l - 1] as number;
    }
    wishSkill.set(m.wantSkills, wishStart[j] as number);
    wishWeight.set(m.wantWeights, wishStart[j] as number);
    wishTotal[j] = m.wantTotal;
    setBits(m.interests, tags, j * tagWords);
    tagCount[j] = m.interests.length;
    slots.set(m.availability, j * slotWords);
    format[j] = m.format;
    if (m.languages.length) firstLanguage[j] = m.languages[0] as number;
    setBits(m.languages, langs, j * langWords);
  }
  const w = weights;
  const scores = new Float64Array(rows * cols);
  const menteeTags = new Uint32Array(tagWords);
  const menteeSlots = new Uint32Array(slotWords);
  const teaching = new Float64Array(cols);
  const menteeLangs = new Uint32Array(langWords);
  for (let i = 0; i < rows; i++) {
    const e = mentees[i] as CompiledProfile;
    // Teaching, for every mentor at once: the mentee's few wanted skills, each one contiguous row of levels.
    teaching.fill(0);
    if (e.wantTotal > 0) {
      for (let k = 0; k < e.wantSkills.length; k++) {
        const row = (e.wantSkills[k] as number) * cols;
        const weight = e.wantWeights[k] as number;
        for (let j = 0; j < cols; j++) teaching[j] = (teaching[j] as number) + weight * (level[row + j] as number);
      }
      // Divided at the end, as teachingComponent does: the same floating-point result, bit for bit.
      for (let j = 0; j < cols; j++) teaching[j] = (teaching[j] as number) / e.wantTotal;
    }
    menteeTags.fill(0);
    setBits(e.interests, menteeTags, 0);
    menteeSlots.fill(0);
    menteeSlots.set(e.availability);
    menteeLangs.fill(0);
    setBits(e.languages, menteeLangs, 0);
    const eFirst = e.languages.length ? (e.languages[0] as number) : -2;
    const offers = e.offers;
    const eTags = e.interests.length;
    const out = i * cols;
    for (let j = 0; j < cols; j++) {
      let reciprocity = 0;
      const total = wishTotal[j] as number;
      if (total > 0) {
        for (let k = wishStart[j] as number; k < (wishStart[j + 1] as number); k++)
          if (offers[wishSkill[k] as number]) reciprocity += wishWeight[k] as number;
        reciprocity /= total;
      }
      let interests = 0;
      const smaller = Math.min(tagCount[j] as number, eTags);
      if (smaller > 0) {
        let common = 0;
        for (let k = 0; k < tagWords; k++) common += popcount((tags[j * tagWords + k] as number) & (menteeTags[k] as number));
        interests = common / smaller;
      }
      let common = 0;
      for (let k = 0; k < slotWords; k++) common += popcount((slots[j * slotWords + k] as number) & (menteeSlots[k] as number));
      const availability = Math.min(1, common / 2);
      const f = format[j] as number;
      const formatScore = f === e.format ? 1 : f === 2 || e.format === 2 ? 0.75 : 0;
      let language = 0;
      if (firstLanguage[j] === eFirst) language = 1;
      else if (eFirst >= 0 && (firstLanguage[j] as number) >= 0)
        for (let k = 0; k < langWords; k++) if (((langs[j * langWords + k] as number) & (menteeLangs[k] as number)) !== 0) language = 0.5;
      scores[out + j] =
        w.teaching * (teaching[j] as number) +
        w.reciprocity * reciprocity +
        w.interests * interests +
        w.availability * availability +
        w.format * formatScore +
        w.language * language;
    }
  }
  return scores;
}
