import { Alert, Button, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Goal, GoalAgreement } from "../../../../contracts/goals.ts";
import type { Pair } from "../../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { GoalCard } from "./goal-card.tsx";
import { GoalFormModal } from "./goal-form-modal.tsx";
import { DIRECTIONS, useDirectionTitle } from "./goal-people.ts";
import { GoalProgressModal } from "./goal-progress-modal.tsx";
import { usePairGoals } from "./queries.ts";

/** What the page's dialogs are open for: a new goal in a direction, editing one, or recording progress on one. */
type Dialog = { kind: "create"; learnerRole: ParticipantRole } | { kind: "edit"; goal: Goal } | { kind: "progress"; goal: Goal } | null;

/**
 * The pair's goals, both ways: what the senior learns (digital) and what the junior learns (leadership,
 * visibility, the business), each goal with its target, due date, skills, status, progress and evidence;
 * the partner agrees to a goal and signs it off once achieved. Before session 3 the app asks both to agree.
 */
export function GoalsSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const goals = usePairGoals(pair.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const isOpen = pair.state === "intro" || pair.state === "active";

  return (
    <SectionCard title={t("goals.title")} description={t("goals.description")}>
      <Stack>
        <ErrorAlert error={goals.error} />
        {goals.isPending && <PageLoader />}
        {goals.data && (
          <>
            {goals.data.agreement.needed && <AgreementBanner pair={pair} agreement={goals.data.agreement} />}
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {DIRECTIONS.map((learnerRole) => (
                <Direction
                  key={learnerRole}
                  pair={pair}
                  learnerRole={learnerRole}
                  goals={goals.data.items.filter((goal) => goal.learnerRole === learnerRole)}
                  onAdd={isOpen ? () => setDialog({ kind: "create", learnerRole }) : undefined}
                  onEdit={(goal) => setDialog({ kind: "edit", goal })}
                  onProgress={(goal) => setDialog({ kind: "progress", goal })}
                />
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
      <GoalFormModal
        pair={pair}
        learnerRole={dialog?.kind === "create" ? dialog.learnerRole : dialog?.kind === "edit" ? dialog.goal.learnerRole : null}
        goal={dialog?.kind === "edit" ? dialog.goal : null}
        opened={dialog?.kind === "create" || dialog?.kind === "edit"}
        onClose={() => setDialog(null)}
      />
      <GoalProgressModal pair={pair} goal={dialog?.kind === "progress" ? dialog.goal : null} onClose={() => setDialog(null)} />
    </SectionCard>
  );
}

function Direction({
  pair,
  learnerRole,
  goals,
  onAdd,
  onEdit,
  onProgress,
}: {
  pair: Pair;
  learnerRole: ParticipantRole;
  goals: Goal[];
  onAdd?: () => void;
  onEdit: (goal: Goal) => void;
  onProgress: (goal: Goal) => void;
}) {
  const { t } = useTranslation();
  const title = useDirectionTitle(pair)(learnerRole);
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`goals.direction.hint.${learnerRole}`)}
          </Text>
        </div>
        {onAdd && (
          <Button variant="light" size="sm" onClick={onAdd} aria-label={t("goals.addFor", { direction: title })}>
            {t("goals.add")}
          </Button>
        )}
      </Group>
      {goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("goals.empty")}
        </Text>
      ) : (
        goals.map((goal) => (
          <GoalCard key={goal.id} pair={pair} goal={goal} onEdit={() => onEdit(goal)} onProgress={() => onProgress(goal)} />
        ))
      )}
    </Stack>
  );
}

/** Two sessions held and a direction still without an agreed goal: the app asks before the third. */
function AgreementBanner({ pair, agreement }: { pair: Pair; agreement: GoalAgreement }) {
  const { t } = useTranslation();
  const titleOf = useDirectionTitle(pair);
  return (
    <Alert color="yellow" title={t("goals.agreement.title")}>
      <Stack gap={4}>
        <Text size="sm">{t("goals.agreement.text", { count: agreement.sessionsHeld })}</Text>
        <List size="sm">
          {agreement.missing.map((role) => (
            <List.Item key={role}>{t("goals.agreement.missing", { direction: titleOf(role) })}</List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}
