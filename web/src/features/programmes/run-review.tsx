import { ActionIcon, Alert, Badge, Button, Checkbox, Group, List, Modal, Paper, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Programme, RunDetail, RunPair, RunSummary, RunUnmatched } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { TablePagination } from "../../components/table-pagination.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { errorMessage } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { usePercent, WHOLE_BADGE } from "./labels.tsx";
import { type Constraint, RUN_PAGE_SIZE, usePublish, useRun, useSetConstraint, useSwap, useUpdateEnrolment } from "./queries.ts";

type Selected = { menteeId: string; mentee: string; mentor: string };

/** How many reasons the table shows; the expanded row shows them all. */
const TOP_REASONS = 2;

/** Reasons in the UI language, the strongest first. */
function reasonTexts(reasons: RunPair["reasons"]): string[] {
  const language = currentLanguage();
  return [...reasons].sort((a, b) => b.contribution - a.contribution).map((reason) => reason[language] || reason.fr);
}

/**
 * One run for review: its pairs (score, reasons, lock, next best mentors), lock / forbid / swap,
 * who is left unmatched and why, and publishing when it is the latest run.
 */
export function RunReview({
  programme,
  summary,
  isLatest,
  constraints,
  onNewRun,
}: {
  programme: Programme;
  summary: RunSummary;
  isLatest: boolean;
  constraints: Constraint[];
  onNewRun: (run: RunSummary) => void;
}) {
  const { t } = useTranslation();
  const url = useUrlState({ q: urlParam.text() });
  const { search, setSearch, q } = useUrlSearch(url);
  const run = useRun(programme.id, summary.id, { q, page: url.page });
  const [selected, setSelected] = useState<Selected[]>([]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [publishing, setPublishing] = useState(false);
  const swap = useSwap(programme.id);
  const isOpen = programme.phase === "matching" || programme.phase === "running";
  const canPublish = isLatest && !summary.publishedAt && isOpen;
  // A published run is history: its pairs exist, so locks, forbids and swaps belong to a newer run.
  const canChange = isOpen && !summary.publishedAt;
  const kindOf = new Map(constraints.map((c) => [`${c.mentor.id}:${c.mentee.id}`, c.kind]));
  const notAnswered = new Set(run.data?.notAnswered ?? []);

  const toggleSelected = (pair: RunPair) =>
    setSelected((current) =>
      current.some((s) => s.menteeId === pair.mentee.id)
        ? current.filter((s) => s.menteeId !== pair.mentee.id)
        : [...current, { menteeId: pair.mentee.id, mentee: personName(pair.mentee), mentor: personName(pair.mentor) }].slice(-2),
    );
  const toggleExpanded = (menteeId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(menteeId)) next.add(menteeId);
      return next;
    });
  const doSwap = () => {
    const [a, b] = selected;
    if (!a || !b) return;
    swap.mutate(
      { runId: summary.id, menteeA: a.menteeId, menteeB: b.menteeId },
      {
        onSuccess: (next) => {
          notifications.show({
            color: "green",
            message: t("programmes.review.swapped", { number: next.number, a: a.mentee, b: b.mentee }),
          });
          setSelected([]);
          onNewRun(next);
        },
      },
    );
  };

  return (
    <Stack>
      <SectionCard
        title={t("programmes.review.title", { number: summary.number })}
        description={t("programmes.review.summary", {
          date: formatDateTime(summary.createdAt),
          pairs: summary.pairs,
          mentors: summary.mentors,
          mentees: summary.mentees,
        })}
      >
        <Stack>
          {summary.publishedAt ? (
            <Alert color="teal" title={t("programmes.review.publishedTitle")}>
              {t("programmes.review.publishedText", { date: formatDateTime(summary.publishedAt) })}
            </Alert>
          ) : canPublish ? (
            <Group justify="space-between">
              <Text size="sm">{t("programmes.review.publishHint")}</Text>
              <Button color="teal" onClick={() => setPublishing(true)} disabled={summary.pairs === 0}>
                {t("programmes.review.publish", { number: summary.number })}
              </Button>
            </Group>
          ) : (
            !isLatest && (
              <Text size="sm" c="dimmed">
                {t("programmes.review.notLatest")}
              </Text>
            )
          )}
          <Group justify="space-between" align="flex-end">
            <SearchField value={search} onChange={setSearch} />
            {canChange && (
              <Paper withBorder p="xs" aria-live="polite">
                <Group gap="sm">
                  <Text size="sm">
                    {selected.length === 0
                      ? t("programmes.review.swapHint")
                      : selected.map((s) => t("programmes.review.selectedPair", { mentee: s.mentee, mentor: s.mentor })).join(" ⇄ ")}
                  </Text>
                  {selected.length > 0 && (
                    <Button size="xs" variant="subtle" onClick={() => setSelected([])}>
                      {t("programmes.review.clearSelection")}
                    </Button>
                  )}
                  <Button size="xs" onClick={doSwap} disabled={selected.length !== 2} loading={swap.isPending}>
                    {t("programmes.review.swap")}
                  </Button>
                </Group>
              </Paper>
            )}
          </Group>
          <ErrorAlert error={swap.error} />
          <ErrorAlert error={run.error} />
          <ScrollArea type="auto">
            <Table aria-label={t("programmes.review.tableLabel")} miw={1050} opacity={run.isPlaceholderData ? 0.6 : 1} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {canChange && <Table.Th w={40}>{t("programmes.review.columns.select")}</Table.Th>}
                  <Table.Th>{t("programmes.review.columns.mentee")}</Table.Th>
                  <Table.Th>{t("programmes.review.columns.mentor")}</Table.Th>
                  <Table.Th ta="right">{t("programmes.review.columns.score")}</Table.Th>
                  <Table.Th>{t("programmes.review.columns.reasons")}</Table.Th>
                  <Table.Th>{t("programmes.review.columns.state")}</Table.Th>
                  <Table.Th>{t("common.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {run.data?.pairs.map((pair) => (
                  <PairRow
                    key={pair.mentee.id}
                    programme={programme}
                    pair={pair}
                    constraint={kindOf.get(`${pair.mentor.id}:${pair.mentee.id}`) ?? null}
                    canChange={canChange}
                    isSelected={selected.some((s) => s.menteeId === pair.mentee.id)}
                    onToggleSelected={() => toggleSelected(pair)}
                    isExpanded={expanded.has(pair.mentee.id)}
                    onToggleExpanded={() => toggleExpanded(pair.mentee.id)}
                    notAnswered={notAnswered}
                  />
                ))}
                {run.data?.pairs.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={canChange ? 7 : 6}>
                      <Text c="dimmed" ta="center" py="md">
                        {q ? t("programmes.review.noMatch") : t("programmes.review.noPairs")}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {run.data && <TablePagination page={url.page} pageSize={RUN_PAGE_SIZE} total={run.data.total} onChange={url.setPage} />}
        </Stack>
      </SectionCard>
      {run.data && <UnmatchedList programme={programme} unmatched={run.data.unmatched} canChange={isOpen} />}
      <PublishModal programme={programme} summary={summary} opened={publishing} onClose={() => setPublishing(false)} />
    </Stack>
  );
}

