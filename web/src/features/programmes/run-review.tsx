import { ActionIcon, Alert, Badge, Button, Checkbox, Group, List, Modal, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ConstraintKind,
  type Programme,
  type PublishPreview,
  RUN_PAIR_SORTS,
  type RunDetail,
  type RunPair,
  type RunSummary,
  type RunUnmatched,
} from "../../../../contracts/programmes.ts";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import { DataTable, type DataTableColumn } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { PersonCell } from "../../components/person-cell.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { errorMessage } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { usePercent, WHOLE_BADGE } from "./labels.tsx";
import {
  type Constraint,
  publishPreviewQuery,
  RUN_PAGE_SIZE,
  usePublish,
  useRun,
  useSetConstraint,
  useSwap,
  useUpdateEnrolment,
} from "./queries.ts";

type Selected = { menteeId: string; mentee: string; mentor: string };

/** What the server said when a swap would form pairs under the programme's minimum score. */
type SwapWarning = { message: string; pairs: string[] };

/** How many reasons the table shows; the expanded row shows them all. */
const TOP_REASONS = 2;

/** Reasons in the UI language, the strongest first. */
function reasonTexts(reasons: RunPair["reasons"]): string[] {
  const language = currentLanguage();
  return [...reasons].sort((a, b) => b.contribution - a.contribution).map((reason) => reason[language] || reason.fr);
}

