import { Alert, Anchor, Button, Group, List, Modal, Radio, SimpleGrid, Stack, Text, Timeline, Title } from "@mantine/core";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { GOAL_STATUSES } from "../../../../contracts/goals.ts";
import {
  END_REASONS,
  type EndReason,
  type ManagedPairDetail,
  OPEN_PAIR_STATES,
  type PairState,
  REASON_MAX_LENGTH,
} from "../../../../contracts/pairs.ts";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { PersonCell } from "../../components/person-cell.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { StatCards } from "../../components/stat-cards.tsx";
import { ApiError } from "../../lib/api.ts";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { personName } from "../../lib/person-name.ts";
import { DEFAULT_TIME_ZONE, formatInZone } from "../../lib/zoned-time.ts";
import { PairStateBadge, PhaseBadge, usePercent } from "./labels.tsx";
import { useFormPair, useManagedPair, useManagerCompletePair, useManagerEndPair, useRematchOptions } from "./pair-detail-queries.ts";

type Person = ManagedPairDetail["mentor"];

const isOpen = (state: PairState) => (OPEN_PAIR_STATES as readonly PairState[]).includes(state);
const isEndReason = (reason: string | null): reason is EndReason => (END_REASONS as readonly (string | null)[]).includes(reason);
/** Pairs are formed (by the engine or by hand) while matching is open. */
const isPairingOpen = (pair: ManagedPairDetail) => pair.programme.phase === "matching" || pair.programme.phase === "running";

/**
 * One pair of a programme, for its managers: who, how it started and what the two said after the intro
 * coffee, its activity as counts and dates (never the contents: they stay the pair's), its history with
 * the notes left when it ended, and the manager's actions — complete, end with a reason, and pair one of
 * its people again (after ending an open pair first).
 */
