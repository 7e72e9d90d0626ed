import { Badge, Button, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PeopleImport, PeopleImportList } from "../../../../contracts/people.ts";
import { DataTable, type DataTableColumn, useClientSort } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { importsQuery } from "./queries.ts";

type Item = PeopleImportList["items"][number];

const STATUS_COLOR: Record<PeopleImport["status"], string> = { previewed: "gray", applying: "blue", applied: "green", failed: "red" };

/** The state of an import in a few words: failed imports say why (the server stopped, the database refused, the preview expired). */
export function importStatusLabel(t: (key: string) => string, item: Pick<PeopleImport, "status" | "failure">): string {
  return item.status === "failed" && item.failure ? t(`import.failure.${item.failure}.short`) : t(`import.status.${item.status}`);
}

/** The latest imports, newest first: reopen one to see it, follow it or apply it again. */
export function ImportHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(importsQuery());
  const sorted = useClientSort(
    list.data?.items,
    {
      date: (item) => item.createdAt,
      file: (item) => item.summary.fileName,
      status: (item) => importStatusLabel(t, item),
    },
    { key: "date", direction: "desc" },
  );
  const number = (value: number) => value.toLocaleString(i18n.language);
  const figures = (item: Item) =>
    item.status === "applied"
      ? t(item.summary.counts.deactivated ? "import.history.appliedWithDeactivated" : "import.history.applied", {
          created: number(item.summary.counts.created),
          updated: number(item.summary.counts.updated),
          deactivated: number(item.summary.counts.deactivated),
        })
      : item.summary.rejectedCount > 0
        ? t("import.history.refused", { count: item.summary.rejectedCount, formatted: number(item.summary.rejectedCount) })
        : t("import.history.rows", { count: item.summary.totalRows, formatted: number(item.summary.totalRows) });

  const columns: DataTableColumn<Item>[] = [
    // ISO instants sort as texts in time order.
    {
      key: "date",
      header: t("import.history.date"),
      cell: (item) => formatDateTime(item.createdAt),
      sortKey: "date",
      firstDirection: "desc",
    },
    { key: "file", header: t("import.history.file"), cell: (item) => item.summary.fileName, sortKey: "file" },
    {
      key: "status",
      header: t("import.history.status"),
      sortKey: "status",
      cell: (item) => (
        <Badge color={STATUS_COLOR[item.status]} variant="light">
          {importStatusLabel(t, item)}
        </Badge>
      ),
    },
    { key: "figures", header: t("import.history.figures"), cell: (item) => <Text size="sm">{figures(item)}</Text>, visibleFrom: "sm" },
    {
      key: "open",
      header: t("common.actions"),
      align: "right",
      cell: (item) => (
        <Button size="compact-sm" variant="subtle" onClick={() => onOpen(item.id)}>
          {item.canApply && item.summary.rejectedCount === 0 ? t("import.history.openToApply") : t("import.history.open")}
        </Button>
      ),
    },
  ];

  return (
    <SectionCard title={t("import.history.title")} titleSize="h4">
      <ErrorAlert error={list.error} />
      <DataTable
        label={t("import.history.title")}
        columns={columns}
        rowKey={(item) => item.id}
        loading={list.isFetching}
        empty={{ title: t("import.history.empty"), description: t("import.history.emptyHelp") }}
        {...sorted}
      />
    </SectionCard>
  );
}
