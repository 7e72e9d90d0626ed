import { Alert, Badge, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PeopleImport } from "../../../../contracts/people.ts";
import { DataTable, type DataTableColumn, useClientSort } from "../../components/data-table.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { StatCards } from "../../components/stat-cards.tsx";

type Summary = PeopleImport["summary"];

/** The counts of an import: what it will do (preview) or did (applied). */
export function ImportCounts({ summary, done = false }: { summary: Summary; done?: boolean }) {
  const { t } = useTranslation();
  const tense = done ? "done" : "planned";
  const figures = [
    { label: t(`import.counts.${tense}.created`), value: summary.counts.created },
    { label: t(`import.counts.${tense}.updated`), value: summary.counts.updated },
    { label: t(`import.counts.${tense}.unchanged`), value: summary.counts.unchanged },
    ...(summary.isFullSync
      ? [
          {
            label: t(`import.counts.${tense}.deactivated`),
            value: summary.counts.deactivated,
            color: summary.counts.deactivated ? "orange" : undefined,
          },
        ]
      : []),
    ...(done
      ? []
      : [{ label: t("import.counts.rejected"), value: summary.rejectedCount, color: summary.rejectedCount ? "red" : undefined }]),
  ];
  return <StatCards figures={figures} cols={{ base: 2, sm: figures.length }} />;
}

/** Refused rows per page: a file may have up to a thousand listed. */
const REJECTED_PAGE_SIZE = 20;

type Rejection = Summary["rejected"][number];

/** The rows refused, each with its line, column and reason; in file order, or by column to fix one kind at a time. */
function RejectedRows({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const sorted = useClientSort(
    summary.rejected,
    { line: (row) => row.line, column: (row) => row.column },
    { key: "line", direction: "asc" },
  );
  if (summary.rejectedCount === 0) return null;
  const more = summary.rejectedCount - summary.rejected.length;
  const columns: DataTableColumn<Rejection>[] = [
    { key: "line", header: t("import.rejected.line"), cell: (row) => row.line, sortKey: "line", width: 90 },
    { key: "column", header: t("import.rejected.column"), cell: (row) => row.column, sortKey: "column", width: "25%" },
    { key: "reason", header: t("import.rejected.reason"), cell: (row) => row.reason },
  ];
  const rows = sorted.rows ?? [];
  return (
    <SectionCard
      title={t("import.rejected.title", { count: summary.rejectedCount })}
      titleSize="h4"
      description={t("import.rejected.help")}
    >
      <DataTable
        label={t("import.rejected.tableLabel")}
        columns={columns}
        rows={rows.slice((page - 1) * REJECTED_PAGE_SIZE, page * REJECTED_PAGE_SIZE)}
        rowKey={(row) => `${row.line}-${row.column}-${row.code}`}
        sort={sorted.sort}
        onSortChange={(next) => {
          sorted.onSortChange(next);
          setPage(1);
        }}
        pagination={rows.length > REJECTED_PAGE_SIZE ? { page, pageSize: REJECTED_PAGE_SIZE, total: rows.length, onChange: setPage } : null}
      />
      {more > 0 && (
        <Text size="sm" mt="xs" fw={500}>
          {t("import.rejected.more", { count: more })}
        </Text>
      )}
    </SectionCard>
  );
}

function ColumnList({ columns }: { columns: string[] }) {
  return (
    <Group gap={4} mt={4}>
      {columns.map((column) => (
        <Badge key={column} variant="outline" color="gray" tt="none">
          {column}
        </Badge>
      ))}
    </Group>
  );
}

/** What the file would change, what was refused, and which columns were left aside. */
export function ImportPreview({ preview }: { preview: PeopleImport }) {
  const { t } = useTranslation();
  const { summary } = preview;
  return (
    <Stack>
      <Text>{t("import.preview.intro", { fileName: summary.fileName, count: summary.totalRows })}</Text>
      <ImportCounts summary={summary} />
      <RejectedRows summary={summary} />
      {summary.sensitiveColumns.length > 0 && (
        <Alert color="violet" variant="light" title={t("import.preview.sensitiveTitle")}>
          {t("import.preview.sensitive")}
          <ColumnList columns={summary.sensitiveColumns} />
        </Alert>
      )}
      {summary.ignoredColumns.length > 0 && (
        <Alert color="gray" variant="light" title={t("import.preview.ignoredTitle")}>
          {t("import.preview.ignored")}
          <ColumnList columns={summary.ignoredColumns} />
        </Alert>
      )}
    </Stack>
  );
}
