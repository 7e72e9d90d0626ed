import type { Pair } from "../../../contracts/pairs.ts";
import type { PairEventRow } from "./pairs.repository.ts";

/** A pair's history as its people read it: the note left when ending it is for the managers only. */
export function presentHistory(events: readonly PairEventRow[]): Pair["history"] {
  return events.map((e) => ({
    fromState: e.fromState,
    toState: e.toState,
    cause: e.cause,
    reason: e.reason,
    note: null,
    at: e.at.toISOString(),
  }));
}
