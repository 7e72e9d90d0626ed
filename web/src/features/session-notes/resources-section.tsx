import type { Pair } from "../../../../contracts/pairs.ts";

/** The pair's resources and open action items (TO BE BUILT: notes helper). */
export function ResourcesSection(_: { pair: Pair }) {
  return null;
}
