import { Alert, Badge, Group, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PeopleImport } from "../../../../contracts/people.ts";
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

/** The rows refused, each with its line, column and reason. */
function RejectedRows({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  if (summary.rejectedCount === 0) return null;
  const more = summary.rejectedCount - summary.rejected.length;
  return (
    <SectionCard
      title={t("import.rejected.title", { count: summary.rejectedCount })}
      titleSize="h4"
      description={t("import.rejected.help")}
    >
      <ScrollArea.Autosize mah={420} type="auto">
        <Table striped fz="sm" aria-label={t("import.rejected.tableLabel")} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={{ base: 56, sm: 80 }}>{t("import.rejected.line")}</Table.Th>
              <Table.Th w={{ base: 110, sm: 200 }}>{t("import.rejected.column")}</Table.Th>
              <Table.Th>{t("import.rejected.reason")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.rejected.map((row) => (
              <Table.Tr key={`${row.line}-${row.column}-${row.code}`}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{row.column}</Table.Td>
                <Table.Td>{row.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
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
