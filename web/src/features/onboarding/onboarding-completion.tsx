import { Badge, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProgrammeOnboarding } from "../../../../contracts/onboarding.ts";
import { DataTable, type DataTableColumn, type SortValue, useClientSort } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useProgrammeOnboarding } from "./queries.ts";

type Row = ProgrammeOnboarding["items"][number];

/** Where a person stands: done, started (a module read or the charter accepted), or not started. */
function progressOf(row: Row): "isComplete" | "inProgress" | "notStarted" {
  if (row.isComplete) return "isComplete";
  return row.modulesDone > 0 || row.charterAccepted ? "inProgress" : "notStarted";
}

const PROGRESS_COLOR = { isComplete: "teal", inProgress: "yellow", notStarted: "gray" } as const;
/** Sorting by preparation puts those who have not started first: the people to remind. */
const PROGRESS_ORDER = { notStarted: 0, inProgress: 1, isComplete: 2 } as const;

function PreparationBadge({ row }: { row: Row }) {
  const { t } = useTranslation();
  const progress = progressOf(row);
  return (
    <Badge color={PROGRESS_COLOR[progress]} variant="light">
      {t(`onboarding.completion.${progress}`)}
    </Badge>
  );
}

const SORT_ACCESSORS: Record<string, (row: Row) => SortValue> = {
  name: (row) => row.name,
  role: (row) => row.role,
  modules: (row) => (row.modulesTotal ? row.modulesDone / row.modulesTotal : 0),
  status: (row) => PROGRESS_ORDER[progressOf(row)],
};

/**
 * Onboarding completion of a programme's enrolled people, for its managers: modules read, charter
 * accepted, complete or not, and totals. The reflections stay private and never reach this table.
 */
export function OnboardingCompletion({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const completion = useProgrammeOnboarding(programmeId);
  const data = completion.data;
  const sorted = useClientSort(data?.items, SORT_ACCESSORS, { key: "name", direction: "asc" });

  const columns: DataTableColumn<Row>[] = [
    {
      key: "name",
      header: t("onboarding.completion.name"),
      sortKey: "name",
      cell: (row) => (
        <>
          <Text size="sm" fw={500}>
            {row.name}
          </Text>
          {row.status === "invited" && (
            <Text size="xs" c="dimmed">
              {t("onboarding.completion.invited")}
            </Text>
          )}
        </>
      ),
    },
    { key: "role", header: t("onboarding.completion.role"), sortKey: "role", cell: (row) => t(`onboarding.roles.${row.role}`) },
    {
      key: "modules",
      header: t("onboarding.completion.modules"),
      sortKey: "modules",
      cell: (row) => (
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={row.modulesTotal ? (100 * row.modulesDone) / row.modulesTotal : 0}
            w={60}
            size="sm"
            color={row.modulesDone === row.modulesTotal ? "teal" : "indigo"}
            aria-hidden
            visibleFrom="sm"
          />
          <Text size="sm">{t("onboarding.completion.modulesCount", { done: row.modulesDone, total: row.modulesTotal })}</Text>
        </Group>
      ),
    },
    {
      key: "charter",
      header: t("onboarding.completion.charter"),
      visibleFrom: "sm",
      cell: (row) =>
        row.charterAccepted ? (
          <Text size="sm" c="teal">
            <span aria-hidden>✓ </span>
            {t("onboarding.completion.charterAccepted")}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("onboarding.completion.charterPending")}
          </Text>
        ),
    },
    { key: "status", header: t("onboarding.completion.status"), sortKey: "status", cell: (row) => <PreparationBadge row={row} /> },
  ];

  return (
    <SectionCard title={t("onboarding.completion.title")} description={t("onboarding.completion.description")}>
      <ErrorAlert error={completion.error} />
      <Stack>
        {data && (
          <Group justify="space-between" gap="xs">
            <Text fw={500}>{t("onboarding.completion.totals", { count: data.totals.complete, people: data.totals.people })}</Text>
            <Text size="sm" c="dimmed">
              {t(data.requiresOnboarding ? "onboarding.completion.required" : "onboarding.completion.notRequired")}
            </Text>
          </Group>
        )}
        {!completion.error && (
          <DataTable
            label={t("onboarding.completion.title")}
            columns={columns}
            rowKey={(row) => row.personId}
            loading={completion.isFetching}
            empty={{ title: t("onboarding.completion.empty") }}
            {...sorted}
          />
        )}
      </Stack>
    </SectionCard>
  );
}
