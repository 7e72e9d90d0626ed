import { describe, expect, it } from "vitest";
import { matchCohort } from "./match-cohort.ts";
import type { Cohort, MatchingProfile } from "./matching.domain.ts";
import {
  buildDictionaries,
  compileProfile,
  explainPair,
  explainPairForEveryone,
  hardConstraints,
  managementChains,
  type ReasonPerspective,
  reasonsFor,
  resolveWeights,
  scoreComponents,
  scorePair,
} from "./score.ts";

function profile(id: string, over: Partial<MatchingProfile> = {}): MatchingProfile {
  return { id, languages: ["fr"], teaches: [], wantsToLearn: [], offers: [], interests: [], availability: [], format: "online", ...over };
}

const mentor = profile("m1", {
  employeeId: "E2",
  teaches: [
    { skill: "dataviz", level: 4 },
    { skill: "excel", level: 2 },
  ],
  wantsToLearn: [{ skill: "leadership", priority: 1 }],
  interests: ["Photo", "running"],
  availability: ["tue-am", "thu-pm", "fri-am"],
});
const mentee = profile("s1", {
  employeeId: "E9",
  wantsToLearn: [
    { skill: "dataviz", priority: 1 },
    { skill: "excel", priority: 2 },
  ],
  offers: ["leadership"],
  interests: ["photo"],
  availability: ["tue-am", "thu-pm"],
});
const labels = {
  dataviz: { fr: "Power BI", en: "Power BI" },
  excel: { fr: "Excel", en: "Excel" },
  leadership: { fr: "le leadership", en: "leadership" },
};

describe("compatibility score", () => {
  const dict = buildDictionaries([mentor, mentee]);
  const a = compileProfile(mentor, dict);
  const b = compileProfile(mentee, dict);

  it("computes each component in [0, 1] as documented", () => {
    expect(scoreComponents(a, b)).toEqual({
      teaching: (3 * 1 + 2 * 0.5) / 5,
      reciprocity: 1,
      interests: 1,
      availability: 1,
      format: 1,
      language: 1,
    });
    const weights = resolveWeights();
    expect(scorePair(a, b, weights)).toBeCloseTo(0.4 * 0.8 + 0.6, 12);
  });

  it("normalises weights and rejects negative ones", () => {
    expect(resolveWeights({ teaching: 1, reciprocity: 1, interests: 0, availability: 0, format: 0, language: 0 }).teaching).toBe(0.5);
    expect(() => resolveWeights({ teaching: -1 })).toThrow(/weight teaching/);
  });

  const explain = (perspective: ReasonPerspective) =>
    explainPair(mentor, mentee, scoreComponents(a, b), resolveWeights(), labels, 10, perspective);
  const PERSPECTIVES: ReasonPerspective[] = ["mentor", "mentee", "mentee-browsing", "manager"];

  it("explains a pair in French and English, most important reason first, to the mentee browsing mentors", () => {
    const reasons = explain("mentee-browsing");
    expect(reasons[0]).toMatchObject({
      fr: "Ce mentor enseigne Power BI (niveau expert), que vous voulez apprendre (priorité 1).",
      en: "This mentor teaches Power BI (expert level), which you want to learn (priority 1).",
    });
    const texts = reasons.map((r) => r.en);
    expect(texts).toContain("This mentor wants to learn leadership, which you can offer in return.");
    expect(texts).toContain("You and this mentor are both available on Tuesday morning and Thursday afternoon.");
    expect(reasons.map((r) => r.fr)).toContain("Ce mentor et vous préférez les séances en ligne.");
  });

  it("addresses the mentor as « vous » and names the mentee « votre mentoré·e »", () => {
    const reasons = explain("mentor");
    expect(reasons.map((r) => r.fr)).toEqual(
      expect.arrayContaining([
        "Vous enseignez Power BI (niveau expert), que votre mentoré·e veut apprendre (priorité 1).",
        "Vous voulez apprendre le leadership, que votre mentoré·e peut vous apporter en retour.",
        "Votre mentoré·e et vous êtes disponibles le mardi matin et le jeudi après-midi.",
      ]),
    );
    expect(reasons.map((r) => r.en)).toContain("You teach Power BI (expert level), which your mentee wants to learn (priority 1).");
  });

  it("addresses the mentee as « vous » and names the mentor « votre mentor »", () => {
    const reasons = explain("mentee");
    expect(reasons.map((r) => r.fr)).toEqual(
      expect.arrayContaining([
        "Votre mentor enseigne Power BI (niveau expert), que vous voulez apprendre (priorité 1).",
        "Votre mentor veut apprendre le leadership, que vous pouvez lui apporter en retour.",
      ]),
    );
    expect(reasons.map((r) => r.en)).toContain("You and your mentor both speak French.");
  });

  it("writes about both people in the third person for the managers, never « vous »", () => {
    const reasons = explain("manager");
    expect(reasons.map((r) => r.fr)).toContain(
      "Le mentor enseigne Power BI (niveau expert), que la personne mentorée veut apprendre (priorité 1).",
    );
    expect(reasons.map((r) => r.en)).toContain("The mentor wants to learn leadership, which the mentee can offer in return.");
    for (const reason of reasons) {
      expect(reason.fr).not.toMatch(/\b(vous|votre|vos)\b/i);
      expect(reason.en).not.toMatch(/\b(you|your)\b/i);
    }
  });

  it.each(PERSPECTIVES)("writes every reason for the %s as a full sentence: a capital first, a full stop last", (perspective) => {
    const people = [
      [mentor, mentee],
      [
        { ...mentor, format: "both" as const, languages: ["en", "fr"] },
        { ...mentee, format: "in_person" as const, interests: ["photo", "running"], availability: ["tue-am", "thu-pm", "fri-am"] },
      ],
    ] as const;
    for (const [m, s] of people) {
      const dict = buildDictionaries([m, s]);
      const components = scoreComponents(compileProfile(m, dict), compileProfile(s, dict));
      const reasons = explainPair(m, s, components, resolveWeights(), labels, 10, perspective);
      expect(reasons.length).toBeGreaterThanOrEqual(6);
      for (const reason of reasons) {
        expect(reason.fr).toMatch(/^\p{Lu}.*\.$/u);
        expect(reason.en).toMatch(/^\p{Lu}.*\.$/u);
      }
    }
  });

  it("keeps a pair's reasons for each of its readers: the mentor, the mentee and the managers", () => {
    const stored = explainPairForEveryone(mentor, mentee, scoreComponents(a, b), resolveWeights(), labels, 10);
    expect(stored.map(({ fr, en }) => ({ fr, en }))).toEqual(explain("manager").map(({ fr, en }) => ({ fr, en })));
    expect(reasonsFor(stored, "mentor")).toEqual(explain("mentor"));
    expect(reasonsFor(stored, "mentee")).toEqual(explain("mentee"));
    expect(reasonsFor(stored, "manager")).toEqual(explain("manager"));
    // Reasons kept before they were addressed to each reader are shown as they are.
    const old = [{ component: "teaching" as const, contribution: 0.3, fr: "enseigne Excel", en: "teaches Excel" }];
    expect(reasonsFor(old, "mentor")).toEqual(old);
  });
});

