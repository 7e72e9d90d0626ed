import { describe, expect, it } from "vitest";
import type { ProfileBody } from "../../../contracts/profiles.ts";
import { completenessOf } from "./profiles.domain.ts";

/** Everything a profile can hold except the three skill lists, filled in. */
const practical: Omit<ProfileBody, "teach" | "learn" | "offer"> = {
  interests: ["vélo"],
  availability: ["tue:lunch"],
  format: "online",
  languages: ["fr"],
  mentorCapacity: 1,
  hopes: "Apprendre en transmettant.",
};
const teach = [{ skillId: "prompting", level: 4 }];
const learnReverse = [{ skillId: "strategy", priority: 1 }];
const learnDigital = [{ skillId: "dataviz", priority: 1 }];
const offer = ["leadership"];

describe("profile completeness for a mentor (the junior, who teaches digital skills and learns in return)", () => {
  it("is complete with what they teach and what they want to learn, never asking what they offer in return", () => {
    const profile = { ...practical, teach, learn: learnReverse, offer: [] };
    expect(completenessOf(profile, true, ["mentor"])).toEqual({ percent: 100, missing: [] });
  });

  it("is not complete without what they teach, even when the senior's question is answered", () => {
    const profile = { ...practical, teach: [], learn: learnReverse, offer };
    const { percent, missing } = completenessOf(profile, true, ["mentor"]);
    expect(missing).toEqual(["teach"]);
    expect(percent).toBeLessThan(100);
  });
});

describe("profile completeness for a mentee (the senior, who learns digital skills and offers in return)", () => {
  it("is not complete while what they offer in return is empty, whatever else they filled", () => {
    const profile = { ...practical, teach, learn: learnDigital, offer: [] };
    const { percent, missing } = completenessOf(profile, true, ["mentee"]);
    expect(missing).toEqual(["offer"]);
    expect(percent).toBeLessThan(100);
  });

  it("is complete with what they want to learn and offer in return, never asking what they teach", () => {
    const profile = { ...practical, teach: [], learn: learnDigital, offer };
    expect(completenessOf(profile, true, ["mentee"])).toEqual({ percent: 100, missing: [] });
  });
});

describe("profile completeness", () => {
  it("asks a mentor in one programme and a mentee in another for the three lists", () => {
    const profile = { ...practical, teach, learn: learnDigital, offer: [] };
    expect(completenessOf(profile, true, ["mentor", "mentee"]).missing).toEqual(["offer"]);
    expect(completenessOf({ ...profile, offer }, true, ["mentee", "mentor"]).percent).toBe(100);
  });

  it("asks someone in no programme yet for something to learn and something to give, in either direction", () => {
    const profile = { ...practical, teach: [], learn: learnDigital, offer: [] };
    expect(completenessOf(profile, true, []).missing).toEqual(["teachOrOffer"]);
    expect(completenessOf({ ...profile, offer }, true, []).percent).toBe(100);
    expect(completenessOf({ ...profile, teach }, true, []).percent).toBe(100);
  });

  it("counts the practical items and the self-assessment for every role, and nothing when there is no profile", () => {
    const profile: ProfileBody = { ...practical, teach, learn: learnReverse, offer: [], availability: [], format: null, hopes: null };
    expect(completenessOf(profile, false, ["mentor"])).toEqual({
      percent: 43,
      missing: ["availability", "format", "hopes", "selfAssessment"],
    });
    expect(completenessOf(null, false, ["mentee"])).toEqual({
      percent: 0,
      missing: ["learn", "offer", "availability", "format", "languages", "hopes", "selfAssessment"],
    });
  });

  it("never rounds a profile with a missing item up to 100 %", () => {
    const profile = { ...practical, teach, learn: learnDigital, offer, hopes: null };
    expect(completenessOf(profile, true, ["mentor", "mentee"]).percent).toBeLessThan(100);
  });
});
