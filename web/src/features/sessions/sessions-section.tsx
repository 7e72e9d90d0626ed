import type { Pair } from "../../../../contracts/pairs.ts";

/** The next session and its agenda, scheduling, past sessions (TO BE BUILT: sessions helper). */
export function SessionsSection(_: { pair: Pair }) {
  return null;
}
