import { Badge, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RunSummary } from "../../../../contracts/programmes.ts";
import { DataTable, type DataTableColumn, useClientSort } from "../../components/data-table.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { usePercent, WHOLE_BADGE } from "./labels.tsx";

/**
 * The programme's runs side by side, newest first, to compare them and pick one to review. The main
 * view speaks in percentages and words; the engine's own figures (its raw total, its computing time)
 * are behind each run's "Details".
 */
export function RunsComparison({
  runs,
  latestId,
  selectedId,
  onSelect,
}: {
  runs: RunSummary[];
  latestId: string | null;
  selectedId: string | null;
  onSelect: (runId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const percent = usePercent();
  const [detailed, setDetailed] = useState<ReadonlySet<string>>(new Set());
  const toggleDetails = (runId: string) =>
    setDetailed((current) => {
      const next = new Set(current);
      if (!next.delete(runId)) next.add(runId);
      return next;
    });
  const number = (value: number, digits: number) => value.toLocaleString(i18n.language, { maximumFractionDigits: digits });
  const sorted = useClientSort(runs, {
    number: (run) => run.number,
    matched: (run) => run.matchedRatio,
    worst: (run) => run.worstScore,
    median: (run) => run.medianScore,
  });

  const columns: DataTableColumn<RunSummary>[] = [
    {
      key: "number",
      header: t("programmes.runs.columns.number"),
      sortKey: "number",
      firstDirection: "desc",
      cell: (run) => (
        <>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t("programmes.runs.name", { number: run.number })}
            </Text>
            {run.id === latestId && (
              <Badge style={WHOLE_BADGE} size="xs" variant="light">
                {t("programmes.runs.latest")}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(run.createdAt)}
          </Text>
        </>
      ),
    },
    {
      key: "matched",
      header: t("programmes.runs.columns.matchedRatio"),
      sortKey: "matched",
      firstDirection: "desc",
      cell: (run) => (
        <>
          <Text size="sm" fw={500}>
            {percent(run.matchedRatio)}
          </Text>
          <Text size="xs" c="dimmed">
            {t("programmes.runs.pairsOf", { count: run.pairs, mentees: run.mentees })}
          </Text>
        </>
      ),
    },
    {
      key: "worst",
      header: t("programmes.runs.columns.worst"),
      sortKey: "worst",
      firstDirection: "desc",
      align: "right",
      cell: (run) => percent(run.worstScore),
    },
    {
      key: "median",
      header: t("programmes.runs.columns.median"),
      sortKey: "median",
      firstDirection: "desc",
      align: "right",
      cell: (run) => percent(run.medianScore),
    },
    {
      key: "adjustments",
      header: t("programmes.runs.columns.adjustments"),
      visibleFrom: "lg",
      cell: (run) => (
        <Text size="sm">
          {run.locks + run.forbids + run.setAside === 0
            ? t("programmes.runs.noAdjustment")
            : [
                run.locks && t("programmes.runs.locks", { count: run.locks }),
                run.forbids && t("programmes.runs.forbids", { count: run.forbids }),
                run.setAside && t("programmes.runs.setAside", { count: run.setAside }),
              ]
                .filter(Boolean)
                .join(" · ")}
        </Text>
      ),
    },
    {
      key: "published",
      header: t("programmes.runs.columns.published"),
      cell: (run) =>
        run.publishedAt ? (
          <Badge style={WHOLE_BADGE} color="teal" variant="light">
            {t("programmes.runs.published")}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t("programmes.runs.notPublished")}
          </Text>
        ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      cell: (run) => {
        const isSelected = run.id === selectedId;
        return (
          <Group gap={4}>
            <Button
              size="compact-sm"
              variant={isSelected ? "filled" : "light"}
              onClick={() => onSelect(run.id)}
              aria-pressed={isSelected}
              aria-label={t(isSelected ? "programmes.runs.reviewingName" : "programmes.runs.reviewName", { number: run.number })}
            >
              {t(isSelected ? "programmes.runs.reviewing" : "programmes.runs.review")}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => toggleDetails(run.id)}
              aria-expanded={detailed.has(run.id)}
              aria-controls={`run-details-${run.id}`}
              aria-label={t("programmes.runs.detailsName", { number: run.number })}
            >
              {t("programmes.runs.details")}
            </Button>
          </Group>
        );
      },
    },
  ];

  return (
    <DataTable
      label={t("programmes.runs.tableLabel")}
      columns={columns}
      rowKey={(run) => run.id}
      {...sorted}
      rowProps={(run) => ({ bg: run.id === selectedId ? "indigo.0" : undefined })}
      rowDetails={(run) =>
        detailed.has(run.id) && (
          <Text id={`run-details-${run.id}`} size="sm" c="dimmed">
            {[
              t("programmes.runs.engine.total", { total: number(run.total, 2) }),
              t("programmes.runs.engine.time", { ms: number(run.ms, 1) }),
              t("programmes.runs.engine.pool", { mentors: run.mentors, mentees: run.mentees }),
              run.publishedAt ? t("programmes.runs.publishedOn", { date: formatDateTime(run.publishedAt) }) : "",
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        )
      }
    />
  );
}
