/** The two people of a pair as this feature names them: me, and my partner by first name. */
import type { Pair } from "../../../../contracts/pairs.ts";
import { personName } from "../../lib/person-name.ts";
import { partnerOf } from "../pairs/index.ts";

/** My person id in the pair. */
export function myPersonId(pair: Pair): string {
  return pair.myRole === "mentor" ? pair.mentor.id : pair.mentee.id;
}

/** How a sentence addressed to me names my partner: their first name, or their whole name when it is missing. */
export function partnerName(pair: Pair): string {
  const partner = partnerOf(pair);
  return partner.firstName || personName(partner);
}

/** "Me" or my partner's first name, for an action item's owner. */
export function ownerLabel(pair: Pair, personId: string, me: string): string {
  return personId === myPersonId(pair) ? me : partnerName(pair);
}
