import { describe, expect, it } from "vitest";
import { gettingStartedSteps } from "./getting-started.ts";

describe("gettingStartedSteps", () => {
  it("starts a new organisation with the directory, then a programme manager, then a programme", () => {
    expect(gettingStartedSteps({ people: 0, managers: 0, programmes: 0 })).toEqual([
      { key: "importDirectory", isDone: false },
      { key: "inviteManager", isDone: false },
      { key: "createProgramme", isDone: false },
    ]);
  });

  it("marks what is done and keeps the order", () => {
    expect(gettingStartedSteps({ people: 240, managers: 0, programmes: 0 })).toEqual([
      { key: "importDirectory", isDone: true },
      { key: "inviteManager", isDone: false },
      { key: "createProgramme", isDone: false },
    ]);
  });

  it("leaves out inviting a manager for a programme manager, who cannot see the accounts", () => {
    expect(gettingStartedSteps({ people: 0, managers: null, programmes: 0 }).map((step) => step.key)).toEqual([
      "importDirectory",
      "createProgramme",
    ]);
  });

  it("is over once every step is done", () => {
    expect(gettingStartedSteps({ people: 240, managers: 2, programmes: 1 })).toEqual([]);
    expect(gettingStartedSteps({ people: 240, managers: null, programmes: 1 })).toEqual([]);
  });
});
