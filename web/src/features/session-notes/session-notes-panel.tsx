import type { Pair } from "../../../../contracts/pairs.ts";

/** My notes, journal and the action items of one session (TO BE BUILT: notes helper). */
export function SessionNotesPanel(_: { pair: Pair; sessionId: string }) {
  return null;
}