describe("hard constraints", () => {
  const cohortOf = (settings: Cohort["settings"], extra: Partial<Cohort> = {}): Cohort => ({
    mentors: [mentor],
    mentees: [mentee],
    settings,
    ...extra,
  });
  const check = (cohort: Cohort, m = mentor, s = mentee) => {
    const dict = buildDictionaries([m, s]);
    return hardConstraints(cohort)(m, s, compileProfile(m, dict), compileProfile(s, dict));
  };

  it("forbids a pair along the management chain, up to the configured depth", () => {
    const orgChart = { E2: "E5", E5: "E9" }; // the mentee manages the mentor's manager
    expect(check(cohortOf({}, { orgChart }))).toBe("management_chain");
    expect(check(cohortOf({ managementChainDepth: 1 }, { orgChart }))).toBeNull();
    expect(managementChains([], { A: "B", B: "A" })("A")).toEqual(new Set(["B"]));
  });

  it("forbids the same person, same team (optional), no common language and explicit forbids", () => {
    expect(check(cohortOf({}), mentor, { ...mentee, id: "x", employeeId: "E2" })).toBe("same_person");
    expect(check(cohortOf({ forbidSameTeam: true }), { ...mentor, team: "t" }, { ...mentee, team: "t" })).toBe("same_team");
    expect(check(cohortOf({}), { ...mentor, team: "t" }, { ...mentee, team: "t" })).toBeNull();
    expect(check(cohortOf({}), mentor, { ...mentee, languages: ["de"] })).toBe("no_common_language");
    expect(check(cohortOf({ forbid: [{ mentor: "m1", mentee: "s1" }] }))).toBe("forbidden");
  });

  it("a lock forces a pair even when it is forbidden", () => {
    const result = matchCohort({
      mentors: [mentor],
      mentees: [{ ...mentee, languages: ["de"] }],
      settings: { lock: [{ mentor: "m1", mentee: "s1" }], minScore: 0.5 },
    });
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]?.locked).toBe(true);
    const reasons = result.pairs[0]?.reasons ?? [];
    expect(reasons[0]?.en).toBe("The programme manager locked this pair.");
    expect(reasonsFor(reasons, "mentee")[0]?.fr).toBe("Le responsable du programme a choisi de former ce binôme.");
  });

  it("does not depend on the input order of people", () => {
    const people = ["a", "b", "c", "d"].map((id, k) =>
      profile(id, { teaches: [{ skill: "seo", level: k }], wantsToLearn: [{ skill: "seo", priority: 1 }] }),
    );
    const forward = matchCohort({ mentors: people.slice(0, 2), mentees: people.slice(2) });
    const backward = matchCohort({ mentors: people.slice(0, 2).reverse(), mentees: people.slice(2).reverse() });
    expect(backward.pairs).toEqual(forward.pairs);
  });

  it("stable mode reports no blocking pair", () => {
    const result = matchCohort({ mentors: [mentor], mentees: [mentee], settings: { mode: "stable" } });
    expect(result.mode).toBe("stable");
    expect(result.report.blockingPairs).toBe(0);
    expect(result.certificate).toBeUndefined();
  });
});
