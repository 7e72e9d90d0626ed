import { Badge, type BadgeProps } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { OPEN_PAIR_STATES, type Pair, type PairState } from "../../../../contracts/pairs.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { personName } from "../../lib/person-name.ts";

const STATE_COLORS: Record<PairState, string> = {
  intro: "blue",
  active: "green",
  completed: "teal",
  ended_early: "gray",
  not_a_fit: "orange",
};

export function PairStateBadge({ state, ...props }: BadgeProps & { state: PairState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" {...props}>
      {t(`pairs.states.${state}`)}
    </Badge>
  );
}

/** An open pair: at the intro coffee or running (`OPEN_PAIR_STATES`). */
export function isOpenPair(pair: Pick<Pair, "state">): boolean {
  return (OPEN_PAIR_STATES as readonly PairState[]).includes(pair.state);
}

/** The other person of a pair, seen from `pair.myRole`. */
export function partnerOf(pair: Pair) {
  return pair.myRole === "mentor" ? pair.mentee : pair.mentor;
}

/** How a sentence addressed to me names my partner: their first name, or their whole name when it is missing. */
export function partnerFirstName(pair: Pair): string {
  const partner = partnerOf(pair);
  return partner.firstName || personName(partner);
}

/** Whether my own preparation is done (the programme may require it before sessions start). */
export function myOnboarding(pair: Pair) {
  return pair.myRole === "mentor" ? pair.onboarding.mentor : pair.onboarding.mentee;
}

export function partnerOnboarding(pair: Pair) {
  return pair.myRole === "mentor" ? pair.onboarding.mentee : pair.onboarding.mentor;
}

/** One sentence: what the pair is waiting for, or what I should do next. */
export function nextStepHint(pair: Pair, t: TFunction, now = new Date()): string {
  const name = partnerFirstName(pair);
  switch (pair.state) {
    case "intro":
      if (pair.myIntroAnswer) return t("pairs.hints.waitingAnswer", { name });
      if (!pair.intro.at) return t("pairs.hints.scheduleIntro", { name });
      if (new Date(pair.intro.at) > now) return t("pairs.hints.introPlanned", { date: formatDateTime(pair.intro.at) });
      return t("pairs.hints.answer", { name });
    case "active":
      if (!pair.canStartSessions)
        return myOnboarding(pair).isComplete ? t("pairs.hints.partnerOnboarding", { name }) : t("pairs.hints.myOnboarding");
      if (pair.iAgreedToComplete) return t("pairs.hints.waitingCompletion", { name });
      if (pair.partnerAgreedToComplete) return t("pairs.hints.confirmCompletion", { name });
      return t("pairs.hints.running");
    case "not_a_fit":
      return t("pairs.hints.backToPool");
    case "ended_early":
      return t("pairs.hints.endedEarly");
    case "completed":
      return t("pairs.hints.completed");
  }
}
