import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canChangePhase, engineSlot, findTransition, introOutcome, PAIR_TRANSITIONS } from "./programmes.domain.ts";

describe("pair transitions", () => {
  it("are the table of docs/pairs.md, row for row", () => {
    const doc = readFileSync(new URL("../../../docs/pairs.md", import.meta.url), "utf8");
    const table = doc.slice(doc.indexOf("<!-- transitions:start -->"), doc.indexOf("<!-- transitions:end -->"));
    const rows = table
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| from") && !line.startsWith("|---"))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(rows).toEqual(PAIR_TRANSITIONS.map((t) => [t.from ?? "(none)", t.to, t.cause, t.by.join(", ")]));
  });

  it("let a person end a pair early but not complete it alone, and nothing leaves a closed state", () => {
    expect(findTransition("active", "ended_early", "ended_early", "mentee")).toBeDefined();
    expect(findTransition("active", "completed", "completed_by_both", "mentee")).toBeUndefined();
    expect(findTransition("intro", "not_a_fit", "intro_not_a_fit", "manager")).toBeUndefined();
    for (const from of ["completed", "ended_early", "not_a_fit"] as const)
      expect(PAIR_TRANSITIONS.filter((t) => t.from === from)).toEqual([]);
  });
});

describe("intro answers", () => {
  it("make the pair active on two yes, not a fit on any no, and wait otherwise", () => {
    expect(introOutcome([])).toBe("waiting");
    expect(introOutcome([{ isFit: true }])).toBe("waiting");
    expect(introOutcome([{ isFit: false }])).toBe("not_a_fit");
    expect(introOutcome([{ isFit: true }, { isFit: false }])).toBe("not_a_fit");
    expect(introOutcome([{ isFit: true }, { isFit: true }])).toBe("active");
  });
});

describe("programme phases", () => {
  it("move one step forward, matching may go back to enrolment, closed is final", () => {
    expect(canChangePhase("draft", "enrolment")).toBe(true);
    expect(canChangePhase("draft", "running")).toBe(false);
    expect(canChangePhase("matching", "enrolment")).toBe(true);
    expect(canChangePhase("closed", "running")).toBe(false);
  });
});

it("turns a profile slot into the engine's", () => {
  expect(engineSlot("tue:lunch")).toBe("tue-lunch");
});
