import type { Pair } from "../../../../contracts/pairs.ts";

/** The pair's goals, both ways (TO BE BUILT: goals helper). */
export function GoalsSection(_: { pair: Pair }) {
  return null;
}
