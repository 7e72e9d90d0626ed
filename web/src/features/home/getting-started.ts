/**
 * What a new organisation does first, in this order: import the HR directory (people to invite and
 * enrol), invite a programme manager (who runs the programmes), create a first programme. Decided from
 * what exists, so the home page never shows a step that is already done as still to do, nor in another order.
 */

export const GETTING_STARTED_STEPS = ["importDirectory", "inviteManager", "createProgramme"] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

export interface GettingStartedFacts {
  /** People in the directory. */
  people: number;
  /** Programme manager accounts, active or invited; null when the reader may not see the accounts (a manager). */
  managers: number | null;
  programmes: number;
}

/** The steps in order with whether each is done; none once all are done (nothing left to start). */
export function gettingStartedSteps(facts: GettingStartedFacts): { key: GettingStartedStep; isDone: boolean }[] {
  const done: Record<GettingStartedStep, boolean | null> = {
    importDirectory: facts.people > 0,
    inviteManager: facts.managers === null ? null : facts.managers > 0,
    createProgramme: facts.programmes > 0,
  };
  const steps = GETTING_STARTED_STEPS.flatMap((key) => {
    const isDone = done[key];
    return isDone === null ? [] : [{ key, isDone }];
  });
  return steps.every((step) => step.isDone) ? [] : steps;
}
