import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { GoalStatus } from "../../../../contracts/goals.ts";

const STATUS_COLORS: Record<GoalStatus, string> = {
  not_started: "gray",
  in_progress: "blue",
  achieved: "green",
  dropped: "dark",
};

/** A goal's status: not started, in progress, achieved, dropped. */
export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === "dropped" ? "outline" : "light"}>
      {t(`goals.status.${status}`)}
    </Badge>
  );
}
