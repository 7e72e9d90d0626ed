import { Alert, Anchor, Avatar, Button, Divider, Group, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from "@mantine/core";
import { TimePicker } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { z } from "zod";
import {
  END_REASONS,
  type EndReason,
  INTRO_PLACE_MAX_LENGTH,
  IntroBody,
  type Pair,
  REASON_MAX_LENGTH,
} from "../../../../contracts/pairs.ts";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import { DateField } from "../../components/date-field.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { LabelledProgress } from "../../components/labelled-progress.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { ApiError } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/dates.ts";
import dayjs from "../../lib/dayjs.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { FitBadge, MatchReasons } from "./match-reasons.tsx";
import { isOpenPair, myOnboarding, PairStateBadge, partnerFirstName, partnerOf, partnerOnboarding } from "./pair-status.tsx";
import { useAnswerIntro, useCompletePair, useEndPair, usePair, useScheduleIntro } from "./queries.ts";

const isEndReason = (reason: string | null): reason is EndReason => (END_REASONS as readonly (string | null)[]).includes(reason);

const isLink = (place: string) => /^https?:\/\//i.test(place);

/**
 * One of my pairs: who my partner is and why we were matched, then the step we are at — the intro
 * coffee to schedule and answer after, the running pair (preparation gate, complete or stop), or
 * why it closed — and its history.
 */
export function PairPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const pair = usePair(id);
  const name = pair.data ? personName(partnerOf(pair.data)) : "";
  useDocumentTitle(`${name ? t("pairs.page.title", { name }) : t("pairs.list.title")} · Passerelle`);
  const isMissing = pair.error instanceof ApiError && (pair.error.status === 404 || pair.error.status === 400);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/pairs" size="sm">
        {t("pairs.page.back")}
      </Anchor>
      {isMissing ? <Alert color="yellow">{t("pairs.page.notFound")}</Alert> : <ErrorAlert error={pair.error} />}
      {pair.isPending && <PageLoader />}
      {pair.data && <PairContent pair={pair.data} />}
    </Stack>
  );
}

