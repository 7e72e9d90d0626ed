import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CohortValidationError, formatPath, parseCohort } from "./cohort-schema.ts";

const example = () => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../docs/examples/cohort.json"), "utf8"));

function problemsOf(value: unknown): readonly string[] {
  try {
    parseCohort(value);
  } catch (err) {
    expect(err).toBeInstanceOf(CohortValidationError);
    return (err as CohortValidationError).problems;
  }
  throw new Error("expected the cohort to be rejected");
}

describe("parseCohort (passerelle match input)", () => {
  it("accepts the documented example unchanged, and ignores extra profile fields", () => {
    const cohort = example();
    expect(parseCohort(cohort)).toEqual(cohort);
    cohort.mentors[0].displayName = "Léa";
    expect(parseCohort(cohort).mentors[0]).not.toHaveProperty("displayName");
  });

  it("names the path of every bad field", () => {
    const cohort = example();
    cohort.mentees[3].wantsToLearn[0].priority = 5;
    cohort.mentees[1].format = "video";
    cohort.mentors[0].availability[0] = "tuesday";
    cohort.mentors[2].capacity = 1.5;
    cohort.mentors[1].teaches[0].level = "4";
    delete cohort.mentees[0].languages;
    cohort.settings.minscore = 0.3;
    expect(problemsOf(cohort)).toEqual([
      "settings.minscore: unknown field (check its spelling in docs/matching.md)",
      'mentors[0].availability[0]: expected a slot such as "tue-am" (day-part), got "tuesday"',
      'mentors[1].teaches[0].level: expected an integer from 0 to 4, got "4"',
      "mentors[2].capacity: expected a positive integer, got 1.5",
      "mentees[0].languages: missing (expected array)",
      'mentees[1].format: expected "in_person", "online" or "both", got "video"',
      "mentees[3].wantsToLearn[0].priority: expected an integer from 1 to 3, got 5",
    ]);
  });

  it("checks ids: duplicates and forbid/lock references", () => {
    const cohort = example();
    cohort.mentees[2].id = cohort.mentees[0].id;
    cohort.settings.lock = [{ mentor: "m-nobody", mentee: "s-claire" }];
    expect(problemsOf(cohort)).toEqual([
      'mentees[2].id: duplicate id "s-bernard" (also mentees[0])',
      'settings.lock[0].mentor: no mentor has id "m-nobody"',
    ]);
  });

  it("rejects a value that is not a cohort at all", () => {
    expect(problemsOf(null)).toEqual(["(root): Invalid input: expected object, received null"]);
    expect(problemsOf({ mentors: {}, mentees: [] })).toEqual(["mentors: expected an array of profiles"]);
    expect(() => parseCohort([])).toThrow(/^invalid cohort \(1 problem\):\n {2}\(root\): /);
  });

  it("formats paths like JavaScript accessors", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["mentees", 3, "wantsToLearn", 0, "priority"])).toBe("mentees[3].wantsToLearn[0].priority");
    expect(formatPath(["skillLabels", "data-viz", "fr"])).toBe('skillLabels["data-viz"].fr');
  });
});
