import { describe, expect, it } from "vitest";
import { generateCompany } from "../../../bench/matching-generators.ts";
import { buildTeachingIndex, generateCandidates } from "./candidates.ts";
import { solveDense } from "./dense-solver.ts";
import { solveLarge } from "./large-matching.ts";
import { cohortProblem } from "./match-cohort.ts";
import type { Cohort } from "./matching.domain.ts";
import { indexedHardConstraints } from "./org-index.ts";
import { buildDictionaries, compileProfile, hardConstraints, resolveWeights, scorePair } from "./score.ts";

/** The large-cohort path on a small company, checked against the dense solver on every pair. */
function compare(seed: number, capacity: number, minScore: number, k: number): void {
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
  const graph = generateCandidates(ce, cm, buildTeachingIndex(cm, dict.skillIds.length), {
    weights,
    k,
    scanLimit: 4 * k,
    minScore,
    isForbidden,
  });
  // The integer-indexed hard constraints (org tree as Euler-tour intervals) build the very same graph.
  const indexed = indexedHardConstraints({ ...cohort, mentors, mentees }, cm, ce);
  const same = generateCandidates(ce, cm, buildTeachingIndex(cm, dict.skillIds.length), {
    weights,
    k,
    scanLimit: 4 * k,
    minScore,
    isForbidden: (i, j) => indexed(i, j) !== null,
  });
  expect(same).toEqual(graph);
  const result = solveLarge(graph, {
    capacities: new Int32Array(mentors.length).fill(capacity),
    minScore,
    pairScore: (i, j) => scorePair(at(cm, j), at(ce, i), weights),
    isForbidden,
    maxRounds: 50,
  });
  expect(result.certificate).toMatchObject({ ok: true, candidateGraphOk: true, rowsNotCovered: 0 });
  // The candidate scan's packed scorer gives exactly the score of scorePair.
  for (let i = 0; i < graph.rows; i++) {
    for (let e = graph.rowStart[i] as number; e < (graph.rowStart[i + 1] as number); e++) {
      expect(graph.score[e]).toBe(scorePair(at(cm, graph.col[e] as number), at(ce, i), weights));
    }
  }
  expect(result.assignment.total).toBeCloseTo(dense.total, 9);
}

describe("large-cohort path (candidates + min-cost flow + widening)", () => {
  it("finds the same total as the dense solver on every pair, with few candidates, capacities and minimum scores", () => {
    compare(1, 1, 0, 5);
    compare(2, 1, 0.45, 5);
    compare(3, 2, 0.3, 8);
    compare(4, 3, 0, 3);
  });
});

describe("large-cohort proof budget", () => {
  it("reports an incomplete proof rather than scanning beyond maxWidenedRows", () => {
    const company = generateCompany({ mentees: 120, mentors: 80, seed: 9 });
    const dict = buildDictionaries([...company.mentors, ...company.mentees]);
    const cm = company.mentors.map((p) => compileProfile(p, dict));
    const ce = company.mentees.map((p) => compileProfile(p, dict));
    const weights = resolveWeights();
    const graph = generateCandidates(ce, cm, buildTeachingIndex(cm, dict.skillIds.length), { weights, k: 2, scanLimit: 2 });
    const result = solveLarge(graph, {
      capacities: new Int32Array(80).fill(1),
      pairScore: (i, j) => scorePair(cm[j] as (typeof cm)[number], ce[i] as (typeof ce)[number], weights),
      maxWidenedRows: 0,
    });
    expect(result.certificate.candidateGraphOk).toBe(true);
    expect(result.certificate.ok).toBe(false);
    expect(result.certificate.rowsNotCovered).toBeGreaterThan(0);
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