function PairRow({
  programme,
  pair,
  constraint,
  canChange,
  isSelected,
  onToggleSelected,
  isExpanded,
  onToggleExpanded,
  notAnswered,
}: {
  programme: Programme;
  pair: RunPair;
  notAnswered: ReadonlySet<string>;
  constraint: "lock" | "forbid" | null;
  canChange: boolean;
  isSelected: boolean;
  onToggleSelected: () => void;
  isExpanded: boolean;
  onToggleExpanded: () => void;
}) {
  const { t } = useTranslation();
  const percent = usePercent();
  const setConstraint = useSetConstraint(programme.id);
  const mentee = personName(pair.mentee);
  const mentor = personName(pair.mentor);
  const reasons = reasonTexts(pair.reasons);
  const detailsId = `alternatives-${pair.mentee.id}`;
  const set = (kind: "lock" | "forbid" | null, message: string) =>
    setConstraint.mutate(
      { mentorId: pair.mentor.id, menteeId: pair.mentee.id, kind },
      {
        onSuccess: () => notifications.show({ color: "green", message }),
        onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
      },
    );
  const names = { mentee, mentor };

  return (
    <Fragment>
      <Table.Tr bg={isSelected ? "indigo.0" : undefined}>
        {canChange && (
          <Table.Td>
            <Checkbox aria-label={t("programmes.review.selectName", names)} checked={isSelected} onChange={onToggleSelected} />
          </Table.Td>
        )}
        <Table.Td>
          <Text size="sm" fw={500}>
            {mentee}
          </Text>
          <Text size="xs" c="dimmed">
            {pair.mentee.department}
          </Text>
          {notAnswered.has(pair.mentee.id) && (
            <Badge style={WHOLE_BADGE} color="yellow" variant="light">
              {t("programmes.review.notAnswered")}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={500}>
            {mentor}
          </Text>
          <Text size="xs" c="dimmed">
            {pair.mentor.department}
          </Text>
          {notAnswered.has(pair.mentor.id) && (
            <Badge style={WHOLE_BADGE} color="yellow" variant="light">
              {t("programmes.review.notAnswered")}
            </Badge>
          )}
        </Table.Td>
        <Table.Td ta="right">
          <Text size="sm" fw={600}>
            {percent(pair.score)}
          </Text>
        </Table.Td>
        <Table.Td maw={360}>
          <Text size="sm" lineClamp={3}>
            {reasons.slice(0, TOP_REASONS).join(" · ") || "—"}
          </Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            {pair.isLocked && (
              <Badge style={WHOLE_BADGE} color="indigo" variant="light">
                {t("programmes.review.locked")}
              </Badge>
            )}
            {constraint === "lock" && !pair.isLocked && (
              <Badge style={WHOLE_BADGE} color="indigo" variant="outline">
                {t("programmes.review.lockedNext")}
              </Badge>
            )}
            {constraint === "forbid" && (
              <Badge style={WHOLE_BADGE} color="red" variant="outline">
                {t("programmes.review.forbiddenNext")}
              </Badge>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            {canChange &&
              (constraint === "lock" ? (
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={setConstraint.isPending}
                  onClick={() => set(null, t("programmes.review.unlocked", names))}
                  aria-label={t("programmes.review.unlockName", names)}
                >
                  {t("programmes.review.unlock")}
                </Button>
              ) : (
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={setConstraint.isPending}
                  onClick={() => set("lock", t("programmes.review.lockedDone", names))}
                  aria-label={t("programmes.review.lockName", names)}
                >
                  {t("programmes.review.lock")}
                </Button>
              ))}
            {canChange &&
              (constraint === "forbid" ? (
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={setConstraint.isPending}
                  onClick={() => set(null, t("programmes.review.allowed", names))}
                  aria-label={t("programmes.review.allowName", names)}
                >
                  {t("programmes.review.allow")}
                </Button>
              ) : (
                <Button
                  size="compact-xs"
                  variant="light"
                  color="red"
                  loading={setConstraint.isPending}
                  onClick={() => set("forbid", t("programmes.review.forbiddenDone", names))}
                  aria-label={t("programmes.review.forbidName", names)}
                >
                  {t("programmes.review.forbid")}
                </Button>
              ))}
            <ActionIcon
              variant="subtle"
              onClick={onToggleExpanded}
              aria-expanded={isExpanded}
              aria-controls={detailsId}
              aria-label={t("programmes.review.alternativesName", { mentee })}
            >
              <span aria-hidden>{isExpanded ? "▾" : "▸"}</span>
            </ActionIcon>
          </Group>
        </Table.Td>
      </Table.Tr>
      {isExpanded && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={canChange ? 7 : 6} bg="gray.0">
            <Group align="flex-start" gap="xl" py={4}>
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t("programmes.review.alternativesTitle", { mentee })}
                </Text>
                {pair.alternatives.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("programmes.review.noAlternative")}
                  </Text>
                ) : (
                  <List size="sm">
                    {pair.alternatives.map((alternative) => (
                      <List.Item key={alternative.mentor.id}>
                        {t("programmes.review.alternative", {
                          mentor: personName(alternative.mentor),
                          department: alternative.mentor.department ?? "—",
                          score: percent(alternative.score),
                        })}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
              <Stack gap={4} maw={520}>
                <Text size="sm" fw={600}>
                  {t("programmes.review.allReasons")}
                </Text>
                <List size="sm">
                  {reasons.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              </Stack>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** Who the run left without a pair, why, their best option, and setting them aside for the next runs. */
function UnmatchedList({
  programme,
  unmatched,
  canChange,
}: {
  programme: Programme;
  unmatched: RunDetail["unmatched"];
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const percent = usePercent();
  const update = useUpdateEnrolment(programme.id);
  const [setAside, setSetAside] = useState<Set<string>>(new Set());
  const putAside = (row: RunUnmatched) => {
    const name = personName(row.person);
    update.mutate(
      { personId: row.person.id, isSetAside: true },
      {
        onSuccess: () => {
          setSetAside((current) => new Set(current).add(row.person.id));
          notifications.show({ color: "green", message: t("programmes.board.setAsideDone", { name }) });
        },
        onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
      },
    );
  };
  return (
    <SectionCard
      title={t("programmes.unmatched.title", { count: unmatched.length })}
      description={unmatched.length ? t("programmes.unmatched.intro") : t("programmes.unmatched.none")}
    >
      {unmatched.length > 0 && (
        <ScrollArea type="auto">
          <Table aria-label={t("programmes.unmatched.tableLabel")} striped miw={860}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("programmes.unmatched.columns.person")}</Table.Th>
                <Table.Th>{t("programmes.unmatched.columns.role")}</Table.Th>
                <Table.Th>{t("programmes.unmatched.columns.why")}</Table.Th>
                <Table.Th>{t("programmes.unmatched.columns.bestOption")}</Table.Th>
                {canChange && <Table.Th>{t("common.actions")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unmatched.map((row) => {
                const name = personName(row.person);
                return (
                  <Table.Tr key={row.person.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.person.department}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`programmes.roles.${row.role}`)}</Table.Td>
                    <Table.Td maw={380}>
                      <Text size="sm">{t(`programmes.unmatched.why.${row.why}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {row.bestOption ? (
                        <Text size="sm">
                          {t("programmes.unmatched.best", {
                            name: personName(row.bestOption.person),
                            score: percent(row.bestOption.score),
                          })}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    {canChange && (
                      <Table.Td>
                        {setAside.has(row.person.id) ? (
                          <Badge style={WHOLE_BADGE} color="gray" variant="light">
                            {t("programmes.unmatched.isSetAside")}
                          </Badge>
                        ) : (
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => putAside(row)}
                            loading={update.isPending && update.variables?.personId === row.person.id}
                            aria-label={t("programmes.unmatched.setAsideName", { name })}
                          >
                            {t("programmes.unmatched.setAside")}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </SectionCard>
  );
}

function PublishModal({
  programme,
  summary,
  opened,
  onClose,
}: {
  programme: Programme;
  summary: RunSummary;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const publish = usePublish(programme.id);
  const close = () => {
    publish.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("programmes.publish.title", { number: summary.number })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Text size="sm">{t("programmes.publish.text", { count: summary.pairs })}</Text>
        <Text size="sm" c="dimmed">
          {t("programmes.publish.skipped")}
        </Text>
        {programme.phase === "matching" && <Text size="sm">{t("programmes.publish.toRunning")}</Text>}
        <ErrorAlert error={publish.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button
            color="teal"
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(summary.id, {
                onSuccess: (result) => {
                  notifications.show({
                    color: "green",
                    message: [
                      t("programmes.publish.created", { count: result.created }),
                      result.skipped ? t("programmes.publish.skippedCount", { count: result.skipped }) : "",
                    ]
                      .filter(Boolean)
                      .join(" "),
                  });
                  close();
                },
              })
            }
          >
            {t("programmes.publish.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