function PairContent({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const partner = partnerOf(pair);
  const name = personName(partner);
  const isOpen = isOpenPair(pair);
  return (
    <>
      <Stack gap={4}>
        <Group justify="space-between" align="center">
          <Title order={1}>{t("pairs.page.title", { name })}</Title>
          <PairStateBadge state={pair.state} size="lg" />
        </Group>
        <Text c="dimmed">{t("pairs.page.subtitle", { programme: pair.programme.name, role: t(`pairs.myRole.${pair.myRole}`) })}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SectionCard title={t(`pairs.partnerRole.${pair.myRole}`)}>
          <Group wrap="nowrap">
            <Avatar name={name} color="initials" size="lg" aria-hidden />
            <div>
              <Text fw={600} size="lg">
                {name}
              </Text>
              <Text size="sm" c="dimmed">
                {partner.department ?? t("pairs.page.noDepartment")}
              </Text>
            </div>
          </Group>
        </SectionCard>
        <WhyMatched pair={pair} />
      </SimpleGrid>
      {pair.state === "intro" && <IntroSection pair={pair} />}
      {pair.state === "active" && <ActiveSection pair={pair} />}
      {pair.state === "intro" && pair.programme.requiresOnboarding && <OnboardingPanel pair={pair} />}
      {!isOpen && <ClosedSection pair={pair} />}
      <HistorySection pair={pair} />
    </>
  );
}

function WhyMatched({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const fromProposal = pair.origin === "proposal";
  return (
    <SectionCard title={t("pairs.match.title")} description={fromProposal ? undefined : t("pairs.match.byEngine")}>
      <Stack gap="xs">
        {fromProposal && <Text size="sm">{t(`pairs.match.fromProposal.${pair.myRole}`, { name: personName(partnerOf(pair)) })}</Text>}
        {pair.fit !== null && (
          <Group gap="xs">
            <FitBadge fit={pair.fit} />
          </Group>
        )}
        <MatchReasons reasons={pair.reasons} />
      </Stack>
    </SectionCard>
  );
}

/* ---------------------------------------------------------------- intro */

function IntroSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const [isMoving, setMoving] = useState(false);
  const name = partnerFirstName(pair);
  return (
    <SectionCard title={t("pairs.intro.title")} description={t("pairs.intro.description")}>
      <Stack>
        <Title order={3} size="h5">
          {t("pairs.intro.scheduleStep")}
        </Title>
        {pair.intro.at && !isMoving ? (
          <Group justify="space-between" align="flex-end">
            <ScheduledIntro at={pair.intro.at} place={pair.intro.place} />
            <Button variant="default" onClick={() => setMoving(true)}>
              {t("pairs.intro.move")}
            </Button>
          </Group>
        ) : (
          <>
            {!pair.intro.at && <Text size="sm">{t("pairs.intro.scheduleHelp", { name })}</Text>}
            <IntroForm pair={pair} onDone={() => setMoving(false)} onCancel={pair.intro.at ? () => setMoving(false) : undefined} />
          </>
        )}
        <Divider />
        <Title order={3} size="h5">
          {t("pairs.intro.answerStep")}
        </Title>
        {pair.myIntroAnswer ? (
          <Alert color="blue" title={t("pairs.intro.answeredTitle")}>
            {t("pairs.intro.waiting", { name })}
          </Alert>
        ) : (
          <IntroAnswer pair={pair} />
        )}
      </Stack>
    </SectionCard>
  );
}

function ScheduledIntro({ at, place }: { at: string; place: string | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={600}>{t("pairs.intro.scheduledOn", { date: formatDateTime(at, "full") })}</Text>
      {place && (
        <Text size="sm">
          {isLink(place) ? (
            <>
              {t("pairs.intro.link")}{" "}
              <Anchor href={place} target="_blank" rel="noreferrer">
                {place}
              </Anchor>
            </>
          ) : (
            t("pairs.intro.place", { place })
          )}
        </Text>
      )}
    </Stack>
  );
}

const IntroFormSchema = z.object({
  date: z.string({ error: "fields.required" }).min(1, { error: "fields.required" }),
  time: z.string({ error: "fields.required" }).regex(/^\d{2}:\d{2}/, { error: "fields.required" }),
  place: IntroBody.shape.place,
});

function IntroForm({ pair, onDone, onCancel }: { pair: Pair; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const schedule = useScheduleIntro(pair.id);
  const at = pair.intro.at ? dayjs(pair.intro.at) : null;
  const form = useForm<{ date: string; time: string; place: string }>({
    initialValues: { date: at?.format("YYYY-MM-DD") ?? "", time: at?.format("HH:mm") ?? "", place: pair.intro.place ?? "" },
    validate: zodValidate(IntroFormSchema),
  });
  const name = partnerFirstName(pair);
  const submit = form.onSubmit((values) => {
    // Local date and time as picked, sent with this browser's UTC offset.
    const when = dayjs(`${values.date}T${values.time.slice(0, 5)}`);
    schedule.mutate(
      { at: when.format(), place: values.place.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("pairs.intro.saved", { name }) });
          onDone();
        },
        onError: (error) => setServerFieldErrors(form, error),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={schedule.error} />
        <Group align="flex-start">
          <DateField
            label={t("pairs.intro.date")}
            placeholder={t("pairs.intro.datePlaceholder")}
            // A coffee that took place last week may be recorded late; not one from long ago.
            minDate={dayjs().subtract(7, "day").format("YYYY-MM-DD")}
            ariaLabels={{
              nextMonth: t("pairs.intro.nextMonth"),
              previousMonth: t("pairs.intro.previousMonth"),
              monthLevelControl: t("pairs.intro.chooseMonth"),
              yearLevelControl: t("pairs.intro.chooseYear"),
              nextYear: t("pairs.intro.nextYear"),
              previousYear: t("pairs.intro.previousYear"),
              nextDecade: t("pairs.intro.nextDecade"),
              previousDecade: t("pairs.intro.previousDecade"),
            }}
            w={{ base: "100%", sm: 200 }}
            {...form.getInputProps("date")}
          />
          <TimePicker
            label={t("pairs.intro.time")}
            hoursInputLabel={t("pairs.intro.hours")}
            minutesInputLabel={t("pairs.intro.minutes")}
            minutesStep={5}
            withDropdown
            w={140}
            {...form.getInputProps("time")}
          />
        </Group>
        <TextInput
          label={t("pairs.intro.placeLabel")}
          description={t("pairs.intro.placeHelp")}
          placeholder={t("pairs.intro.placePlaceholder")}
          maxLength={INTRO_PLACE_MAX_LENGTH}
          {...form.getInputProps("place")}
        />
        <FormActions
          submitLabel={t(pair.intro.at ? "pairs.intro.saveMove" : "pairs.intro.save")}
          loading={schedule.isPending}
          onCancel={onCancel}
          note={t("pairs.intro.partnerTold", { name })}
        />
      </Stack>
    </form>
  );
}

function IntroAnswer({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const answer = useAnswerIntro(pair.id);
  const [notFitOpened, notFit] = useDisclosure();
  const name = partnerFirstName(pair);
  return (
    <Stack gap="sm">
      <Text size="sm">{t("pairs.intro.answerHelp")}</Text>
      <ErrorAlert error={notFitOpened ? null : answer.error} />
      <Group>
        <Button
          color="green"
          loading={answer.isPending && answer.variables?.isFit === true}
          disabled={answer.isPending}
          onClick={() =>
            answer.mutate(
              { isFit: true },
              { onSuccess: () => notifications.show({ color: "green", message: t("pairs.intro.fitSent", { name }) }) },
            )
          }
        >
          {t("pairs.intro.fit")}
        </Button>
        <Button variant="default" onClick={notFit.open} disabled={answer.isPending}>
          {t("pairs.intro.notFit")}
        </Button>
      </Group>
      <ConfirmWithReasonDialog
        opened={notFitOpened}
        onClose={notFit.close}
        title={t("pairs.intro.notFitTitle")}
        text={t("pairs.intro.notFitText")}
        note={{
          label: t("pairs.intro.notFitReason"),
          description: t("pairs.intro.notFitPrivacy", { name }),
          maxLength: REASON_MAX_LENGTH,
          field: "reason",
        }}
        confirmLabel={t("pairs.intro.notFitConfirm")}
        loading={answer.isPending}
        error={notFitOpened ? answer.error : null}
        onConfirm={({ note }) =>
          answer.mutate(
            { isFit: false, reason: note },
            {
              onSuccess: () => {
                notifications.show({ message: t("pairs.intro.notFitSent") });
                notFit.close();
              },
            },
          )
        }
      />
    </Stack>
  );
}

/* ---------------------------------------------------------------- active */

function ActiveSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const [completing, complete] = useDisclosure();
  const [ending, end] = useDisclosure();
  const completePair = useCompletePair(pair.id);
  const endPair = useEndPair(pair.id);
  const name = partnerFirstName(pair);
  return (
    <SectionCard title={t("pairs.active.title")}>
      <Stack>
        {pair.canStartSessions ? (
          <Alert color="green" title={t("pairs.active.readyTitle")}>
            {t("pairs.active.ready")}
          </Alert>
        ) : (
          <>
            <Alert color="yellow" title={t("pairs.active.gateTitle")}>
              {t("pairs.active.gate")}
            </Alert>
            <OnboardingProgress pair={pair} />
          </>
        )}
        <Divider />
        <Title order={3} size="h5">
          {t("pairs.active.endTitle")}
        </Title>
        {pair.iAgreedToComplete ? (
          <Text size="sm">{t("pairs.active.waitingCompletion", { name })}</Text>
        ) : pair.partnerAgreedToComplete ? (
          <Alert color="blue">{t("pairs.active.partnerAsks", { name })}</Alert>
        ) : (
          <Text size="sm">{t("pairs.active.endHelp", { name })}</Text>
        )}
        <Group>
          <Button onClick={complete.open} disabled={pair.iAgreedToComplete}>
            {t(pair.iAgreedToComplete ? "pairs.active.completeAsked" : "pairs.active.complete")}
          </Button>
          <Button color="red" variant="light" onClick={end.open}>
            {t("pairs.active.end")}
          </Button>
        </Group>
      </Stack>
      <ConfirmWithReasonDialog
        opened={completing}
        onClose={complete.close}
        title={t("pairs.active.completeTitle")}
        text={t(pair.partnerAgreedToComplete ? "pairs.active.completeLast" : "pairs.active.completeFirst", { name })}
        confirmLabel={t("pairs.active.completeConfirm")}
        destructive={false}
        loading={completePair.isPending}
        error={completePair.error}
        onConfirm={() =>
          completePair.mutate(undefined, {
            onSuccess: (result) => {
              notifications.show({
                color: "green",
                message: t(result.state === "completed" ? "pairs.active.completed" : "pairs.active.completionAsked", { name }),
              });
              complete.close();
            },
          })
        }
      />
      <ConfirmWithReasonDialog<EndReason>
        opened={ending}
        onClose={end.close}
        title={t("pairs.active.endModalTitle")}
        text={t("pairs.active.endText", { name })}
        reasons={{
          label: t("pairs.active.endReason"),
          options: END_REASONS.map((reason) => ({ value: reason, label: t(`pairs.endReasons.${reason}`) })),
          required: true,
        }}
        note={{ label: t("pairs.active.endNote"), description: t("pairs.active.endNoteHelp", { name }), maxLength: REASON_MAX_LENGTH }}
        confirmLabel={t("pairs.active.endConfirm")}
        loading={endPair.isPending}
        error={endPair.error}
        onConfirm={({ reason, note }) =>
          endPair.mutate(
            { reason: reason as EndReason, note },
            {
              onSuccess: () => {
                notifications.show({ message: t("pairs.active.ended") });
                end.close();
              },
            },
          )
        }
      />
    </SectionCard>
  );
}

/* ---------------------------------------------------------------- onboarding gate */

/** While the intro goes on: each one's preparation, which the programme requires before sessions. */
function OnboardingPanel({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t("pairs.onboarding.title")} description={t("pairs.onboarding.description")}>
      <OnboardingProgress pair={pair} />
    </SectionCard>
  );
}

/** My preparation and my partner's (modules read, charter), with the way to mine. */
function OnboardingProgress({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const mine = myOnboarding(pair);
  const rows = [
    { key: "me", label: t("pairs.onboarding.me"), progress: mine },
    { key: "partner", label: personName(partnerOf(pair)), progress: partnerOnboarding(pair) },
  ];
  return (
    <Stack>
      {rows.map(({ key, label, progress }) => {
        const status = progress.isComplete
          ? t("pairs.onboarding.complete")
          : progress.modulesDone >= progress.modulesTotal
            ? t("pairs.onboarding.charterLeft")
            : t("pairs.onboarding.modules", { count: progress.modulesDone, total: progress.modulesTotal });
        return (
          <Stack key={key} gap={4}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={500}>
                {label}
              </Text>
              <Text size="sm" c={progress.isComplete ? "teal" : "dimmed"}>
                {status}
              </Text>
            </Group>
            <LabelledProgress
              // The charter is the last step: all modules read without it is not 100 %.
              value={progress.isComplete ? 100 : (100 * progress.modulesDone) / (progress.modulesTotal + 1)}
              color={progress.isComplete ? "teal" : "indigo"}
              label={t("pairs.onboarding.progressOf", { name: label })}
              valueText={status}
            />
          </Stack>
        );
      })}
      <Group>
        <Button component={Link} to={`/programmes/${pair.programme.id}/onboarding`} variant={mine.isComplete ? "default" : "filled"}>
          {t(mine.isComplete ? "pairs.onboarding.review" : "pairs.onboarding.continue")}
        </Button>
      </Group>
    </Stack>
  );
}

/* ---------------------------------------------------------------- closed, history */

function ClosedSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const last = [...pair.history].reverse().find((event) => event.toState === pair.state);
  if (pair.state === "not_a_fit")
    return (
      <Alert color="orange" title={t("pairs.closed.notAFitTitle")}>
        {t("pairs.closed.notAFit")}
      </Alert>
    );
  if (pair.state === "completed")
    return (
      <Alert color="teal" title={t("pairs.closed.completedTitle")}>
        {t(last?.cause === "programme_closed" ? "pairs.closed.completedByClosing" : "pairs.closed.completed")}
      </Alert>
    );
  return (
    <Alert color="gray" title={t("pairs.closed.endedTitle")}>
      {last?.cause === "programme_closed"
        ? t("pairs.closed.endedByClosing")
        : last && isEndReason(last.reason)
          ? t("pairs.closed.endedWithReason", { reason: t(`pairs.endReasons.${last.reason}`) })
          : t("pairs.closed.ended")}
    </Alert>
  );
}

function HistorySection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  // The server lists the events in the order they happened (timestamps may tie).
  const events = pair.history;
  if (!events.length) return null;
  return (
    <SectionCard title={t("pairs.history.title")}>
      <Timeline active={events.length - 1} bulletSize={18} lineWidth={2} mt="xs">
        {events.map((event, i) => (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; their order is fixed
            key={i}
            title={t(`pairs.history.causes.${event.cause}`, { defaultValue: t(`pairs.states.${event.toState}`) })}
          >
            {isEndReason(event.reason) && (
              <Text size="sm">{t("pairs.history.reason", { reason: t(`pairs.endReasons.${event.reason}`) })}</Text>
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
