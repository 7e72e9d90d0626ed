import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCompany } from "../../../bench/matching-generators.ts";
import { denseScores } from "./dense-scores.ts";
import { buildDictionaries, compileProfile, resolveWeights, scorePair } from "./score.ts";

describe("denseScores", () => {
  it("gives scorePair's score for every pair, bit for bit, on generated companies and random weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (seed, mentees, mentors, w) => {
          const company = generateCompany({ mentees, mentors, seed });
          const dict = buildDictionaries([...company.mentors, ...company.mentees]);
          const cm = company.mentors.map((p) => compileProfile(p, dict));
          const ce = company.mentees.map((p) => compileProfile(p, dict));
          const weights = resolveWeights({
            teaching: w[0],
            reciprocity: w[1],
            interests: w[2],
            availability: w[3],
            format: w[4],
            language: w[5],
          });
          const scores = denseScores(cm, ce, weights, dict.skillIds.length, dict.tagNames.length);
          for (let i = 0; i < ce.length; i++)
            for (let j = 0; j < cm.length; j++) expect(scores[i * cm.length + j]).toBe(scorePair(cm[j] as never, ce[i] as never, weights));
        },
      ),
      { numRuns: 60 },
    );
  });
});
