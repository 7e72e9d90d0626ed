import { Badge, Button, ScrollArea, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PeopleImport, PeopleImportList } from "../../../../contracts/people.ts";
import { SectionCard } from "../../components/section-card.tsx";
import { api } from "../../lib/api.ts";

export const importsKey = ["people-imports", "list"] as const;
type Item = PeopleImportList["items"][number];

const STATUS_COLOR: Record<PeopleImport["status"], string> = { previewed: "gray", applying: "blue", applied: "green", failed: "red" };

/** The state of an import in a few words: failed imports say why (the server stopped, the database refused, the preview expired). */
export function importStatusLabel(t: (key: string) => string, item: Pick<PeopleImport, "status" | "failure">): string {
  return item.status === "failed" && item.failure ? t(`import.failure.${item.failure}.short`) : t(`import.status.${item.status}`);
}

/** The latest imports, newest first: reopen one to see it, follow it or apply it again. */
export function ImportHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: importsKey, queryFn: () => api.get<PeopleImportList>("/api/people/imports") });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const figures = (item: Item) =>
    item.status === "applied"
      ? t(item.summary.counts.deactivated ? "import.history.appliedWithDeactivated" : "import.history.applied", {
          created: item.summary.counts.created.toLocaleString(i18n.language),
          updated: item.summary.counts.updated.toLocaleString(i18n.language),
          deactivated: item.summary.counts.deactivated.toLocaleString(i18n.language),
        })
      : item.summary.rejectedCount > 0
        ? t("import.history.refused", {
            count: item.summary.rejectedCount,
            formatted: item.summary.rejectedCount.toLocaleString(i18n.language),
          })
        : t("import.history.rows", { count: item.summary.totalRows, formatted: item.summary.totalRows.toLocaleString(i18n.language) });
  return (
    <SectionCard title={t("import.history.title")} titleSize="h4">
      <ScrollArea type="auto">
        <Table striped fz="sm" aria-label={t("import.history.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("import.history.date")}</Table.Th>
              <Table.Th>{t("import.history.file")}</Table.Th>
              <Table.Th>{t("import.history.status")}</Table.Th>
              <Table.Th>{t("import.history.figures")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{when(item.createdAt)}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{item.summary.fileName}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[item.status]} variant="light">
                    {importStatusLabel(t, item)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{figures(item)}</Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => onOpen(item.id)}>
                    {item.canApply && item.summary.rejectedCount === 0 ? t("import.history.openToApply") : t("import.history.open")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </SectionCard>
  );
}
