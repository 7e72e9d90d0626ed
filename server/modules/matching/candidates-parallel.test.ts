import { describe, expect, it } from "vitest";
import { generateCompany } from "../../../bench/matching-generators.ts";
import { buildTeachingIndex, fitsBits, generateCandidates, generateCandidatesParallel } from "./candidates.ts";
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
});
