import { useTranslation } from "react-i18next";
import type { Pair } from "../../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import { personName } from "../../lib/person-name.ts";

/** The directions of a pair's goals as the page shows them: what the senior learns, then what the junior learns. */
export const DIRECTIONS: readonly ParticipantRole[] = ["mentee", "mentor"];

/** How a sentence names a person of the pair: their first name, or their whole name when it is missing. */
export function firstNameOf(pair: Pair, role: ParticipantRole): string {
  const person = role === "mentor" ? pair.mentor : pair.mentee;
  return person.firstName || personName(person);
}

/** The other role of the pair. */
export const otherRole = (role: ParticipantRole): ParticipantRole => (role === "mentor" ? "mentee" : "mentor");

/** The skills family each direction works on: the senior learns digital skills, the junior those given back. */
export const familyOf = (learnerRole: ParticipantRole) => (learnerRole === "mentee" ? "digital" : "reverse");

/** How a direction is titled: "Ce que vous apprenez" for my own goals, "Ce que Gérard apprend" for my partner's. */
export function useDirectionTitle(pair: Pair) {
  const { t } = useTranslation();
  return (learnerRole: ParticipantRole) =>
    learnerRole === pair.myRole ? t("goals.direction.mine") : t("goals.direction.partner", partnerContext(firstNameOf(pair, learnerRole)));
}

/** French elides "que" before a vowel: "Ce qu’Inès apprend" (the "elided" context; English has none). */
function partnerContext(name: string) {
  return { name, ...(/^[aeiouyàâäéèêëîïôöùûü]/i.test(name) ? { context: "elided" } : {}) };
}
