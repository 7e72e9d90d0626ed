/** Programmes, runs and enrolments as the API sends them, for the programmes feature's tests. */
import type { Enrolment, PersonRef, Programme, RunDetail, RunPair, RunSummary } from "../../../../contracts/programmes.ts";

export const PROGRAMME_ID = "00000000-0000-4000-8000-0000000000a1";
export const RUN_ID = "00000000-0000-4000-8000-00000000c001";

export function aProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: PROGRAMME_ID,
    templateId: "reverse_mentoring",
    name: "Pilote mentorat inversé",
    objectives: "",
    startsOn: "2026-03-09",
    endsOn: "2026-09-09",
    cadenceWeeks: 2,
    sessionMinutes: 45,
    format: "both",
    isPilot: true,
    targetPairs: 10,
    charterFr: "Charte",
    charterEn: "Charter",
    matchingSettings: {
      weights: { teaching: 0.4, reciprocity: 0.2, interests: 0.1, availability: 0.15, format: 0.1, language: 0.05 },
      minScore: 0.3,
      defaultCapacity: 1,
      forbidSameTeam: false,
      managementChainDepth: null,
    },
    allowsProposals: true,
    proposalExpiryDays: 14,
    requiresOnboarding: true,
    agendaDeadlineHours: 48,
    phase: "matching",
    createdAt: "2026-02-01T09:00:00.000Z",
    updatedAt: "2026-02-01T09:00:00.000Z",
    enrolled: { mentor: 2, mentee: 2 },
    openPairs: 0,
    myEnrolment: null,
    ...overrides,
  };
}

export function aPersonRef(n: number, firstName: string, lastName = "Test"): PersonRef {
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, firstName, lastName, department: "Ventes" };
}

export const INES = aPersonRef(1, "Inès", "Haddad");
export const YANIS = aPersonRef(2, "Yanis", "Morel");
export const BERNARD = aPersonRef(3, "Bernard", "Petit");
export const SYLVIE = aPersonRef(4, "Sylvie", "Roux");

export function aRunSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id: RUN_ID,
    number: 1,
    createdAt: "2026-03-02T10:00:00.000Z",
    publishedAt: null,
    mentors: 2,
    mentees: 2,
    pairs: 2,
    total: 14.48,
    matchedRatio: 1,
    worstScore: 0.62,
    medianScore: 0.71,
    locks: 0,
    forbids: 0,
    setAside: 0,
    ms: 9.5,
    ...overrides,
  };
}

export function aRunPair(mentor: PersonRef, mentee: PersonRef, score: number, overrides: Partial<RunPair> = {}): RunPair {
  return {
    mentor,
    mentee,
    score,
    isLocked: false,
    reasons: [{ component: "teaching", contribution: 0.4, fr: `${mentor.firstName} enseigne le prompting.`, en: "-" }],
    alternatives: [],
    ...overrides,
  };
}

export function aRunDetail(pairs: RunPair[], overrides: Partial<RunDetail> = {}): RunDetail {
  return {
    summary: aRunSummary(),
    pairs,
    total: pairs.length,
    page: 1,
    pageSize: 25,
    unmatched: [],
    notAnswered: [],
    ...overrides,
  };
}

export function anEnrolment(person: PersonRef, overrides: Partial<Enrolment> = {}): Enrolment {
  return {
    personId: person.id,
    employeeId: `E${person.id.slice(-5)}`,
    firstName: person.firstName,
    lastName: person.lastName,
    department: person.department,
    role: "mentee",
    status: "joined",
    source: "manager",
    isSetAside: false,
    capacity: null,
    profileCompleteness: 80,
    hasAccount: true,
    onboarding: { modulesDone: 1, modulesTotal: 3, charterAccepted: false, isComplete: false },
    pairState: null,
    needsRematch: false,
    createdAt: "2026-02-02T09:00:00.000Z",
    answeredAt: null,
    ...overrides,
  };
}
