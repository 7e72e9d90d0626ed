/**
 * Onboarding rules, pure: which modules a participant reads and when their preparation for a
 * programme is complete. Progress is per person and module (a module read once counts in every
 * programme); the charter is accepted per programme.
 */
import type { ParticipantRole } from "../../../contracts/programmes.ts";

/** What the rules need of a catalogue module. */
export type ModuleRef = { id: string; audience: ParticipantRole; order: number };

/** Where a person stands in a programme's onboarding. */
export type OnboardingStatus = {
  modulesDone: number;
  modulesTotal: number;
  charterAccepted: boolean;
  isComplete: boolean;
};

/** The modules of a role, in reading order. */
export function modulesOfRole<M extends ModuleRef>(modules: readonly M[], role: ParticipantRole): M[] {
  return modules.filter((m) => m.audience === role).sort((a, b) => a.order - b.order);
}

/**
 * A person's status: modules of their role's audience read (modules of the other audience, or ids
 * no longer in the catalogue, do not count), the charter, and whether both are done.
 */
export function onboardingStatus(
  modules: readonly ModuleRef[],
  role: ParticipantRole,
  completedModuleIds: ReadonlySet<string>,
  charterAccepted: boolean,
): OnboardingStatus {
  const ofRole = modulesOfRole(modules, role);
  const modulesDone = ofRole.filter((m) => completedModuleIds.has(m.id)).length;
  return {
    modulesDone,
    modulesTotal: ofRole.length,
    charterAccepted,
    isComplete: modulesDone === ofRole.length && charterAccepted,
  };
}

/**
 * Whether a pair may hold sessions: always when the programme does not require onboarding,
 * otherwise only once both the mentor and the mentee have completed theirs.
 */
export function mayStartSessions(
  requiresOnboarding: boolean,
  mentor: Pick<OnboardingStatus, "isComplete"> | undefined,
  mentee: Pick<OnboardingStatus, "isComplete"> | undefined,
): boolean {
  return !requiresOnboarding || (Boolean(mentor?.isComplete) && Boolean(mentee?.isComplete));
}
