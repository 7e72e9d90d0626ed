import {
  Accordion,
  Alert,
  Anchor,
  Avatar,
  Button,
  Divider,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { TimePicker } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { z } from "zod";
import {
  END_REASONS,
  type EndReason,
  INTRO_PLACE_MAX_LENGTH,
  IntroBody,
  type IntroSlot,
  type IntroSlots,
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
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { DEFAULT_TIME_ZONE, formatInZone, instantInZone, partsInZone, todayInZone } from "../../lib/zoned-time.ts";
import { GlossaryButton } from "../glossary/index.ts";
import { GoalsSection } from "../goals/index.ts";
import { LearningJournal, ResourcesSection } from "../session-notes/index.ts";
import { SessionsSection } from "../sessions/index.ts";
import { FitBadge, MatchReasons } from "./match-reasons.tsx";
import { isOpenPair, myOnboarding, PairStateBadge, partnerFirstName, partnerOf, partnerOnboarding } from "./pair-status.tsx";
import { useAnswerIntro, useCompletePair, useEndPair, useIntroSlots, usePair, useScheduleIntro } from "./queries.ts";

const isEndReason = (reason: string | null): reason is EndReason => (END_REASONS as readonly (string | null)[]).includes(reason);

const isLink = (place: string) => /^https?:\/\//i.test(place);

/**
 * One of my pairs, as the pair's workspace. Always: who my partner is and how to reach them, the glossary
 * at hand, why we were matched and the pair's history (lower down, folded). At the intro coffee: the coffee
 * to schedule (from three proposed times, in my time zone) and to answer after, and the preparation. Once
 * the pair has run: the sessions and their agendas, the goals both ways, the resources and open action
 * items, my learning journal (each from its own feature), then completing or stopping the pair. Closed:
 * why it closed.
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

/** The pair has run (active now, or before it completed or ended): its workspace has something to show. */
function hasRun(pair: Pair): boolean {
  return pair.state === "active" || pair.state === "completed" || pair.history.some((event) => event.toState === "active");
}

function PairContent({ pair }: { pair: Pair }) {
  const isOpen = isOpenPair(pair);
  const workspace = hasRun(pair);
  return (
    <>
      <PairHeader pair={pair} />
      {!isOpen && <ClosedSection pair={pair} />}
      {pair.state === "active" && <ReadinessSection pair={pair} />}
      {workspace ? (
        <>
          <PartnerCard pair={pair} />
          <SessionsSection pair={pair} />
          <GoalsSection pair={pair} />
          <ResourcesSection pair={pair} />
          <LearningJournal pair={pair} />
          <SimpleGrid cols={{ base: 1, md: pair.state === "active" ? 2 : 1 }}>
            {pair.state === "active" && <EndSection pair={pair} />}
            <WhyMatched pair={pair} />
          </SimpleGrid>
        </>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <PartnerCard pair={pair} />
            <WhyMatched pair={pair} />
          </SimpleGrid>
          {pair.state === "intro" && <IntroSection pair={pair} />}
          {pair.state === "intro" && pair.programme.requiresOnboarding && <OnboardingPanel pair={pair} />}
        </>
      )}
      <HistorySection pair={pair} />
    </>
  );
}

/** The pair's name, its state, the programme and my role in it, and the glossary at hand. */
function PairHeader({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const name = personName(partnerOf(pair));
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="center" gap="sm">
        <Group gap="sm" align="center">
          <Title order={1}>{t("pairs.page.title", { name })}</Title>
          <PairStateBadge state={pair.state} size="lg" />
        </Group>
        <GlossaryButton />
      </Group>
      <Text c="dimmed">{t("pairs.page.subtitle", { programme: pair.programme.name, role: t(`pairs.myRole.${pair.myRole}`) })}</Text>
    </Stack>
  );
}

/** One line of the partner's details: a term and its value (a `<dt>`/`<dd>` of the card's list). */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

/** Who my partner is and how to reach them: their work email, job title, department and site (the HR directory's). */
function PartnerCard({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const partner = partnerOf(pair);
  const name = personName(partner);
  const { email, jobTitle, department, site } = pair.partner;
  const missing = t("pairs.partner.notProvided");
  return (
    <SectionCard title={t(`pairs.partnerRole.${pair.myRole}`)}>
      <Stack gap="md">
        <Group wrap="nowrap">
          <Avatar name={name} color="initials" size="lg" aria-hidden />
          <div>
            <Text fw={600} size="lg">
              {name}
            </Text>
            <Text size="sm" c="dimmed">
              {jobTitle ?? t("pairs.partner.noJobTitle")}
            </Text>
          </div>
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="sm" verticalSpacing="xs" m={0}>
          <Detail label={t("pairs.partner.email")}>
            {email ? (
              <Anchor href={`mailto:${email}`} aria-label={t("pairs.partner.writeTo", { name, email })}>
                {email}
              </Anchor>
            ) : (
              missing
            )}
          </Detail>
          <Detail label={t("pairs.partner.department")}>{department ?? partner.department ?? missing}</Detail>
          <Detail label={t("pairs.partner.site")}>{site ?? missing}</Detail>
        </SimpleGrid>
      </Stack>
    </SectionCard>
  );
}

function WhyMatched({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const fromProposal = pair.origin === "proposal";
  return (
    <SectionCard
      title={t("pairs.match.title")}
      description={fromProposal ? undefined : t(pair.origin === "manual" ? "pairs.match.byManager" : "pairs.match.byEngine")}
    >
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
  // The proposed times come with my time zone: the coffee is shown, and picked, on its clock.
  const slots = useIntroSlots(pair.id, true);
  const zone = slots.data?.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <SectionCard title={t("pairs.intro.title")} description={t("pairs.intro.description")}>
      <Stack>
        <Title order={3} size="h5">
          {t("pairs.intro.scheduleStep")}
        </Title>
        {slots.isPending ? (
          <Loader size="sm" aria-label={t("common.loading")} />
        ) : pair.intro.at && !isMoving ? (
          <Group justify="space-between" align="flex-end">
            <ScheduledIntro at={pair.intro.at} place={pair.intro.place} zone={zone} />
            <Button variant="default" onClick={() => setMoving(true)}>
              {t("pairs.intro.move")}
            </Button>
          </Group>
        ) : (
          <>
            {!pair.intro.at && <Text size="sm">{t("pairs.intro.scheduleHelp", { name })}</Text>}
            <IntroForm
              pair={pair}
              slots={slots.data}
              zone={zone}
              onDone={() => setMoving(false)}
              onCancel={pair.intro.at ? () => setMoving(false) : undefined}
            />
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

function ScheduledIntro({ at, place, zone }: { at: string; place: string | null; zone: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={600}>{t("pairs.intro.scheduledOn", { date: formatInZone(at, zone) })}</Text>
      <Text size="sm" c="dimmed">
        {t("sessions.zone", { zone })}
      </Text>
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

/** The intro form's values: a date and a time as picked (on my time zone's clock), and the link or place. */
type IntroValues = { date: string; time: string; place: string };

const IntroFormSchema = z.object({
  date: z.string({ error: "fields.required" }).min(1, { error: "fields.required" }),
  time: z.string({ error: "fields.required" }).regex(/^\d{2}:\d{2}/, { error: "fields.required" }),
  place: IntroBody.shape.place,
});

/**
 * The moment picked, read in `zone` (my time zone, not the browser's), with that zone's offset on that day
 * ("2026-12-20T14:30:00+01:00"); null while the date or the time is missing.
 */
function pickedMoment(values: Pick<IntroValues, "date" | "time">, zone: string): string | null {
  if (!values.date || !/^\d{2}:\d{2}/.test(values.time)) return null;
  const at = instantInZone(values.date, values.time, zone);
  return Number.isNaN(Date.parse(at)) ? null : at;
}

/**
 * The form's rules: the contract's, and the server's own (checkIntroTime) said before sending: a moment to
 * come, on one of the programme's days. The server says it again, in the same words.
 */
function introValidate(programme: Pair["programme"], zone: string) {
  const schema = IntroFormSchema.superRefine((values, ctx) => {
    const at = pickedMoment(values, zone);
    if (!at) return;
    if (Date.parse(at) < Date.now()) ctx.addIssue({ code: "custom", path: ["date"], message: "fields.introInPast" });
    else if (values.date < programme.startsOn || values.date > programme.endsOn)
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message: "fields.introOutsideProgramme",
        params: { startsOn: new Date(`${programme.startsOn}T00:00:00Z`), endsOn: new Date(`${programme.endsOn}T00:00:00Z`) },
      });
  });
  return zodValidate(schema);
}

function IntroForm({
  pair,
  slots,
  zone,
  onDone,
  onCancel,
}: {
  pair: Pair;
  slots: IntroSlots | undefined;
  /** My time zone: the date and time are picked, and the proposed times shown, on its clock. */
  zone: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const schedule = useScheduleIntro(pair.id);
  const at = pair.intro.at ? partsInZone(pair.intro.at, zone) : null;
  const form = useForm<IntroValues>({
    initialValues: { date: at?.date ?? "", time: at?.time ?? "", place: pair.intro.place ?? "" },
    validate: introValidate(pair.programme, zone),
  });
  const picked = pickedMoment(form.values, zone);
  const chosen = picked ? slots?.items.find((slot) => Date.parse(slot.startsAt) === Date.parse(picked)) : undefined;
  const mode = chosen?.mode ?? (slots?.format === "online" ? "online" : slots?.format === "in_person" ? "in_person" : null);
  const name = partnerFirstName(pair);
  const today = todayInZone(zone);
  const submit = form.onSubmit((values) => {
    // The day and time as picked in my time zone, sent with that zone's offset on that day.
    schedule.mutate(
      { at: instantInZone(values.date, values.time, zone), place: values.place.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("pairs.intro.saved", { name }) });
          onDone();
        },
        onError: (error) => {
          setServerFieldErrors(form, error);
          // The API names the moment `at`: it is the date and time picked here.
          if (error instanceof ApiError)
            for (const issue of error.details) if (issue.path === "at") form.setFieldError("date", issue.message);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={schedule.error} />
        <ProposedSlots
          pair={pair}
          slots={slots}
          zone={zone}
          chosen={chosen}
          onChoose={(slot) => {
            form.setValues(partsInZone(slot.startsAt, zone));
            form.clearFieldError("date");
            form.clearFieldError("time");
          }}
        />
        <Group align="flex-start">
          <DateField
            label={t("pairs.intro.date")}
            placeholder={t("pairs.intro.datePlaceholder")}
            // A moment to come, within the programme (the API refuses any other).
            minDate={today > pair.programme.startsOn ? today : pair.programme.startsOn}
            maxDate={pair.programme.endsOn}
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
        <Text size="sm" c="dimmed" mt={-8}>
          {t("sessions.zone", { zone })}
        </Text>
        <TextInput
          label={t("pairs.intro.placeLabel")}
          description={t(
            mode === "online"
              ? "pairs.intro.placeHelpOnline"
              : mode === "in_person"
                ? "pairs.intro.placeHelpInPerson"
                : "pairs.intro.placeHelp",
          )}
          placeholder={t(
            mode === "online"
              ? "pairs.intro.placePlaceholderOnline"
              : mode === "in_person"
                ? "pairs.intro.placePlaceholderInPerson"
                : "pairs.intro.placePlaceholder",
          )}
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

/**
 * The three times the app proposes (both people's availability, the programme's format): one click fills
 * the date and the time; the fields below stay free for any other moment.
 */
function ProposedSlots({
  pair,
  slots,
  zone,
  chosen,
  onChoose,
}: {
  pair: Pair;
  slots: IntroSlots | undefined;
  zone: string;
  chosen: IntroSlot | undefined;
  onChoose: (slot: IntroSlot) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (!slots) return null;
  const name = partnerFirstName(pair);
  if (!slots.items.length) return <Text size="sm">{t("pairs.intro.slots.none")}</Text>;
  return (
    <Stack gap="xs">
      <div>
        <Text fw={500} size="sm" id={id}>
          {t("pairs.intro.slots.title")}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`pairs.intro.slots.basis.${slots.basis}`, { name })}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" role="group" aria-labelledby={id}>
        {slots.items.map((slot) => {
          const isChosen = slot === chosen;
          return (
            <Button
              key={slot.startsAt}
              variant={isChosen ? "light" : "default"}
              aria-pressed={isChosen}
              onClick={() => onChoose(slot)}
              h="auto"
              py={6}
              styles={{ label: { whiteSpace: "normal", flexDirection: "column", alignItems: "flex-start", textAlign: "left" } }}
              justify="flex-start"
            >
              <Text span size="sm" fw={600} inherit>
                {formatInZone(slot.startsAt, zone)}
              </Text>
              <Text span size="xs" c="dimmed">
                {t(`pairs.intro.slots.modes.${slot.mode}`)}
              </Text>
            </Button>
          );
        })}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t("pairs.intro.slots.other")}
      </Text>
    </Stack>
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

/** The running pair: ready for sessions, or waiting for the preparation the programme requires. */
function ReadinessSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  if (pair.canStartSessions)
    return (
      <Alert color="green" title={t("pairs.active.title")}>
        {t("pairs.active.ready")}
      </Alert>
    );
  return (
    <SectionCard title={t("pairs.active.title")}>
      <Stack>
        <Alert color="yellow" title={t("pairs.active.gateTitle")}>
          {t("pairs.active.gate")}
        </Alert>
        <OnboardingProgress pair={pair} />
      </Stack>
    </SectionCard>
  );
}

/** Completing the pair (both agree) or stopping it early (with a reason). */
function EndSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const [completing, complete] = useDisclosure();
  const [ending, end] = useDisclosure();
  const completePair = useCompletePair(pair.id);
  const endPair = useEndPair(pair.id);
  const name = partnerFirstName(pair);
  return (
    <SectionCard title={t("pairs.active.endTitle")}>
      <Stack>
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

/** The pair's history, folded at the foot of the page. */
function HistorySection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  // The server lists the events in the order they happened (timestamps may tie).
  const events = pair.history;
  if (!events.length) return null;
  return (
    <Accordion variant="contained" chevronPosition="right" order={2}>
      <Accordion.Item value="history">
        <Accordion.Control fw={600}>{t("pairs.history.title")}</Accordion.Control>
        <Accordion.Panel>
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
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
