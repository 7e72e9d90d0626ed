import { Badge, type BadgeProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PairState } from "../../../../contracts/pairs.ts";
import type { EnrolmentStatus, ProgrammePhase } from "../../../../contracts/programmes.ts";
import dayjs from "../../lib/dayjs.ts";

/** Badges in narrow table columns otherwise shrink to "APPARIEME…": they keep their whole label. */
export const WHOLE_BADGE = { minWidth: "max-content" } as const;

const PHASE_COLORS: Record<ProgrammePhase, string> = {
  draft: "gray",
  enrolment: "blue",
  matching: "violet",
  running: "teal",
  closed: "dark",
};

export function PhaseBadge({ phase, ...props }: { phase: ProgrammePhase } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={PHASE_COLORS[phase]} variant="light" style={WHOLE_BADGE} {...props}>
      {t(`programmes.phases.${phase}`)}
    </Badge>
  );
}

const STATUS_COLORS: Record<EnrolmentStatus, string> = { invited: "yellow", joined: "green", declined: "gray" };

/** An enrolment's answer; "invited" reads "has not answered" for managers. */
export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={WHOLE_BADGE}>
      {t(`programmes.enrolmentStatus.${status}`)}
    </Badge>
  );
}

const PAIR_STATE_COLORS: Record<PairState, string> = {
  intro: "blue",
  active: "teal",
  completed: "green",
  ended_early: "gray",
  not_a_fit: "orange",
};

export function PairStateBadge({ state }: { state: PairState }) {
  const { t } = useTranslation();
  return (
    <Badge color={PAIR_STATE_COLORS[state]} variant="light" style={WHOLE_BADGE}>
      {t(`programmes.pairStates.${state}`)}
    </Badge>
  );
}

/** Today in the browser's time zone, as an ISO date. */
export function todayIsoDate(): string {
  return dayjs().format("YYYY-MM-DD");
}

/**
 * A programme's end date from its start and a template's duration: the same day, months later, or the
 * last day of a shorter month (31 August + 6 months = 28 February, 29 in a leap year).
 */
export function addMonths(isoDate: string, months: number): string {
  return dayjs(isoDate).add(months, "month").format("YYYY-MM-DD");
}

/** A score or ratio in [0, 1] as a whole percentage ("72 %" / "72%"). */
export function usePercent() {
  const { t } = useTranslation();
  return (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : t("programmes.percent", { value: Math.round(value * 100) });
}
