import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { type ModuleRef, mayStartSessions, modulesOfRole, onboardingStatus } from "./onboarding.domain.ts";
import { onboardingModules, readOnboardingFile } from "./onboarding-catalogue.ts";

const modules: ModuleRef[] = [
  { id: "mentor_b", audience: "mentor", order: 2 },
  { id: "mentee_a", audience: "mentee", order: 1 },
  { id: "mentor_a", audience: "mentor", order: 1 },
  { id: "mentor_c", audience: "mentor", order: 3 },
  { id: "mentee_b", audience: "mentee", order: 2 },
];

describe("modulesOfRole", () => {
  it("keeps the role's audience, in reading order", () => {
    expect(modulesOfRole(modules, "mentor").map((m) => m.id)).toEqual(["mentor_a", "mentor_b", "mentor_c"]);
    expect(modulesOfRole(modules, "mentee").map((m) => m.id)).toEqual(["mentee_a", "mentee_b"]);
  });

  it("does not reorder the list it is given", () => {
    modulesOfRole(modules, "mentor");
    expect(modules[0]?.id).toBe("mentor_b");
  });
});

describe("onboardingStatus", () => {
  it("starts with nothing done", () => {
    expect(onboardingStatus(modules, "mentee", new Set(), false)).toEqual({
      modulesDone: 0,
      modulesTotal: 2,
      charterAccepted: false,
      isComplete: false,
    });
  });

  it("counts only the modules of the role's audience that still exist", () => {
    const done = new Set(["mentor_a", "mentee_a", "mentee_b", "retired_module"]);
    expect(onboardingStatus(modules, "mentor", done, true)).toMatchObject({ modulesDone: 1, modulesTotal: 3, isComplete: false });
    expect(onboardingStatus(modules, "mentee", done, true)).toMatchObject({ modulesDone: 2, modulesTotal: 2, isComplete: true });
  });

  it("is complete only with every module read and the charter accepted", () => {
    const all = new Set(["mentor_a", "mentor_b", "mentor_c"]);
    expect(onboardingStatus(modules, "mentor", all, false).isComplete).toBe(false);
    expect(onboardingStatus(modules, "mentor", new Set(["mentor_a", "mentor_b"]), true).isComplete).toBe(false);
    expect(onboardingStatus(modules, "mentor", all, true)).toEqual({
      modulesDone: 3,
      modulesTotal: 3,
      charterAccepted: true,
      isComplete: true,
    });
  });
});

describe("mayStartSessions", () => {
  const complete = { isComplete: true };
  const pending = { isComplete: false };

  it("lets any pair start when the programme does not require onboarding", () => {
    expect(mayStartSessions(false, pending, undefined)).toBe(true);
  });

  it("waits for both people when it does", () => {
    expect(mayStartSessions(true, complete, complete)).toBe(true);
    expect(mayStartSessions(true, complete, pending)).toBe(false);
    expect(mayStartSessions(true, pending, complete)).toBe(false);
    expect(mayStartSessions(true, complete, undefined)).toBe(false);
  });
});

describe("the shipped catalogue", () => {
  it("has seven mentor and five mentee modules, each with 2 or 3 questions", () => {
    expect(modulesOfRole(onboardingModules(), "mentor")).toHaveLength(7);
    expect(modulesOfRole(onboardingModules(), "mentee")).toHaveLength(5);
    for (const m of onboardingModules()) expect(m.questions.length).toBeGreaterThanOrEqual(2);
  });

  it("is read once and then cached", () => {
    expect(onboardingModules()).toBe(onboardingModules());
  });

  it("refuses a malformed file, naming the problem", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onboarding-"));
    const file = path.join(dir, "onboarding.yaml");
    fs.writeFileSync(file, "version: 1\nmodules:\n  - id: Bad Id\n    audience: senior\n");
    try {
      expect(() => readOnboardingFile(pathToFileURL(file))).toThrow(/catalogue\/onboarding\.yaml is invalid: modules\.0\.id/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
