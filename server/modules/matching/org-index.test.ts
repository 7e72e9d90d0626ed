import { describe, expect, it } from "vitest";
import { seededRandom } from "../../platform/random/seeded-random.ts";
import type { Cohort, MatchingProfile } from "./matching.domain.ts";
import { buildOrgIndex, indexedHardConstraints } from "./org-index.ts";
import { buildDictionaries, compileProfile, hardConstraints } from "./score.ts";

/** A random cohort with a random org forest (sometimes a cycle), shared teams, odd ids and forbids. */
function randomCohort(seed: number): Cohort {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const employees = 2 + Math.floor(rand() * 25);
  const orgChart: Record<string, string> = {};
  for (let e = 1; e < employees; e++) if (rand() < 0.85) orgChart[`E${e}`] = `E${Math.floor(rand() * e)}`;
  if (rand() < 0.15) orgChart.E0 = `E${Math.floor(rand() * employees)}`; // a cycle through the root (or a self-link)
  const person = (id: string): MatchingProfile => {
    const e = rand() < 0.9 ? `E${Math.floor(rand() * (employees + 3))}` : rand() < 0.5 ? "" : undefined;
    return {
      id,
      employeeId: e,
      managerEmployeeId: rand() < 0.2 ? `E${Math.floor(rand() * employees)}` : undefined,
      team: rand() < 0.8 ? pick(["a", "b", "c", ""]) : undefined,
      languages: rand() < 0.1 ? [] : [pick(["fr", "en", "de"]), ...(rand() < 0.4 ? [pick(["fr", "en"])] : [])],
      teaches: [],
      wantsToLearn: [],
      offers: [],
      interests: [],
      availability: [],
      format: "online",
    };
  };
  const ids = ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"];
  const mentors = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => person(pick(ids)));
  const mentees = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => person(pick(ids)));
  const forbid = Array.from({ length: Math.floor(rand() * 3) }, () => ({ mentor: pick(ids), mentee: pick(ids) }));
  const depths = [undefined, 1, 2, 2.5, 0];
  return {
    mentors,
    mentees,
    orgChart,
    settings: { forbid, forbidSameTeam: rand() < 0.5, managementChainDepth: pick(depths) },
  };
}

describe("indexedHardConstraints", () => {
  it("gives the same reason as hardConstraints on every pair of 2,000 random cohorts", () => {
    let chains = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const cohort = randomCohort(seed);
      const dict = buildDictionaries([...cohort.mentors, ...cohort.mentees]);
      const cm = cohort.mentors.map((p) => compileProfile(p, dict));
      const ce = cohort.mentees.map((p) => compileProfile(p, dict));
      const slow = hardConstraints(cohort);
      const fast = indexedHardConstraints(cohort, cm, ce);
      for (let i = 0; i < ce.length; i++)
        for (let j = 0; j < cm.length; j++) {
          const expected = slow(cohort.mentors[j] as MatchingProfile, cohort.mentees[i] as MatchingProfile, cm[j] as never, ce[i] as never);
          if (expected === "management_chain") chains++;
          expect(fast(i, j), `seed ${seed}, mentee ${i}, mentor ${j}`).toBe(expected);
        }
    }
    expect(chains).toBeGreaterThan(100); // the chain rule was really exercised
  });

  it("answers ancestor questions with Euler-tour intervals and depths", () => {
    const org = buildOrgIndex([], { B: "A", C: "B", D: "A" });
    const [a, b, c, d] = ["A", "B", "C", "D"].map((e) => org.node.get(e) as number) as [number, number, number, number];
    const above = (x: number, y: number) =>
      (org.enter[x] as number) < (org.enter[y] as number) && (org.exit[y] as number) <= (org.exit[x] as number);
    expect(org.acyclic).toBe(true);
    expect([above(a, c), above(b, c), above(d, c), above(c, a)]).toEqual([true, true, false, false]);
    expect([org.depth[a], org.depth[c], org.depth[d]]).toEqual([0, 2, 1]);
    expect(buildOrgIndex([], { A: "B", B: "A" }).acyclic).toBe(false);
  });
});
