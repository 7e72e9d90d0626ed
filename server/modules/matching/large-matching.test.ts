import { describe, expect, it } from "vitest";
import { generateCompany } from "../../../bench/matching-generators.ts";
import { buildTeachingIndex, generateCandidates, pricedIndex, priceMentees, type TeachingIndex } from "./candidates.ts";
import { solveDense } from "./dense-solver.ts";
import { type LargeSolveOptions, solveLarge } from "./large-matching.ts";
import { cohortProblem } from "./match-cohort.ts";
import type { Cohort, ScoreWeights } from "./matching.domain.ts";
import { indexedHardConstraints } from "./org-index.ts";
import { buildDictionaries, type CompiledProfile, compileProfile, hardConstraints, resolveWeights, scorePair } from "./score.ts";

/** solveLarge's options for a compiled cohort: pricing on a priced copy of the index, scores from scorePair. */
function largeOptions(
  ce: readonly CompiledProfile[],
  cm: readonly CompiledProfile[],
  index: TeachingIndex,
  weights: ScoreWeights,
  capacity: number,
  extra: { minScore?: number; isForbidden?: (i: number, j: number) => boolean; maxRounds?: number } = {},
): LargeSolveOptions {
  return {
    capacities: new Int32Array(cm.length).fill(capacity),
    pairScore: (i: number, j: number) => scorePair(cm[j] as CompiledProfile, ce[i] as CompiledProfile, weights),
    ...(extra.maxRounds === undefined ? {} : { maxRounds: extra.maxRounds }),
    price: (rows, prices, problem) =>
      priceMentees(ce, cm, pricedIndex(index, prices.columnPrice), {
        weights,
        minScore: extra.minScore,
        isForbidden: extra.isForbidden,
        rows,
        utility: prices.rowPrice,
        candidates: (i) => problem.col.subarray(problem.rowStart[i], problem.rowStart[i + 1]),
      }),
  };
}

/** The large-cohort path on a small company, checked against the dense solver on every pair. */
async function compare(seed: number, capacity: number, minScore: number, k: number): Promise<void> {
  const company = generateCompany({ mentees: 240, mentors: 160, seed, capacity });
  const cohort: Cohort = { ...company, settings: { minScore } };
  const { problem, mentors, mentees } = cohortProblem(cohort);
  const dense = solveDense(problem);

  const dict = buildDictionaries([...mentors, ...mentees]);
  const cm = mentors.map((p) => compileProfile(p, dict));
  const ce = mentees.map((p) => compileProfile(p, dict));
  const weights = resolveWeights();
  const forbidden = hardConstraints(cohort);
  const at = <T>(list: readonly T[], k: number): T => list[k] as T;
  const isForbidden = (i: number, j: number) => forbidden(at(mentors, j), at(mentees, i), at(cm, j), at(ce, i)) !== null;
  const index = buildTeachingIndex(cm, dict.skillIds.length);
  const graph = generateCandidates(ce, cm, index, { weights, k, minScore, isForbidden });
  // The integer-indexed hard constraints (org tree as Euler-tour intervals) build the very same graph.
  const indexed = indexedHardConstraints({ ...cohort, mentors, mentees }, cm, ce);
  const same = generateCandidates(ce, cm, index, { weights, k, minScore, isForbidden: (i, j) => indexed(i, j) !== null });
  expect(same).toEqual(graph);
  const result = await solveLarge(graph, largeOptions(ce, cm, index, weights, capacity, { minScore, isForbidden }));
  expect(result.certificate).toMatchObject({ ok: true, candidateGraphOk: true, rowsNotCovered: 0 });
  // The candidate scan's packed scorer gives exactly the score of scorePair.
  for (let i = 0; i < graph.rows; i++) {
    for (let e = graph.rowStart[i] as number; e < (graph.rowStart[i + 1] as number); e++) {
      expect(graph.score[e]).toBe(scorePair(at(cm, graph.col[e] as number), at(ce, i), weights));
    }
  }
  expect(result.assignment.total).toBeCloseTo(dense.total, 9);
}

describe("large-cohort path (exact top-K candidates + min-cost flow + pricing)", () => {
  it("finds the same total as the dense solver on every pair, with few candidates, capacities and minimum scores", async () => {
    await compare(1, 1, 0, 5);
    await compare(2, 1, 0.45, 5);
    await compare(3, 2, 0.3, 8);
    await compare(4, 3, 0, 3);
    await compare(5, 1, 0.6, 1);
  });
});

describe("large-cohort proof budget", () => {
  it("reports an incomplete proof when the rounds run out, and the result stays optimal on its graph", async () => {
    const company = generateCompany({ mentees: 120, mentors: 80, seed: 9 });
    const dict = buildDictionaries([...company.mentors, ...company.mentees]);
    const cm = company.mentors.map((p) => compileProfile(p, dict));
    const ce = company.mentees.map((p) => compileProfile(p, dict));
    const weights = resolveWeights();
    const index = buildTeachingIndex(cm, dict.skillIds.length);
    const graph = generateCandidates(ce, cm, index, { weights, k: 1 });
    const once = await solveLarge(graph, largeOptions(ce, cm, index, weights, 1, { maxRounds: 1 }));
    expect(once.certificate.candidateGraphOk).toBe(true);
    expect(once.certificate.ok).toBe(false);
    expect(once.certificate.rowsNotCovered).toBeGreaterThan(0);
    const full = await solveLarge(graph, largeOptions(ce, cm, index, weights, 1));
    expect(full.certificate).toMatchObject({ ok: true, rowsNotCovered: 0 });
    expect(full.addedPairs).toBeGreaterThan(0);
    // Pricing adds only pairs that could improve the result: far fewer than all pairs.
    expect(full.edges).toBeLessThan((120 * 80) / 4);
  });
});

describe("candidate scan scorer", () => {
  it("equals scorePair also when a cohort has more than 32 interest tags (no bitmasks)", () => {
    const company = generateCompany({ mentees: 60, mentors: 40, seed: 11 });
    company.mentors.forEach((p, k) => {
      p.interests = [`tag-${k}`, `tag-${k + 1}`, "photo"];
    });
    const dict = buildDictionaries([...company.mentors, ...company.mentees]);
    expect(dict.tagNames.length).toBeGreaterThan(32);
    const cm = company.mentors.map((p) => compileProfile(p, dict));
    const ce = company.mentees.map((p) => compileProfile(p, dict));
    const weights = resolveWeights();
    const graph = generateCandidates(ce, cm, buildTeachingIndex(cm, dict.skillIds.length), { weights, k: 5 });
    expect(graph.col.length).toBeGreaterThan(0);
    for (let i = 0; i < graph.rows; i++) {
      for (let e = graph.rowStart[i] as number; e < (graph.rowStart[i + 1] as number); e++) {
        expect(graph.score[e]).toBe(scorePair(cm[graph.col[e] as number] as (typeof cm)[number], ce[i] as (typeof ce)[number], weights));
      }
    }
  });
});