export function PairDetailPage() {
  const { t } = useTranslation();
  const { id = "", pairId = "" } = useParams();
  const pair = useManagedPair(id, pairId);
  const names = pair.data ? { mentor: personName(pair.data.mentor), mentee: personName(pair.data.mentee) } : null;
  useDocumentTitle(`${names ? t("programmes.pairDetail.title", names) : t("programmes.pairDetail.back")} · Passerelle`);
  // An id that is not even a uuid is answered 400: for the reader, it is just as missing.
  const isMissing = pair.error instanceof ApiError && (pair.error.status === 404 || pair.error.status === 400);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/programmes/${id}?tab=pairs`} size="sm">
        {`← ${t("programmes.pairDetail.back")}`}
      </Anchor>
      {isMissing ? <Alert color="yellow">{t("programmes.pairDetail.notFound")}</Alert> : <ErrorAlert error={pair.error} />}
      {pair.isPending && <PageLoader />}
      {pair.data && <PairDetail pair={pair.data} />}
    </Stack>
  );
}

function PairDetail({ pair }: { pair: ManagedPairDetail }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const names = { mentor: personName(pair.mentor), mentee: personName(pair.mentee) };
  return (
    <>
      <Stack gap={4}>
        <Group justify="space-between" align="center">
          <Title order={1}>{t("programmes.pairDetail.title", names)}</Title>
          <PairStateBadge state={pair.state} />
        </Group>
        <Group gap="xs">
          <Text c="dimmed">
            {t("programmes.pairDetail.subtitle", { programme: pair.programme.name, date: formatDate(pair.createdAt) })}
            {" · "}
            {t("programmes.pairDetail.origin", { origin: t(`programmes.pairs.origins.${pair.origin}`) })}
            {" · "}
            {t("programmes.pairDetail.score", { score: percent(pair.score) })}
          </Text>
          <PhaseBadge phase={pair.programme.phase} size="sm" />
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PeopleSection pair={pair} />
        <IntroSection pair={pair} />
      </SimpleGrid>
      <ActivitySection pair={pair} />
      <ActionsSection pair={pair} />
      <HistorySection pair={pair} />
    </>
  );
}

function PeopleSection({ pair }: { pair: ManagedPairDetail }) {
  const { t } = useTranslation();
  const person = (p: Person, role: "mentor" | "mentee") => (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t(`programmes.pairDetail.people.${role}`)}
      </Text>
      <PersonCell name={personName(p)} detail={p.department ?? t("programmes.pairDetail.people.noDepartment")} withAvatar />
    </Stack>
  );
  return (
    <SectionCard title={t("programmes.pairDetail.people.title")}>
      <SimpleGrid cols={2}>
        {person(pair.mentor, "mentor")}
        {person(pair.mentee, "mentee")}
      </SimpleGrid>
    </SectionCard>
  );
}

function IntroSection({ pair }: { pair: ManagedPairDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t("programmes.pairDetail.intro.title")}>
      <Stack gap="xs">
        <Text size="sm">
          {pair.introAt
            ? `${t("programmes.pairDetail.intro.at", { date: formatInZone(pair.introAt, DEFAULT_TIME_ZONE) })} ${t("programmes.pairDetail.parisTime")}`
            : t("programmes.pairDetail.intro.notPlanned")}
        </Text>
        {pair.introAnswers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("programmes.pairDetail.intro.noAnswer")}
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
        )}
      </Stack>
    </SectionCard>
  );
}

/* ---------------------------------------------------------------- activity: counts and dates only */

function ActivitySection({ pair }: { pair: ManagedPairDetail }) {
  const { t } = useTranslation();
  const { sessions, goals, notes } = pair.activity;
  const k = "programmes.pairDetail.activity";
  return (
    <SectionCard title={t(`${k}.title`)} description={t(`${k}.privacy`)}>
      <Stack>
        <Title order={3} size="h5">
          {t(`${k}.sessions`)}
        </Title>
        <StatCards
          figures={[
            { label: t(`${k}.held`), value: sessions.held, color: sessions.held ? "teal" : undefined },
            { label: t(`${k}.missed`), value: sessions.missed, color: sessions.missed ? "orange" : undefined },
            { label: t(`${k}.cancelled`), value: sessions.cancelled },
            { label: t(`${k}.scheduled`), value: sessions.scheduled },
          ]}
        />
        <Text size="sm">
          {sessions.lastHeldAt ? t(`${k}.lastHeld`, { date: formatInZone(sessions.lastHeldAt, DEFAULT_TIME_ZONE) }) : t(`${k}.noneHeld`)}{" "}
          {sessions.nextAt ? t(`${k}.next`, { date: formatInZone(sessions.nextAt, DEFAULT_TIME_ZONE) }) : t(`${k}.noneNext`)}
          {(sessions.lastHeldAt || sessions.nextAt) && ` ${t("programmes.pairDetail.parisTime")}`}
        </Text>
        <Title order={3} size="h5">
          {t(`${k}.goals`)}
        </Title>
        <StatCards
          figures={GOAL_STATUSES.map((status) => ({
            label: t(`${k}.goalStatuses.${status}`),
            value: goals.byStatus[status] ?? 0,
            color: status === "achieved" && goals.byStatus[status] ? "teal" : undefined,
          }))}
        />
        {goals.signedOff > 0 && <Text size="sm">{t(`${k}.signedOff`, { count: goals.signedOff })}</Text>}
        <Title order={3} size="h5">
          {t(`${k}.notes`)}
        </Title>
        <StatCards
          figures={[
            { label: t(`${k}.notesWritten`), value: notes.notesWritten },
            { label: t(`${k}.actionItemsOpen`), value: notes.actionItemsOpen },
            { label: t(`${k}.actionItemsDone`), value: notes.actionItemsDone },
            { label: t(`${k}.resources`), value: notes.resources },
          ]}
        />
      </Stack>
    </SectionCard>
  );
}

/* ---------------------------------------------------------------- the manager's actions */

function ActionsSection({ pair }: { pair: ManagedPairDetail }) {
  const { t } = useTranslation();
  const names = { mentor: personName(pair.mentor), mentee: personName(pair.mentee) };
  const [completing, complete] = useDisclosure();
  const [ending, end] = useDisclosure();
  /** The person the manager wants to pair again: first the end of this pair when it is open, then the choice. */
  const [endingFor, setEndingFor] = useState<Person | null>(null);
  const [rematching, setRematching] = useState<Person | null>(null);
  const completePair = useManagerCompletePair(pair.programme.id, pair.id);
  const endPair = useManagerEndPair(pair.programme.id, pair.id);
  const open = isOpen(pair.state);
  const canRematch = pair.state === "not_a_fit" || pair.state === "ended_early" || open;
  const endReasons = {
    label: t("programmes.pairDetail.actions.endReason"),
    options: END_REASONS.map((reason) => ({ value: reason, label: t(`programmes.pairs.endReasons.${reason}`) })),
    required: true,
  };
  const endNote = {
    label: t("programmes.pairDetail.actions.endNote"),
    description: t("programmes.pairDetail.actions.endNoteHelp"),
    maxLength: REASON_MAX_LENGTH,
  };

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <SectionCard title={t("programmes.pairDetail.actions.title")}>
        {open ? (
          <Stack>
            <Text size="sm">{t("programmes.pairDetail.actions.help")}</Text>
            <Group>
              {pair.state === "active" && <Button onClick={complete.open}>{t("programmes.pairDetail.actions.complete")}</Button>}
              <Button color="red" variant="light" onClick={end.open}>
                {t("programmes.pairDetail.actions.end")}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("programmes.pairDetail.actions.closed")}
          </Text>
        )}
      </SectionCard>
      {canRematch && (
        <SectionCard title={t("programmes.pairDetail.rematch.title")}>
          <Stack>
            {isPairingOpen(pair) ? (
              <>
                <Text size="sm">{t(open ? "programmes.pairDetail.rematch.helpOpen" : "programmes.pairDetail.rematch.help")}</Text>
                <Group>
                  {[pair.mentor, pair.mentee].map((person) => (
                    <Button key={person.id} variant="default" onClick={() => (open ? setEndingFor(person) : setRematching(person))}>
                      {t("programmes.pairDetail.rematch.button", { name: personName(person) })}
                    </Button>
                  ))}
                </Group>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("programmes.pairDetail.rematch.phaseClosed")}
              </Text>
            )}
          </Stack>
        </SectionCard>
      )}
      <ConfirmWithReasonDialog
        opened={completing}
        onClose={complete.close}
        title={t("programmes.pairDetail.actions.complete")}
        text={t("programmes.pairDetail.actions.completeText", names)}
        confirmLabel={t("programmes.pairDetail.actions.complete")}
        destructive={false}
        loading={completePair.isPending}
        error={completePair.error}
        onConfirm={() =>
          completePair.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: "green", message: t("programmes.pairDetail.actions.completed") });
              complete.close();
            },
          })
        }
      />
      <ConfirmWithReasonDialog<EndReason>
        opened={ending || endingFor !== null}
        onClose={() => {
          end.close();
          setEndingFor(null);
        }}
        title={
          endingFor ? t("programmes.pairDetail.rematch.endTitle", { name: personName(endingFor) }) : t("programmes.pairDetail.actions.end")
        }
        text={
          endingFor
            ? t("programmes.pairDetail.rematch.endText", { ...names, name: personName(endingFor) })
            : t("programmes.pairDetail.actions.endText", names)
        }
        reasons={endReasons}
        note={endNote}
        confirmLabel={t(endingFor ? "programmes.pairDetail.rematch.endConfirm" : "programmes.pairDetail.actions.end")}
        loading={endPair.isPending}
        error={endPair.error}
        onConfirm={({ reason, note }) =>
          endPair.mutate(
            { reason: reason as EndReason, note },
            {
              onSuccess: () => {
                notifications.show({ message: t("programmes.pairDetail.actions.ended") });
                setRematching(endingFor);
                setEndingFor(null);
                end.close();
              },
            },
          )
        }
      />
      {rematching && <RematchDialog pair={pair} person={rematching} onClose={() => setRematching(null)} />}
    </SimpleGrid>
  );
}

/** The choice of a new partner for `person`, among those the API offers (best score first), and the new pair. */
function RematchDialog({ pair, person, onClose }: { pair: ManagedPairDetail; person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const percent = usePercent();
  const options = useRematchOptions(pair.programme.id, pair.id, person.id);
  const formPair = useFormPair(pair.programme.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const name = personName(person);
  const data = options.data;
  const isMentor = person.id === pair.mentor.id;

  const submit = () => {
    if (!chosen) return;
    const body = isMentor ? { mentorId: person.id, menteeId: chosen } : { mentorId: chosen, menteeId: person.id };
    formPair.mutate(body, {
      onSuccess: (formed) => {
        notifications.show({
          color: "green",
          message: t("programmes.pairDetail.rematch.formed", { mentor: personName(formed.mentor), mentee: personName(formed.mentee) }),
        });
        onClose();
        navigate(`/programmes/${formed.programme.id}/pairs/${formed.id}`);
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t("programmes.pairDetail.rematch.modalTitle", { name })} size="lg">
      <Stack>
        <ErrorAlert error={options.error} />
        {options.isPending && <PageLoader />}
        {data?.blockedBy && <Alert color="yellow">{t(`programmes.pairDetail.rematch.blocked.${data.blockedBy}`, { name })}</Alert>}
        {data && !data.blockedBy && data.items.length === 0 && <Text size="sm">{t("programmes.pairDetail.rematch.none", { name })}</Text>}
        {data && !data.blockedBy && data.items.length > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {t("programmes.pairDetail.rematch.intro", { name })}
            </Text>
            <Radio.Group value={chosen} onChange={setChosen} label={t("programmes.pairDetail.rematch.optionsLabel", { name })}>
              <Stack gap="xs" mt="xs">
                {data.items.map((option) => {
                  const details = [option.person.jobTitle, option.person.department, option.person.site].filter(Boolean).join(" · ");
                  return (
                    <Radio.Card key={option.person.id} value={option.person.id} p="sm" radius="md">
                      <Group wrap="nowrap" align="flex-start">
                        <Radio.Indicator />
                        <Stack gap={0} style={{ flex: 1 }}>
                          <Text fw={600} size="sm">
                            {personName(option.person)}
                          </Text>
                          {details && (
                            <Text size="xs" c="dimmed">
                              {details}
                            </Text>
                          )}
                        </Stack>
                        <Stack gap={0} align="flex-end">
                          <Text size="sm" fw={500}>
                            {t("programmes.pairDetail.score", { score: percent(option.score) })}
                          </Text>
                          {option.placesLeft !== null && (
                            <Text size="xs" c="dimmed">
                              {t("programmes.pairDetail.rematch.placesLeft", { count: option.placesLeft })}
                            </Text>
                          )}
                        </Stack>
                      </Group>
                    </Radio.Card>
                  );
                })}
              </Stack>
            </Radio.Group>
          </>
        )}
        <ErrorAlert error={formPair.error} />
        <FormActions
          submitLabel={t("programmes.pairDetail.rematch.confirm")}
          onSubmit={submit}
          onCancel={onClose}
          disabled={!chosen}
          loading={formPair.isPending}
          note={t("programmes.pairDetail.rematch.told")}
        />
      </Stack>
    </Modal>
  );
}

/* ---------------------------------------------------------------- history */

function HistorySection({ pair }: { pair: ManagedPairDetail }) {
  const { t } = useTranslation();
  // The server lists the events in the order they happened (timestamps may tie).
  const events = pair.history;
  if (!events.length) return null;
  return (
    <SectionCard title={t("programmes.pairDetail.history.title")}>
      <Timeline active={events.length - 1} bulletSize={18} lineWidth={2} mt="xs">
        {events.map((event, i) => (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; their order is fixed
            key={i}
            title={t(`programmes.pairDetail.history.causes.${event.cause}`, { defaultValue: t(`programmes.pairStates.${event.toState}`) })}
          >
            {isEndReason(event.reason) && (
              <Text size="sm">
                {t("programmes.pairDetail.history.reason", { reason: t(`programmes.pairs.endReasons.${event.reason}`) })}
              </Text>
            )}
            {event.note && (
              <Text size="sm" fs="italic">
                {t("programmes.pairDetail.history.note", { note: event.note })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(event.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </SectionCard>
  );
}
