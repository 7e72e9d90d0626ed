import { describe, expect, it } from "vitest";
import { generateCompany } from "../../../bench/matching-generators.ts";
import { seededRandom } from "../../platform/random/seeded-random.ts";
import { buildTeachingIndex, generateCandidates, pricedIndex, priceMentees, tieRank } from "./candidates.ts";
import type { ScoreWeights } from "./matching.domain.ts";
import { buildDictionaries, type CompiledProfile, compileProfile, languageComponent, resolveWeights, scorePair } from "./score.ts";

/** Every mentee's candidates are its exact top k over all mentors (score, then `tieRank`), as a full scan finds. */
function checkExactTopK(seed: number, k: number, minScore: number, weights: ScoreWeights, mentors = 300): void {
  const company = generateCompany({ mentees: 120, mentors, seed });
  const dict = buildDictionaries([...company.mentors, ...company.mentees]);
  const cm = company.mentors.map((p) => compileProfile(p, dict));
  const ce = company.mentees.map((p) => compileProfile(p, dict));
  const graph = generateCandidates(ce, cm, buildTeachingIndex(cm, dict.skillIds.length), { weights, k, minScore });
  for (let i = 0; i < ce.length; i++) {
    const mentee = ce[i] as CompiledProfile;
    const all = cm
      .map((m, j) => ({ j, w: scorePair(m, mentee, weights), ok: languageComponent(m, mentee) > 0 }))
      .filter((p) => p.ok && p.w >= minScore)
      .sort((a, b) => b.w - a.w || tieRank(i, a.j) - tieRank(i, b.j));
    const expected = all
      .slice(0, k)
      .map((p) => p.j)
      .sort((a, b) => a - b);
    const got = Array.from(graph.col.subarray(graph.rowStart[i], graph.rowStart[i + 1]));
    expect(got, `mentee ${i}`).toEqual(expected);
    const bound = graph.outsideBound[i] as number;
    const above = all.slice(k).filter((p) => p.w > bound);
    expect(above, `mentee ${i}: mentors left out above the bound`).toEqual([]);
    if (all.length <= k) expect(bound).toBe(Number.NEGATIVE_INFINITY);
  }
}

describe("candidate generation (threshold algorithm over the skills index)", () => {
  it("keeps each mentee's exact top k, with a bound that covers every mentor left out", () => {
    for (let seed = 1; seed <= 6; seed++) checkExactTopK(seed, 5, 0, resolveWeights());
    checkExactTopK(7, 12, 0.5, resolveWeights());
    checkExactTopK(8, 1, 0.3, resolveWeights());
    checkExactTopK(9, 40, 0, resolveWeights(), 60);
  }, 60_000);

  it("stays exact when teaching weighs little and most of the score comes from the other components", () => {
    checkExactTopK(10, 5, 0, resolveWeights({ teaching: 0.05 }));
    checkExactTopK(11, 5, 0.4, resolveWeights({ teaching: 0, reciprocity: 0.5 }));
    checkExactTopK(12, 8, 0, resolveWeights({ teaching: 1, reciprocity: 0, interests: 0, availability: 0, format: 0, language: 0 }));
  }, 60_000);
});

describe("pricing (reduced scores against mentor prices)", () => {
  it("finds exactly the outside pairs with the largest positive reduced profit, by brute force on random prices", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const company = generateCompany({ mentees: 80, mentors: 200, seed: 40 + seed });
      const dict = buildDictionaries([...company.mentors, ...company.mentees]);
      const cm = company.mentors.map((p) => compileProfile(p, dict));
      const ce = company.mentees.map((p) => compileProfile(p, dict));
      const weights = resolveWeights();
      const minScore = seed % 2 === 0 ? 0.45 : 0;
      const index = buildTeachingIndex(cm, dict.skillIds.length);
      const graph = generateCandidates(ce, cm, index, { weights, k: 3, minScore });
      const rand = seededRandom(seed);
      // Coarse prices: many ties, many free mentors.
      const prices = Float64Array.from(cm, () => (rand() < 0.3 ? 0 : Math.floor(rand() * 8) / 10));
      const utility = Float64Array.from(ce, () => Math.floor(rand() * 6) / 10);
      const rows = ce.map((_, i) => i);
      const forbidden = (i: number, j: number) => (i * 7 + j) % 11 === 0;
      const candidates = (i: number) => graph.col.subarray(graph.rowStart[i], graph.rowStart[i + 1]);
      const found = priceMentees(ce, cm, pricedIndex(index, prices), {
        weights,
        minScore,
        rows,
        utility,
        candidates,
        isForbidden: forbidden,
        k: 4,
      });
      for (const i of rows) {
        const mentee = ce[i] as CompiledProfile;
        const inRow = new Set(candidates(i));
        const expected = cm
          .map((m, j) => ({ j, w: scorePair(m, mentee, weights), ok: languageComponent(m, mentee) > 0 }))
          .filter((p) => p.ok && p.w >= minScore && !inRow.has(p.j) && !forbidden(i, p.j))
          .map((p) => ({ j: p.j, r: p.w - (prices[p.j] as number) }))
          .filter((p) => p.r > (utility[i] as number) + 1e-9)
          .sort((a, b) => b.r - a.r || tieRank(i, a.j) - tieRank(i, b.j))
          .slice(0, 4)
          .map((p) => p.j);
        expect(found[i], `seed ${seed}, mentee ${i}`).toEqual(expected);
      }
    }
  }, 60_000);
});
