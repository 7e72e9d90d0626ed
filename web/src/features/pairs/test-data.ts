/** Pairs for component tests (of this feature and of those that show pairs, such as home). */
import type { Pair } from "../../../../contracts/pairs.ts";

export const INES = { id: "00000000-0000-4000-8000-000000000011", firstName: "Inès", lastName: "Haddad", department: "Data" };
export const BRIGITTE = { id: "00000000-0000-4000-8000-000000000012", firstName: "Brigitte", lastName: "Morel", department: "Direction" };
export const PROGRAMME = {
  id: "00000000-0000-4000-8000-000000000021",
  name: "Pilote 2026",
  requiresOnboarding: false,
  startsOn: "2026-09-07",
  endsOn: "2027-03-05",
};
/** How Brigitte reaches Inès: her work details from the HR directory. */
export const INES_CONTACT = { email: "ines.haddad@exemple.fr", jobTitle: "Data analyst", department: "Data", site: "Lyon" };

const NOT_STARTED = { isComplete: false, modulesDone: 0, modulesTotal: 3 };

/** A pair at the intro coffee, seen by its mentee (Brigitte, whose mentor is Inès); `overrides` change any field. */
export function aPair(overrides: Partial<Pair> = {}): Pair {
  return {
    id: "00000000-0000-4000-8000-0000000000aa",
    programme: PROGRAMME,
    state: "intro",
    origin: "matching",
    myRole: "mentee",
    mentor: INES,
    mentee: BRIGITTE,
    partner: INES_CONTACT,
    fit: "strong",
    reasons: [],
    intro: { at: null, place: null },
    myIntroAnswer: null,
    partnerHasAnswered: false,
    canStartSessions: false,
    onboarding: { mentor: NOT_STARTED, mentee: NOT_STARTED },
    iAgreedToComplete: false,
    partnerAgreedToComplete: false,
    history: [{ fromState: null, toState: "intro", cause: "matching", reason: null, note: null, at: "2026-11-02T09:00:00.000Z" }],
    createdAt: "2026-11-02T09:00:00.000Z",
    ...overrides,
  };
}
