import { BarChart } from "@mantine/charts";
import { Group, List, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SelfAssessment } from "../../../../contracts/profiles.ts";
import { DataTable, type DataTableColumn, useClientSort } from "../../components/data-table.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { type CatalogueIndex, localized } from "../skills/index.ts";

function formatAverage(value: number): string {
  return value.toLocaleString(currentLanguage(), { maximumFractionDigits: 1 });
}

type CategoryRow = { id: string; category: string; average: number; count: number };

/** The chart's figures as a table, for screen readers and exact values; sortable by category or average. */
function AveragesTable({ rows }: { rows: CategoryRow[] }) {
  const { t } = useTranslation();
  const sorted = useClientSort(rows, { category: (row) => row.category, average: (row) => row.average });
  const columns: DataTableColumn<CategoryRow>[] = [
    { key: "category", header: t("selfAssessment.results.category"), cell: (row) => row.category, sortKey: "category" },
    {
      key: "average",
      header: t("selfAssessment.results.average"),
      cell: (row) => t("selfAssessment.results.outOf4", { value: formatAverage(row.average) }),
      sortKey: "average",
      firstDirection: "desc",
      align: "right",
    },
  ];
  return <DataTable label={t("selfAssessment.results.title")} columns={columns} rowKey={(row) => row.id} {...sorted} scrollBelow={0} />;
}

/** The latest (or a chosen) snapshot by category as a chart and a table, and the list of snapshots. */
export function Results({ catalogue, assessments }: { catalogue: CatalogueIndex; assessments: SelfAssessment[] }) {
  const { t } = useTranslation();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const shown = assessments.find((assessment) => assessment.id === selectedId) ?? assessments[0];
  if (!shown) return null;
  const data: CategoryRow[] = shown.byCategory.map(({ categoryId, average, count }) => {
    const category = catalogue.categoryById.get(categoryId);
    return { id: categoryId, category: category ? localized(category.label) : categoryId, average, count };
  });

  return (
    <Stack>
      <SectionCard
        title={t("selfAssessment.results.title")}
        description={`${t("selfAssessment.results.of", { date: formatDateTime(shown.takenAt) })} · ${t("selfAssessment.results.note")}`}
      >
        <BarChart
          aria-hidden
          h={Math.max(160, data.length * 48)}
          data={data}
          dataKey="category"
          orientation="vertical"
          series={[{ name: "average", label: t("selfAssessment.results.average"), color: "indigo.6" }]}
          xAxisProps={{ domain: [0, 4], ticks: [0, 1, 2, 3, 4] }}
          yAxisProps={{ width: 150, interval: 0, tick: { fontSize: 12, width: 140 } }}
          valueFormatter={formatAverage}
          gridAxis="x"
          maxBarWidth={28}
          // The chart is hidden from assistive technology (the table below says the same): it must not take the focus.
          barChartProps={{ accessibilityLayer: false }}
        />
        <AveragesTable rows={data} />
      </SectionCard>
      <SectionCard title={t("selfAssessment.history.title")}>
        <List listStyleType="none" spacing={4}>
          {assessments.map((assessment) => (
            <List.Item key={assessment.id}>
              <UnstyledButton
                onClick={() => setSelectedId(assessment.id)}
                aria-pressed={assessment.id === shown.id}
                px="xs"
                py={4}
                style={{ borderRadius: "var(--mantine-radius-sm)" }}
                bg={assessment.id === shown.id ? "indigo.0" : undefined}
              >
                <Group gap="xs">
                  <Text size="sm" fw={assessment.id === shown.id ? 600 : 400}>
                    {formatDateTime(assessment.takenAt)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("selfAssessment.history.answers", { count: assessment.answers.length })}
                  </Text>
                </Group>
              </UnstyledButton>
            </List.Item>
          ))}
        </List>
      </SectionCard>
    </Stack>
  );
}
