import { Anchor, Badge, Button, Card, Group, Stack, Text, Timeline } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Goal, GoalUpdate } from "../../../../contracts/goals.ts";
import type { Pair } from "../../../../contracts/pairs.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { skillLabel, useCatalogue } from "../skills/index.ts";
import { firstNameOf, otherRole } from "./goal-people.ts";
import { GoalStatusBadge } from "./goal-status-badge.tsx";
import { useAgreeToGoal, useSignOffGoal } from "./queries.ts";

/**
 * One goal: its statement, target, due date and skills, its status, where the agreement stands, the
 * learner's partner's sign-off, the actions the caller may take (`goal.can`) and its progress, newest first.
 */
export function GoalCard({ pair, goal, onEdit, onProgress }: { pair: Pair; goal: Goal; onEdit: () => void; onProgress: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const agree = useAgreeToGoal(pair.id);
  const signOff = useSignOffGoal(pair.id);
  const partner = firstNameOf(pair, otherRole(pair.myRole));
  const isMine = goal.learnerRole === pair.myRole;

  return (
    <Card withBorder padding="sm" component="article" aria-label={goal.statement}>
      <Stack gap="xs">
        <Group gap="xs">
          <GoalStatusBadge status={goal.status} />
          <AgreementBadge pair={pair} goal={goal} />
        </Group>
        <Text fw={600}>{goal.statement}</Text>
        <Text size="sm">{t("goals.card.target", { target: goal.target })}</Text>
        {goal.dueOn && (
          <Text size="sm" c="dimmed">
            {t("goals.card.due", { date: formatDate(goal.dueOn) })}
          </Text>
        )}
        {goal.skillIds.length > 0 && (
          <Group gap={4} aria-label={t("goals.card.skills")}>
            {goal.skillIds.map((id) => (
              <Badge key={id} variant="outline" color="indigo" size="sm" tt="none">
                {skillLabel(catalogue.data, id)}
              </Badge>
            ))}
          </Group>
        )}
        {goal.signedOffAt ? (
          <Text size="sm" c="teal" fw={500}>
            {isMine
              ? t("goals.card.signedOff", { name: partner, date: formatDate(goal.signedOffAt) })
              : t("goals.card.signedOffByMe", { date: formatDate(goal.signedOffAt) })}
          </Text>
        ) : (
          goal.status === "achieved" &&
          isMine && (
            <Text size="sm" c="dimmed">
              {t("goals.card.waitingSignOff", { name: partner })}
            </Text>
          )
        )}
        <ErrorAlert error={agree.error ?? signOff.error} />
        <Group gap="xs">
          {goal.can.agree && (
            <Button
              size="xs"
              color="green"
              loading={agree.isPending}
              onClick={() =>
                agree.mutate(goal.id, {
                  onSuccess: () => notifications.show({ color: "green", message: t("goals.card.agreed", { name: partner }) }),
                })
              }
            >
              {t("goals.card.agree")}
            </Button>
          )}
          {goal.can.signOff && (
            <Button
              size="xs"
              color="teal"
              loading={signOff.isPending}
              onClick={() =>
                signOff.mutate(goal.id, {
                  onSuccess: () => notifications.show({ color: "green", message: t("goals.card.signedOffToast", { name: partner }) }),
                })
              }
            >
              {t("goals.card.signOff")}
            </Button>
          )}
          {goal.can.update && (
            <Button size="xs" variant="light" onClick={onProgress}>
              {t("goals.card.update")}
            </Button>
          )}
          {goal.can.edit && (
            <Button size="xs" variant="default" onClick={onEdit}>
              {t("goals.card.edit")}
            </Button>
          )}
        </Group>
        {goal.updates.length > 0 && <Updates pair={pair} updates={goal.updates} />}
      </Stack>
    </Card>
  );
}

/** Where the agreement stands: given, mine to give, or my partner's (nothing for a dropped goal). */
function AgreementBadge({ pair, goal }: { pair: Pair; goal: Goal }) {
  const { t } = useTranslation();
  if (goal.status === "dropped") return null;
  if (goal.agreedAt)
    return (
      <Badge color="teal" variant="dot">
        {t("goals.card.agreedBadge")}
      </Badge>
    );
  if (goal.can.agree)
    return (
      <Badge color="yellow" variant="dot">
        {t("goals.card.waitingMyAgreement")}
      </Badge>
    );
  return (
    <Badge color="gray" variant="dot">
      {t("goals.card.waitingPartnerAgreement", { name: firstNameOf(pair, otherRole(pair.myRole)) })}
    </Badge>
  );
}

/** The goal's progress, newest first: who wrote it, the status it set, the words and the evidence. */
function Updates({ pair, updates }: { pair: Pair; updates: GoalUpdate[] }) {
  const { t } = useTranslation();
  const authorOf = (update: GoalUpdate) =>
    update.authorRole === null
      ? t("goals.update.formerMember")
      : update.authorRole === pair.myRole
        ? t("goals.update.you")
        : firstNameOf(pair, update.authorRole);
  return (
    <Stack gap={4} mt="xs">
      <Text size="sm" fw={600}>
        {t("goals.update.history")}
      </Text>
      <Timeline bulletSize={12} lineWidth={2}>
        {updates.map((update) => (
          <Timeline.Item
            key={update.id}
            title={
              <Text size="sm" fw={500}>
                {update.status ? t("goals.update.statusSet", { status: t(`goals.status.${update.status}`) }) : t("goals.update.progress")}
              </Text>
            }
          >
            {update.note && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {update.note}
              </Text>
            )}
            {update.evidenceUrl && (
              <Text size="sm">
                {t("goals.update.evidence")}{" "}
                <Anchor href={update.evidenceUrl} target="_blank" rel="noreferrer noopener">
                  {update.evidenceUrl}
                </Anchor>
              </Text>
            )}
            {update.evidenceText && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {t("goals.update.evidenceText", { text: update.evidenceText })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t("goals.update.byOn", { name: authorOf(update), date: formatDateTime(update.createdAt) })}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
