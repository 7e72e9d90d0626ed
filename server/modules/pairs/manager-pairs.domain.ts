/**
 * The rules of the managers' pair view, without a database: what of a pair's workspace they may see
 * (counts and dates, never a text), and when a manager may pair two people by hand (a rematch).
 */
import type { PairActivity, RematchOptions } from "../../../contracts/pairs.ts";
import type { ProgrammePhase } from "../../../contracts/programmes.ts";
import { AppError } from "../../platform/errors/app-error.ts";

/** The counts and dates of a pair's workspace, as the repository reads them. */
export type ActivityRow = {
  scheduled: number;
  held: number;
  missed: number;
  cancelled: number;
  lastHeldAt: Date | null;
  nextAt: Date | null;
  notStarted: number;
  inProgress: number;
  achieved: number;
  dropped: number;
  signedOff: number;
  notesWritten: number;
  actionItemsOpen: number;
  actionItemsDone: number;
  resources: number;
};

/** A pair's workspace as the managers see it: how many sessions, goals, notes, action items and resources, and when. */
export function presentActivity(row: ActivityRow): PairActivity {
  return {
    sessions: {
      scheduled: row.scheduled,
      held: row.held,
      missed: row.missed,
      cancelled: row.cancelled,
      lastHeldAt: row.lastHeldAt?.toISOString() ?? null,
      nextAt: row.nextAt?.toISOString() ?? null,
    },
    goals: {
      byStatus: { not_started: row.notStarted, in_progress: row.inProgress, achieved: row.achieved, dropped: row.dropped },
      signedOff: row.signedOff,
    },
    notes: {
      notesWritten: row.notesWritten,
      actionItemsOpen: row.actionItemsOpen,
      actionItemsDone: row.actionItemsDone,
      resources: row.resources,
    },
  };
}

/** Pairs are formed (by the engine or by hand) while matching is open: in the "matching" and "running" phases. */
export const isPairingOpen = (phase: ProgrammePhase) => phase === "matching" || phase === "running";

/** What a manager's new pair needs to know: the programme's phase, whether the mentee is free, the mentor's places. */
export type NewPairFacts = {
  phase: ProgrammePhase;
  menteeHasOpenPair: boolean;
  mentorOpenPairs: number;
  mentorCapacity: number;
};

/**
 * Why a person may not take a new pair now, or null: matching closed, a mentee already in an open pair,
 * a mentor without a place left. The enrolment's own rules (joined, not set aside, the pair neither
 * forbidden nor tried already, the engine's hard constraints) are the programme's `checkPair`.
 */
export function newPairBlock(facts: NewPairFacts): RematchOptions["blockedBy"] {
  if (!isPairingOpen(facts.phase)) return "matching_not_open";
  if (facts.menteeHasOpenPair) return "has_open_pair";
  if (facts.mentorOpenPairs >= facts.mentorCapacity) return "mentor_full";
  return null;
}

/** A manager's new pair: refused as a 409 that says why, before anything is written. */
export function checkNewPair(facts: NewPairFacts): void {
  const block = newPairBlock(facts);
  if (block === "matching_not_open") throw new AppError("MATCHING_NOT_OPEN");
  if (block === "has_open_pair") throw new AppError("HAS_OPEN_PAIR");
  if (block === "mentor_full") throw new AppError("MENTOR_FULL");
}
