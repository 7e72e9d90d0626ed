import { describe, expect, it } from "vitest";
import { generateCompany } from "../../../bench/matching-generators.ts";
import { seededRandom } from "../../platform/random/seeded-random.ts";
import {
  buildTeachingIndex,
  fitsBits,
  generateCandidates,
  generateCandidatesParallel,
  pricedIndex,
  priceMentees,
  priceMenteesParallel,
} from "./candidates.ts";
import type { Cohort } from "./matching.domain.ts";
import { indexedHardConstraints } from "./org-index.ts";
import { buildDictionaries, compileProfile, resolveWeights } from "./score.ts";

describe("candidate generation on worker threads", () => {
  it("builds exactly the single-threaded graph (workers run TypeScript through tsx)", async () => {
    const company = generateCompany({ mentees: 700, mentors: 500, seed: 31 });
    const cohort: Cohort = { ...company, settings: { minScore: 0.3 } };
    const dict = buildDictionaries([...company.mentors, ...company.mentees]);
    const cm = company.mentors.map((p) => compileProfile(p, dict));
    const ce = company.mentees.map((p) => compileProfile(p, dict));
    const forbidden = indexedHardConstraints(cohort, cm, ce);
    const index = buildTeachingIndex(cm, dict.skillIds.length);
    const options = { weights: resolveWeights(), k: 12, minScore: 0.3, isForbidden: (i: number, j: number) => forbidden(i, j) !== null };
    expect(fitsBits(cm) && fitsBits(ce)).toBe(true); // else the parallel call would run in this thread
    const single = generateCandidates(ce, cm, index, options);
    expect(single.col.length).toBeGreaterThan(0);
    expect(await generateCandidatesParallel(ce, cm, index, { ...options, threads: 2 })).toEqual(single);
    expect(await generateCandidatesParallel(ce, cm, index, { ...options, threads: 3 })).toEqual(single);
    // A sub-range, as generateCandidates({ from, to }).
    const part = generateCandidates(ce, cm, index, { ...options, from: 100, to: 450 });
    expect(await generateCandidatesParallel(ce, cm, index, { ...options, from: 100, to: 450, threads: 2 })).toEqual(part);
  }, 30_000);

  it("prices on worker threads exactly as in this thread", async () => {
    const company = generateCompany({ mentees: 600, mentors: 400, seed: 33 });
    const cohort: Cohort = { ...company, settings: { minScore: 0.4 } };
    const dict = buildDictionaries([...company.mentors, ...company.mentees]);
    const cm = company.mentors.map((p) => compileProfile(p, dict));
    const ce = company.mentees.map((p) => compileProfile(p, dict));
    const forbidden = indexedHardConstraints(cohort, cm, ce);
    const isForbidden = (i: number, j: number) => forbidden(i, j) !== null || (i + j) % 13 === 0;
    const weights = resolveWeights();
    const index = buildTeachingIndex(cm, dict.skillIds.length);
    const graph = generateCandidates(ce, cm, index, { weights, k: 4, minScore: 0.4, isForbidden });
    const rand = seededRandom(5);
    const priced = pricedIndex(
      index,
      Float64Array.from(cm, () => (rand() < 0.4 ? 0 : Math.floor(rand() * 9) / 10)),
    );
    const utility = Float64Array.from(ce, () => Math.floor(rand() * 5) / 10);
    const rows = ce.map((_, i) => i).filter((i) => i % 3 !== 1);
    const options = { weights, minScore: 0.4, isForbidden, rows, utility };
    const single = priceMentees(ce, cm, priced, {
      ...options,
      candidates: (i) => graph.col.subarray(graph.rowStart[i], graph.rowStart[i + 1]),
    });
    expect(single.some((list) => list.length > 0)).toBe(true);
    expect(await priceMenteesParallel(ce, cm, priced, { ...options, graph, threads: 2 })).toEqual(single);
  });
});
