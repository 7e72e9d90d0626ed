import { Alert, Badge, Button, Card, Grid, Group, NavLink, Stack, Text, Textarea, ThemeIcon, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { MAX_REFLECTION_LENGTH, type MyOnboarding, type OnboardingModule } from "../../../../contracts/onboarding.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { LabelledProgress } from "../../components/labelled-progress.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDate } from "../../lib/dates.ts";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { localized } from "../skills/index.ts";
import { MarkdownText } from "./markdown-text.tsx";
import { useAcceptCharter, useCompleteModule, useMyModuleProgress, useMyOnboarding, useOnboardingModules } from "./queries.ts";

const CHARTER = "charter";

type ModuleStatus = MyOnboarding["modules"][number];

/** What to show first: the first module not yet read, else the charter. */
function firstToRead(onboarding: MyOnboarding): string {
  return onboarding.modules.find((m) => !m.completedAt)?.id ?? CHARTER;
}

/**
 * A participant's preparation for a programme: their role's modules in reading order, each with
 * its private reflection questions, then the programme's charter to accept. The item shown lives
 * in the address (?item=…) so that a reload keeps the place.
 */
export function OnboardingPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("onboarding.title")} · Passerelle`);
  const { id = "" } = useParams();
  const onboarding = useMyOnboarding(id);
  const modules = useOnboardingModules();
  const error = onboarding.error ?? modules.error;

  return (
    <Stack>
      <Title order={1}>{t("onboarding.title")}</Title>
      <ErrorAlert error={error} />
      {onboarding.data && modules.data ? (
        <OnboardingContent onboarding={onboarding.data} texts={modules.data.items} />
      ) : (
        !error && <PageLoader />
      )}
    </Stack>
  );
}

function OnboardingContent({ onboarding, texts }: { onboarding: MyOnboarding; texts: OnboardingModule[] }) {
  const { t } = useTranslation();
  const url = useUrlState({ item: urlParam.choice([...onboarding.modules.map((m) => m.id), CHARTER]) });
  const shown = url.values.item ?? firstToRead(onboarding);
  const show = (item: string) => {
    url.set({ item });
    window.scrollTo({ top: 0 });
  };
  const index = onboarding.modules.findIndex((m) => m.id === shown);
  const status = onboarding.modules[index];
  const text = texts.find((m) => m.id === shown);

  return (
    <>
      <Text>{t(`onboarding.intro.${onboarding.role}`)}</Text>
      {onboarding.requiresOnboarding && !onboarding.isComplete && (
        <Text size="sm" c="dimmed">
          {t("onboarding.requiredNote")}
        </Text>
      )}
      {onboarding.isComplete && (
        <Alert color="teal" title={t("onboarding.complete.title")}>
          {t("onboarding.complete.message")}
        </Alert>
      )}
      <ProgressCard onboarding={onboarding} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ModuleList onboarding={onboarding} shown={shown} onShow={show} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {shown === CHARTER ? (
            <CharterView onboarding={onboarding} />
          ) : (
            status &&
            text && (
              <ModuleReader
                key={status.id}
                module={text}
                status={status}
                nextItem={onboarding.modules[index + 1]?.id ?? CHARTER}
                onShow={show}
                afterMarking={onboarding.modules.find((m) => !m.completedAt && m.id !== status.id)?.id ?? CHARTER}
              />
            )
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

function ProgressCard({ onboarding }: { onboarding: MyOnboarding }) {
  const { t } = useTranslation();
  const steps = onboarding.modulesTotal + 1;
  const done = onboarding.modulesDone + (onboarding.charterAcceptedAt ? 1 : 0);
  const percent = Math.round((100 * done) / steps);
  const summary = `${t("onboarding.progress.modules", { count: onboarding.modulesDone, total: onboarding.modulesTotal })} · ${t(
    onboarding.charterAcceptedAt ? "onboarding.progress.charterAccepted" : "onboarding.progress.charterPending",
  )}`;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={500}>{t("onboarding.progress.label")}</Text>
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
        </Group>
        <LabelledProgress
          value={percent}
          color={onboarding.isComplete ? "teal" : "indigo"}
          size="lg"
          label={t("onboarding.progress.label")}
          valueText={summary}
        />
      </Stack>
    </Card>
  );
}

function DoneIcon({ isDone, label }: { isDone: boolean; label: string | number }) {
  return (
    <ThemeIcon radius="xl" size="md" variant={isDone ? "filled" : "light"} color={isDone ? "teal" : "gray"} aria-hidden>
      {isDone ? "✓" : label}
    </ThemeIcon>
  );
}

function ModuleList({ onboarding, shown, onShow }: { onboarding: MyOnboarding; shown: string; onShow: (item: string) => void }) {
  const { t } = useTranslation();
  const allRead = onboarding.modulesDone === onboarding.modulesTotal;
  return (
    <Card withBorder padding="xs" component="nav" aria-label={t("onboarding.list.label")}>
      {onboarding.modules.map((module, i) => (
        <NavLink
          key={module.id}
          component="button"
          type="button"
          active={module.id === shown}
          aria-current={module.id === shown ? "step" : undefined}
          onClick={() => onShow(module.id)}
          label={localized(module.title)}
          description={`${t("onboarding.list.minutes", { minutes: module.minutes })} · ${t(
            module.completedAt ? "onboarding.list.done" : "onboarding.list.notDone",
          )}`}
          leftSection={<DoneIcon isDone={Boolean(module.completedAt)} label={i + 1} />}
        />
      ))}
      <NavLink
        component="button"
        type="button"
        active={shown === CHARTER}
        aria-current={shown === CHARTER ? "step" : undefined}
        onClick={() => onShow(CHARTER)}
        label={t("onboarding.list.charter")}
        description={
          onboarding.charterAcceptedAt
            ? t("onboarding.progress.charterAccepted")
            : allRead
              ? t("onboarding.progress.charterPending")
              : t("onboarding.list.charterAfterModules")
        }
        leftSection={<DoneIcon isDone={Boolean(onboarding.charterAcceptedAt)} label="§" />}
      />
    </Card>
  );
}

function ModuleReader({
  module,
  status,
  nextItem,
  onShow,
  afterMarking,
}: {
  module: OnboardingModule;
  status: ModuleStatus;
  nextItem: string;
  onShow: (item: string) => void;
  /** Where to go once this module is marked read: the next module not yet read, else the charter. */
  afterMarking: string;
}) {
  const { t } = useTranslation();
  const progress = useMyModuleProgress(module.id);
  return (
    <Stack>
      <Card withBorder component="article" aria-labelledby={`module-${module.id}`}>
        <Stack gap="sm">
          <Title order={2} id={`module-${module.id}`}>
            {localized(module.title)}
          </Title>
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {t("onboarding.reader.minutes", { minutes: module.minutes })}
            </Badge>
            {status.completedAt && (
              <Badge variant="light" color="teal">
                {t("onboarding.reader.readOn", { date: formatDate(status.completedAt) })}
              </Badge>
            )}
          </Group>
          <Text c="dimmed">{localized(module.summary)}</Text>
          <MarkdownText>{localized(module.body)}</MarkdownText>
        </Stack>
      </Card>
      <SectionCard title={t("onboarding.reader.reflections")} description={t("onboarding.reader.privacy")}>
        <ErrorAlert error={progress.error} />
        {progress.data ? (
          <ReflectionForm
            module={module}
            initial={progress.data.reflections}
            isRead={Boolean(status.completedAt)}
            nextItem={nextItem}
            onShow={onShow}
            afterMarking={afterMarking}
          />
        ) : (
          !progress.error && <PageLoader />
        )}
      </SectionCard>
    </Stack>
  );
}

function ReflectionForm({
  module,
  initial,
  isRead,
  nextItem,
  onShow,
  afterMarking,
}: {
  module: OnboardingModule;
  initial: string[];
  isRead: boolean;
  nextItem: string;
  onShow: (item: string) => void;
  /** Where to go once this module is marked read: the next module not yet read, else the charter. */
  afterMarking: string;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState(() => module.questions.map((_, i) => initial[i] ?? ""));
  const complete = useCompleteModule(module.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate(answers, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t(isRead ? "onboarding.reader.saved" : "onboarding.reader.marked") });
        if (!isRead) onShow(afterMarking);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {module.questions.map((question, i) => (
          <Textarea
            key={question.fr}
            label={localized(question)}
            description={t("onboarding.reader.answerLabel")}
            value={answers[i] ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setAnswers((current) => current.map((answer, j) => (j === i ? value : answer)));
            }}
            maxLength={MAX_REFLECTION_LENGTH}
            autosize
            minRows={2}
            maxRows={8}
          />
        ))}
        <ErrorAlert error={complete.error} />
        <Group justify="flex-end">
          {isRead && (
            <Button variant="default" onClick={() => onShow(nextItem)}>
              {t(nextItem === CHARTER ? "onboarding.reader.toCharter" : "onboarding.reader.next")}
            </Button>
          )}
          <Button type="submit" loading={complete.isPending}>
            {t(isRead ? "onboarding.reader.saveReflections" : "onboarding.reader.markAsRead")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CharterView({ onboarding }: { onboarding: MyOnboarding }) {
  const { t } = useTranslation();
  const accept = useAcceptCharter(onboarding.programmeId);
  const allRead = onboarding.modulesDone === onboarding.modulesTotal;
  return (
    <Card withBorder component="section" aria-label={t("onboarding.charter.title")}>
      <Stack>
        <Text c="dimmed">{t("onboarding.charter.intro")}</Text>
        <MarkdownText>{localized(onboarding.charter)}</MarkdownText>
        {onboarding.charterAcceptedAt ? (
          <Alert color="teal">{t("onboarding.charter.acceptedOn", { date: formatDate(onboarding.charterAcceptedAt) })}</Alert>
        ) : (
          <>
            {!allRead && <Alert color="blue">{t("onboarding.charter.readModulesFirst")}</Alert>}
            <ErrorAlert error={accept.error} />
            <Group justify="flex-end">
              <Button
                disabled={!allRead}
                loading={accept.isPending}
                onClick={() =>
                  accept.mutate(undefined, {
                    onSuccess: () => {
                      notifications.show({ color: "green", message: t("onboarding.charter.accepted") });
                      // The completion message is at the top of the page.
                      window.scrollTo({ top: 0 });
                    },
                  })
                }
              >
                {t("onboarding.charter.accept")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
