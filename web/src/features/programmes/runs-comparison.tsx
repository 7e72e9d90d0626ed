import { Badge, Button, ScrollArea, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RunSummary } from "../../../../contracts/programmes.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { usePercent, WHOLE_BADGE } from "./labels.tsx";

/** The programme's runs side by side, newest first, to compare them and pick one to review. */
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
  const number = (value: number, digits = 2) => value.toLocaleString(i18n.language, { maximumFractionDigits: digits });
  return (
    <ScrollArea type="auto">
      <Table aria-label={t("programmes.runs.tableLabel")} striped miw={1100} verticalSpacing="xs" styles={{ th: { whiteSpace: "nowrap" } }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("programmes.runs.columns.number")}</Table.Th>
            <Table.Th>{t("programmes.runs.columns.date")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.pairs")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.matchedRatio")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.total")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.worst")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.median")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.locks")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.forbids")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.setAside")}</Table.Th>
            <Table.Th ta="right">{t("programmes.runs.columns.ms")}</Table.Th>
            <Table.Th>{t("programmes.runs.columns.published")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => {
            const isSelected = run.id === selectedId;
            return (
              <Table.Tr key={run.id} bg={isSelected ? "indigo.0" : undefined}>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                    {t("programmes.runs.name", { number: run.number })}
                  </Text>
                  {run.id === latestId && (
                    <Badge style={WHOLE_BADGE} size="xs" variant="light">
                      {t("programmes.runs.latest")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(run.createdAt)}</Table.Td>
                <Table.Td ta="right">{t("programmes.runs.pairsOf", { pairs: run.pairs, mentees: run.mentees })}</Table.Td>
                <Table.Td ta="right">{percent(run.matchedRatio)}</Table.Td>
                <Table.Td ta="right">{number(run.total)}</Table.Td>
                <Table.Td ta="right">{percent(run.worstScore)}</Table.Td>
                <Table.Td ta="right">{percent(run.medianScore)}</Table.Td>
                <Table.Td ta="right">{run.locks}</Table.Td>
                <Table.Td ta="right">{run.forbids}</Table.Td>
                <Table.Td ta="right">{run.setAside}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                  {t("programmes.runs.milliseconds", { ms: number(run.ms, 1) })}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {run.publishedAt ? (
                    <Badge style={WHOLE_BADGE} color="teal" variant="light">
                      {t("programmes.runs.publishedOn", { date: formatDateTime(run.publishedAt) })}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("programmes.runs.notPublished")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={isSelected ? "filled" : "light"}
                    onClick={() => onSelect(run.id)}
                    aria-pressed={isSelected}
                    aria-label={t(isSelected ? "programmes.runs.reviewingName" : "programmes.runs.reviewName", { number: run.number })}
                  >
                    {t(isSelected ? "programmes.runs.reviewing" : "programmes.runs.review")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
