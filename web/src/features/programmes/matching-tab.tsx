import { ActionIcon, Alert, Badge, Button, Group, Stack, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Programme, RunSummary } from "../../../../contracts/programmes.ts";
import { DataTable, type DataTableColumn, useClientSort } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { errorMessage } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { WHOLE_BADGE } from "./labels.tsx";
import { type Constraint, useConstraints, useRunMatching, useRuns, useSetConstraint } from "./queries.ts";
import { RunReview } from "./run-review.tsx";
import { RunsComparison } from "./runs-comparison.tsx";

/** Cohort matching: run the engine, compare the runs, review one (?run=), constraints, publish. */
export function MatchingTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const url = useUrlState({ run: urlParam.text(), q: urlParam.text() });
  const runs = useRuns(programme.id);
  const constraints = useConstraints(programme.id);
  const runMatching = useRunMatching(programme.id);
  const canRun = programme.phase === "matching" || programme.phase === "running";
  const items = runs.data?.items ?? [];
  const latest = items.reduce<RunSummary | null>((best, run) => (!best || run.number > best.number ? run : best), null);
  const selected = items.find((run) => run.id === url.values.run) ?? latest;
  const constraintList = constraints.data?.items ?? [];
  const locks = constraintList.filter((c) => c.kind === "lock").length;
  const forbids = constraintList.length - locks;
  const select = (runId: string) => url.set({ run: runId, q: "" });

  const run = () =>
    runMatching.mutate(undefined, {
      onSuccess: (summary) => {
        notifications.show({ color: "green", message: t("programmes.matching.ran", { number: summary.number, count: summary.pairs }) });
        select(summary.id);
      },
    });

  return (
    <Stack>
      <SectionCard title={t("programmes.matching.title")} description={t("programmes.matching.intro")}>
        <Stack>
          {!canRun && (
            <Alert color="gray">{t(programme.phase === "closed" ? "programmes.matching.closed" : "programmes.matching.notYet")}</Alert>
          )}
          {constraintList.length > 0 && canRun && (
            <Alert color="indigo" title={t("programmes.matching.keptTitle")}>
              {t("programmes.matching.kept", { locks, forbids })}
            </Alert>
          )}
          <Group>
            {/* Once a run awaits publishing, publishing it is the next step: running again is secondary. */}
            <Button
              onClick={run}
              loading={runMatching.isPending}
              disabled={!canRun}
              variant={latest && !latest.publishedAt ? "light" : "filled"}
            >
              {t("programmes.matching.run")}
            </Button>
            <Text size="sm" c="dimmed">
              {t("programmes.matching.runHelp")}
            </Text>
          </Group>
          <ErrorAlert error={runMatching.error} />
        </Stack>
      </SectionCard>

      <ErrorAlert error={runs.error} />
      {runs.isPending && <PageLoader />}
      {runs.data && items.length > 0 && (
        <SectionCard title={t("programmes.runs.title")} description={t("programmes.runs.intro")}>
          <RunsComparison runs={items} latestId={latest?.id ?? null} selectedId={selected?.id ?? null} onSelect={select} />
        </SectionCard>
      )}
      {runs.data && items.length === 0 && canRun && (
        <Text c="dimmed" ta="center" py="md">
          {t("programmes.runs.empty")}
        </Text>
      )}

      {selected && (
        <RunReview
          key={selected.id}
          programme={programme}
          summary={selected}
          isLatest={selected.id === latest?.id}
          constraints={constraintList}
          onNewRun={(next) => select(next.id)}
        />
      )}

      <ConstraintsList programme={programme} constraints={constraintList} error={constraints.error} />
    </Stack>
  );
}

function ConstraintsList({ programme, constraints, error }: { programme: Programme; constraints: Constraint[]; error: unknown }) {
  const { t } = useTranslation();
  const setConstraint = useSetConstraint(programme.id);
  const canChange = programme.phase !== "closed";
  const sorted = useClientSort(
    constraints,
    {
      mentor: (c) => personName(c.mentor),
      mentee: (c) => personName(c.mentee),
      since: (c) => c.createdAt,
    },
    { key: "since", direction: "desc" },
  );
  const names = (constraint: Constraint) => ({ mentor: personName(constraint.mentor), mentee: personName(constraint.mentee) });
  const remove = (constraint: Constraint) =>
    setConstraint.mutate(
      { mentorId: constraint.mentor.id, menteeId: constraint.mentee.id, kind: null },
      {
        onSuccess: () => notifications.show({ color: "green", message: t("programmes.constraints.removed", names(constraint)) }),
        onError: (failure) => notifications.show({ color: "red", message: errorMessage(failure) }),
      },
    );
  const columns: DataTableColumn<Constraint>[] = [
    { key: "mentor", header: t("programmes.review.columns.mentor"), sortKey: "mentor", cell: (c) => personName(c.mentor) },
    { key: "mentee", header: t("programmes.review.columns.mentee"), sortKey: "mentee", cell: (c) => personName(c.mentee) },
    {
      key: "kind",
      header: t("programmes.constraints.kind"),
      cell: (c) => (
        <Badge style={WHOLE_BADGE} color={c.kind === "lock" ? "indigo" : "red"} variant="light">
          {t(`programmes.constraints.kinds.${c.kind}`)}
        </Badge>
      ),
    },
    {
      key: "since",
      header: t("programmes.constraints.since"),
      sortKey: "since",
      firstDirection: "desc",
      cell: (c) => formatDateTime(c.createdAt),
    },
  ];
  if (canChange)
    columns.push({
      key: "actions",
      header: t("common.actions"),
      cell: (c) => (
        <Tooltip label={t("programmes.constraints.remove")}>
          <ActionIcon variant="subtle" color="red" onClick={() => remove(c)} aria-label={t("programmes.constraints.removeName", names(c))}>
            <span aria-hidden>✕</span>
          </ActionIcon>
        </Tooltip>
      ),
    });
  return (
    <SectionCard title={t("programmes.constraints.title")} description={t("programmes.constraints.intro")}>
      <ErrorAlert error={error} />
      <DataTable
        label={t("programmes.constraints.title")}
        columns={columns}
        rowKey={(c) => `${c.mentor.id}:${c.mentee.id}`}
        {...sorted}
        empty={{ title: t("programmes.constraints.emptyTitle"), description: t("programmes.constraints.empty") }}
      />
    </SectionCard>
  );
}