/**
 * One run for review: its pairs, weakest first by default (score, reasons, lock, next best mentors),
 * lock / forbid / swap, who is left unmatched and why, and publishing when it is the latest run.
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
  const url = useUrlState({ q: urlParam.text(), sort: urlParam.choice(RUN_PAIR_SORTS, "score_asc") });
  const { search, setSearch, q } = useUrlSearch(url);
  const sort = url.values.sort;
  const run = useRun(programme.id, summary.id, { q, sort, page: url.page });
  const [selected, setSelected] = useState<Selected[]>([]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [publishing, setPublishing] = useState(false);
  const [warning, setWarning] = useState<SwapWarning | null>(null);
  const swap = useSwap(programme.id);
  const isOpen = programme.phase === "matching" || programme.phase === "running";
  const canPublish = isLatest && !summary.publishedAt && isOpen;
  // A published run is history: its pairs exist, so locks, forbids and swaps belong to a newer run.
  const canChange = isOpen && !summary.publishedAt;
  const kindOf = new Map(constraints.map((c) => [`${c.mentor.id}:${c.mentee.id}`, c.kind]));
  const notAnswered = new Set(run.data?.notAnswered ?? []);
  const isWarning = (error: unknown) => error instanceof ApiError && error.code === "SWAP_BELOW_MIN_SCORE";

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
  const doSwap = (confirmBelowMinimum = false) => {
    const [a, b] = selected;
    if (!a || !b) return;
    swap.mutate(
      { runId: summary.id, menteeA: a.menteeId, menteeB: b.menteeId, ...(confirmBelowMinimum ? { confirmBelowMinimum } : {}) },
      {
        onSuccess: (next) => {
          notifications.show({
            color: "green",
            message: t("programmes.review.swapped", { number: next.number, a: a.mentee, b: b.mentee }),
          });
          setWarning(null);
          setSelected([]);
          onNewRun(next);
        },
        // The server names the pairs that would fall under the minimum: the manager decides.
        onError: (error) => {
          if (error instanceof ApiError && isWarning(error))
            setWarning({ message: error.message, pairs: error.details.map((detail) => detail.message) });
        },
      },
    );
  };
  const columns = useReviewColumns({
    programme,
    canChange,
    kindOf,
    notAnswered,
    selected,
    onToggleSelected: toggleSelected,
    expanded,
    onToggleExpanded: toggleExpanded,
  });

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
                  <Button size="xs" onClick={() => doSwap()} disabled={selected.length !== 2} loading={swap.isPending && !warning}>
                    {t("programmes.review.swap")}
                  </Button>
                </Group>
              </Paper>
            )}
          </Group>
          {!warning && !isWarning(swap.error) && <ErrorAlert error={swap.error} />}
          <ErrorAlert error={run.error} />
          <DataTable
            label={t("programmes.review.tableLabel")}
            columns={columns}
            rows={run.data?.pairs}
            rowKey={(pair) => pair.mentee.id}
            loading={run.isFetching}
            sort={{ key: "score", direction: sort === "score_desc" ? "desc" : "asc" }}
            onSortChange={(next) => url.set({ sort: next.direction === "desc" ? "score_desc" : "score_asc" })}
            rowProps={(pair) => ({ bg: selected.some((s) => s.menteeId === pair.mentee.id) ? "indigo.0" : undefined })}
            rowDetails={(pair) => expanded.has(pair.mentee.id) && <PairDetails pair={pair} />}
            pagination={run.data && { page: url.page, pageSize: RUN_PAGE_SIZE, total: run.data.total, onChange: url.setPage }}
            empty={{ title: q ? t("programmes.review.noMatch") : t("programmes.review.noPairs") }}
          />
        </Stack>
      </SectionCard>
      {run.data && <UnmatchedList programme={programme} unmatched={run.data.unmatched} canChange={isOpen} />}
      <PublishDialog programme={programme} summary={summary} opened={publishing} onClose={() => setPublishing(false)} />
      <ConfirmWithReasonDialog
        opened={warning !== null}
        onClose={() => {
          setWarning(null);
          swap.reset();
        }}
        title={t("programmes.review.belowMinimum.title")}
        text={
          warning && (
            <>
              {warning.message}
              {warning.pairs.map((pair) => (
                <Text key={pair} component="span" display="block" mt="xs" fw={500}>
                  {pair}
                </Text>
              ))}
            </>
          )
        }
        confirmLabel={t("programmes.review.belowMinimum.confirm")}
        loading={swap.isPending}
        // The first refusal is the warning itself; what went wrong after confirming shows here.
        error={isWarning(swap.error) ? null : swap.error}
        onConfirm={() => doSwap(true)}
      />
    </Stack>
  );
}

/** The review table's columns; the score column sorts on the server (the run is paginated). */
function useReviewColumns({
  programme,
  canChange,
  kindOf,
  notAnswered,
  selected,
  onToggleSelected,
  expanded,
  onToggleExpanded,
}: {
  programme: Programme;
  canChange: boolean;
  kindOf: ReadonlyMap<string, ConstraintKind>;
  notAnswered: ReadonlySet<string>;
  selected: readonly Selected[];
  onToggleSelected: (pair: RunPair) => void;
  expanded: ReadonlySet<string>;
  onToggleExpanded: (menteeId: string) => void;
}): DataTableColumn<RunPair>[] {
  const { t } = useTranslation();
  const percent = usePercent();
  const minScore = programme.matchingSettings?.minScore ?? 0;
  const names = (pair: RunPair) => ({ mentee: personName(pair.mentee), mentor: personName(pair.mentor) });
  const person = (p: RunPair["mentee"]) => (
    <>
      <PersonCell name={personName(p)} detail={p.department} />
      {notAnswered.has(p.id) && (
        <Badge style={WHOLE_BADGE} color="yellow" variant="light">
          {t("programmes.review.notAnswered")}
        </Badge>
      )}
    </>
  );
  const columns: (DataTableColumn<RunPair> | false)[] = [
    canChange && {
      key: "select",
      header: t("programmes.review.columns.select"),
      width: 40,
      cell: (pair) => (
        <Checkbox
          aria-label={t("programmes.review.selectName", names(pair))}
          checked={selected.some((s) => s.menteeId === pair.mentee.id)}
          onChange={() => onToggleSelected(pair)}
        />
      ),
    },
    { key: "mentee", header: t("programmes.review.columns.mentee"), cell: (pair) => person(pair.mentee) },
    { key: "mentor", header: t("programmes.review.columns.mentor"), cell: (pair) => person(pair.mentor) },
    {
      key: "score",
      header: t("programmes.review.columns.score"),
      sortKey: "score",
      align: "right",
      cell: (pair) => (
        <Stack gap={2} align="flex-end">
          <Text size="sm" fw={600}>
            {percent(pair.score)}
          </Text>
          {pair.score < minScore && (
            <Badge style={WHOLE_BADGE} color="orange" variant="light" size="sm">
              {t("programmes.review.belowMinimum.badge")}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: "reasons",
      header: t("programmes.review.columns.reasons"),
      visibleFrom: "md",
      cell: (pair) => (
        <Text size="sm" lineClamp={3}>
          {reasonTexts(pair.reasons).slice(0, TOP_REASONS).join(" · ") || "—"}
        </Text>
      ),
    },
    {
      key: "state",
      header: t("programmes.review.columns.state"),
      cell: (pair) => <ConstraintBadges pair={pair} constraint={kindOf.get(`${pair.mentor.id}:${pair.mentee.id}`) ?? null} />,
    },
    {
      key: "actions",
      header: t("common.actions"),
      cell: (pair) => (
        <Group gap={4}>
          {canChange && (
            <ConstraintButtons programme={programme} pair={pair} constraint={kindOf.get(`${pair.mentor.id}:${pair.mentee.id}`) ?? null} />
          )}
          <ActionIcon
            variant="subtle"
            onClick={() => onToggleExpanded(pair.mentee.id)}
            aria-expanded={expanded.has(pair.mentee.id)}
            aria-controls={`alternatives-${pair.mentee.id}`}
            aria-label={t("programmes.review.alternativesName", { mentee: personName(pair.mentee) })}
          >
            <span aria-hidden>{expanded.has(pair.mentee.id) ? "▾" : "▸"}</span>
          </ActionIcon>
        </Group>
      ),
    },
  ];
  return columns.filter((column): column is DataTableColumn<RunPair> => column !== false);
}

function ConstraintBadges({ pair, constraint }: { pair: RunPair; constraint: ConstraintKind | null }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** Lock / unlock and forbid / allow a pair for the next runs. */
function ConstraintButtons({ programme, pair, constraint }: { programme: Programme; pair: RunPair; constraint: ConstraintKind | null }) {
  const { t } = useTranslation();
  const setConstraint = useSetConstraint(programme.id);
  const names = { mentee: personName(pair.mentee), mentor: personName(pair.mentor) };
  const set = (kind: ConstraintKind | null, message: string) =>
    setConstraint.mutate(
      { mentorId: pair.mentor.id, menteeId: pair.mentee.id, kind },
      {
        onSuccess: () => notifications.show({ color: "green", message }),
        onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
      },
    );
  return (
    <>
      {constraint === "lock" ? (
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
      )}
      {constraint === "forbid" ? (
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
      )}
    </>
  );
}

/** An expanded pair: the mentee's next best mentors and every reason of the pair. */
function PairDetails({ pair }: { pair: RunPair }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const mentee = personName(pair.mentee);
  return (
    <Group id={`alternatives-${pair.mentee.id}`} align="flex-start" gap="xl" py={4}>
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
          {reasonTexts(pair.reasons).map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      </Stack>
    </Group>
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
  const columns: DataTableColumn<RunUnmatched>[] = [
    {
      key: "person",
      header: t("programmes.unmatched.columns.person"),
      cell: (row) => (
        <>
          <Text size="sm" fw={500}>
            {personName(row.person)}
          </Text>
          <Text size="xs" c="dimmed">
            {row.person.department}
          </Text>
        </>
      ),
    },
    { key: "role", header: t("programmes.unmatched.columns.role"), cell: (row) => t(`programmes.roles.${row.role}`) },
    {
      key: "why",
      header: t("programmes.unmatched.columns.why"),
      cell: (row) => <Text size="sm">{t(`programmes.unmatched.why.${row.why}`)}</Text>,
    },
    {
      key: "bestOption",
      header: t("programmes.unmatched.columns.bestOption"),
      cell: (row) =>
        row.bestOption ? (
          <Text size="sm">
            {t("programmes.unmatched.best", { name: personName(row.bestOption.person), score: percent(row.bestOption.score) })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ];
  if (canChange)
    columns.push({
      key: "actions",
      header: t("common.actions"),
      cell: (row) =>
        setAside.has(row.person.id) ? (
          <Badge style={WHOLE_BADGE} color="gray" variant="light">
            {t("programmes.unmatched.isSetAside")}
          </Badge>
        ) : (
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => putAside(row)}
            loading={update.isPending && update.variables?.personId === row.person.id}
            aria-label={t("programmes.unmatched.setAsideName", { name: personName(row.person) })}
          >
            {t("programmes.unmatched.setAside")}
          </Button>
        ),
    });
  return (
    <SectionCard
      title={t("programmes.unmatched.title", { count: unmatched.length })}
      description={unmatched.length ? t("programmes.unmatched.intro") : t("programmes.unmatched.none")}
    >
      {unmatched.length > 0 && (
        <DataTable label={t("programmes.unmatched.tableLabel")} columns={columns} rows={unmatched} rowKey={(row) => row.person.id} />
      )}
    </SectionCard>
  );
}

/**
 * Publishing the run: what it creates and whom it tells — first of all the people who have no account (they
 * receive an email invitation to create it) or have not answered their enrolment (a notification) — then a
 * notification of what was created and how many were invited.
 */
function PublishDialog({
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
  const preview = useQuery({ ...publishPreviewQuery(programme.id), enabled: opened });
  const close = () => {
    publish.reset();
    onClose();
  };
  const confirm = () =>
    publish.mutate(summary.id, {
      onSuccess: (result) => {
        notifications.show({
          color: "green",
          message: [
            t("programmes.publish.created", { count: result.created }),
            result.skipped ? t("programmes.publish.skippedCount", { count: result.skipped }) : "",
            result.invitation ? t("programmes.publish.invitedCount", { count: result.invitation.invited }) : "",
          ]
            .filter(Boolean)
            .join(" "),
        });
        close();
      },
    });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("programmes.publish.title", { number: summary.number })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Text size="sm">
          {[
            t("programmes.publish.text", { count: summary.pairs }),
            t("programmes.publish.skipped"),
            programme.phase === "matching" ? t("programmes.publish.toRunning") : "",
          ]
            .filter(Boolean)
            .join(" ")}
        </Text>
        <ErrorAlert error={preview.error} />
        {preview.data && <PublishPreviewList preview={preview.data} />}
        <ErrorAlert error={publish.error} />
        <FormActions submitLabel={t("programmes.publish.confirm")} loading={publish.isPending} onSubmit={confirm} onCancel={close} />
      </Stack>
    </Modal>
  );
}

/** Who has no account or has not answered, and what each will receive; nothing when everyone is ready. */
function PublishPreviewList({ preview }: { preview: PublishPreview }) {
  const { t } = useTranslation();
  if (preview.total === 0) return null;
  const more = preview.total - preview.people.length;
  return (
    <Stack gap="xs">
      <Text fw={500}>{t("programmes.publish.peopleTitle")}</Text>
      {preview.withoutAccount > 0 && <Text size="sm">{t("programmes.publish.withoutAccount", { count: preview.withoutAccount })}</Text>}
      {preview.invitationExpired > 0 && (
        <Text size="sm">{t("programmes.publish.invitationExpired", { count: preview.invitationExpired })}</Text>
      )}
      {preview.invitationOpen > 0 && <Text size="sm">{t("programmes.publish.invitationOpen", { count: preview.invitationOpen })}</Text>}
      {preview.notAnswered > 0 && <Text size="sm">{t("programmes.publish.notAnswered", { count: preview.notAnswered })}</Text>}
      <List size="sm" spacing={2} aria-label={t("programmes.publish.peopleTitle")} mah={240} style={{ overflowY: "auto" }}>
        {preview.people.map((entry) => (
          <List.Item key={entry.person.id}>
            {t("programmes.publish.personReceives", {
              name: personName(entry.person),
              role: t(`programmes.roles.${entry.role}`),
              receives: t(`programmes.publish.receives.${entry.receives}`),
            })}
          </List.Item>
        ))}
      </List>
      {more > 0 && (
        <Text size="sm" c="dimmed">
          {t("programmes.publish.more", { count: more })}
        </Text>
      )}
    </Stack>
  );
}
