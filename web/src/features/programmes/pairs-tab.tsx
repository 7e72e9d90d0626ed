import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ManagedPair, PAIR_STATES } from "../../../../contracts/pairs.ts";
import type { Programme } from "../../../../contracts/programmes.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { DataTable, type DataTableColumn } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PersonCell } from "../../components/person-cell.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { StatCards } from "../../components/stat-cards.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { personName } from "../../lib/person-name.ts";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { PairStateBadge, usePercent, WHOLE_BADGE } from "./labels.tsx";
import { PAIRS_PAGE_SIZE, useManagedPairs } from "./queries.ts";

/**
 * The programme's pairs as its managers see them: counts by state, intro answers (with the reasons
 * of a "not a fit", which only managers see), who needs a new match, and the list filtered by state.
 */
export function PairsTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const url = useUrlState({ state: urlParam.choice(PAIR_STATES) });
  const state = url.values.state;
  const pairs = useManagedPairs(programme.id, { state, page: url.page });
  const data = pairs.data;
  const columns = usePairColumns(programme.id);

  return (
    <Stack>
      <ErrorAlert error={pairs.error} />
      {data && (
        <>
          <StatCards
            cols={{ base: 2, sm: 4, lg: 7 }}
            figures={[
              ...PAIR_STATES.map((s) => ({ label: t(`programmes.pairStates.${s}`), value: data.counts[s] ?? 0 })),
              { label: t("programmes.pairs.fit"), value: data.introAnswers.fit, color: "teal" },
              {
                label: t("programmes.pairs.notFit"),
                value: data.introAnswers.notFit,
                color: data.introAnswers.notFit ? "orange" : undefined,
              },
            ]}
          />
          <SectionCard
            title={t("programmes.pairs.rematchTitle", { count: data.needsRematch.length })}
            titleSize="h4"
            description={t(data.needsRematch.length ? "programmes.pairs.rematchIntro" : "programmes.pairs.rematchNone")}
          >
            {data.needsRematch.length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
                {data.needsRematch.map(({ person, role }) => (
                  <Group key={person.id} component="li" gap="xs">
                    <Text size="sm" fw={500}>
                      {personName(person)}
                    </Text>
                    <Badge style={WHOLE_BADGE} size="sm" variant="outline">
                      {t(`programmes.roles.${role}`)}
                    </Badge>
                  </Group>
                ))}
              </SimpleGrid>
            )}
          </SectionCard>
        </>
      )}
      <Group align="flex-end">
        <ChoiceFilter
          label={t("programmes.pairs.state")}
          placeholder={t("programmes.pairs.allStates")}
          values={PAIR_STATES}
          optionLabel={(s) => t(`programmes.pairStates.${s}`)}
          value={state}
          onChange={(s) => url.set({ state: s })}
        />
      </Group>
      <DataTable
        label={t("programmes.pairs.tableLabel")}
        columns={columns}
        rows={data?.items}
        rowKey={(pair) => pair.id}
        loading={pairs.isFetching}
        pagination={data && { page: url.page, pageSize: PAIRS_PAGE_SIZE, total: data.total, onChange: url.setPage }}
        empty={{ title: t(state ? "programmes.pairs.noMatch" : "programmes.pairs.empty") }}
      />
    </Stack>
  );
}

/** The pair list's columns: who, where the pair stands, how it started, what the two said after the intro coffee, and a link to its page. */
function usePairColumns(programmeId: string): DataTableColumn<ManagedPair>[] {
  const { t } = useTranslation();
  const percent = usePercent();
  const person = (p: ManagedPair["mentor"]) => <PersonCell name={personName(p)} detail={p.department} />;
  return [
    { key: "mentor", header: t("programmes.review.columns.mentor"), cell: (pair) => person(pair.mentor) },
    { key: "mentee", header: t("programmes.review.columns.mentee"), cell: (pair) => person(pair.mentee) },
    {
      key: "state",
      header: t("programmes.pairs.columns.state"),
      cell: (pair) => (
        <Stack gap={2} align="flex-start">
          <PairStateBadge state={pair.state} />
          {pair.endReason && (
            <Text size="xs" c="dimmed">
              {t(`programmes.pairs.endReasons.${pair.endReason}`)}
            </Text>
          )}
          {pair.history
            .filter((event) => event.note)
            .map((event) => (
              <Text key={event.at} size="xs" fs="italic">
                {t("programmes.pairs.note", { note: event.note })}
              </Text>
            ))}
        </Stack>
      ),
    },
    {
      key: "origin",
      header: t("programmes.pairs.columns.origin"),
      visibleFrom: "lg",
      cell: (pair) => t(`programmes.pairs.origins.${pair.origin}`),
    },
    { key: "score", header: t("programmes.review.columns.score"), align: "right", cell: (pair) => percent(pair.score) },
    {
      key: "intro",
      header: t("programmes.pairs.columns.intro"),
      cell: (pair) =>
        pair.introAt ? (
          <Text size="sm">{formatDateTime(pair.introAt)}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("programmes.pairs.introNotPlanned")}
          </Text>
        ),
    },
    {
      key: "answers",
      header: t("programmes.pairs.columns.answers"),
      cell: (pair) =>
        pair.introAnswers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("programmes.pairs.noAnswer")}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {pair.introAnswers.map((answer) => (
              <List.Item key={answer.role}>
                <Text size="sm" span c={answer.isFit ? "teal" : "orange"} fw={500}>
                  {t(answer.isFit ? "programmes.pairs.answerFit" : "programmes.pairs.answerNotFit", {
                    role: t(`programmes.roles.${answer.role}`),
                  })}
                </Text>
                {answer.reason && (
                  <Text size="sm" span>
                    {" "}
                    {t("programmes.pairs.reason", { reason: answer.reason })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        ),
    },
    {
      key: "detail",
      header: t("programmes.pairDetail.list.column"),
      cell: (pair) => (
        <Anchor
          component={Link}
          to={`/programmes/${programmeId}/pairs/${pair.id}`}
          size="sm"
          aria-label={t("programmes.pairDetail.list.openLabel", { mentor: personName(pair.mentor), mentee: personName(pair.mentee) })}
        >
          {t("programmes.pairDetail.list.open")}
        </Anchor>
      ),
    },
  ];
}
