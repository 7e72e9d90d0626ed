import { Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Programme, ProgrammePhase } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { ApiError } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { hasAnyRole, useCurrentUser } from "../auth/index.ts";
import { OnboardingCompletion } from "../onboarding/index.ts";
import { EnrolmentTab } from "./enrolment-tab.tsx";
import { PhaseBadge } from "./labels.tsx";
import { MatchingTab } from "./matching-tab.tsx";
import { PairsTab } from "./pairs-tab.tsx";
import { ParticipantView } from "./participant-view.tsx";
import { MyEnrolmentBadges } from "./participation.tsx";
import { PhaseControl } from "./phase-control.tsx";
import { useProgramme } from "./queries.ts";
import { SettingsTab } from "./settings-tab.tsx";

const TABS = ["settings", "enrolment", "matching", "pairs", "onboarding"] as const;
type Tab = (typeof TABS)[number];

/** The tab a manager most likely wants in each phase, when the address names none. */
const DEFAULT_TAB: Record<ProgrammePhase, Tab> = {
  draft: "settings",
  enrolment: "enrolment",
  matching: "matching",
  running: "pairs",
  closed: "pairs",
};

/** A programme: the managers' workspace (phase, settings, enrolment, matching, pairs, preparation) or the participant's view. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const programme = useProgramme(id);
  const me = useCurrentUser();
  const isManager = hasAnyRole(me, ["admin", "manager"]);
  useDocumentTitle(`${programme.data?.name ?? t("programmes.title")} · Passerelle`);
  // An id that is not even a uuid is answered 400: for the person, it is just as missing.
  const isMissing = programme.error instanceof ApiError && (programme.error.status === 404 || programme.error.status === 400);

  return (
    <Stack>
      <Anchor component={Link} to="/programmes" size="sm">
        {t("programmes.back")}
      </Anchor>
      {isMissing ? (
        <Stack align="flex-start">
          <Title order={1}>{t("programmes.notFound.title")}</Title>
          <Text>{t("programmes.notFound.text")}</Text>
          <Button component={Link} to="/programmes" variant="light">
            {t("programmes.notFound.back")}
          </Button>
        </Stack>
      ) : (
        <ErrorAlert error={programme.error} />
      )}
      {programme.isPending && <PageLoader />}
      {programme.data && (isManager ? <ManagerView programme={programme.data} /> : <ParticipantView programme={programme.data} />)}
    </Stack>
  );
}

function ManagerView({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const url = useUrlState({ tab: urlParam.choice(TABS) });
  const tab = url.values.tab ?? DEFAULT_TAB[programme.phase];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={1}>{programme.name}</Title>
            <PhaseBadge phase={programme.phase} size="lg" />
          </Group>
          <Text c="dimmed">
            {t("programmes.dateRange", { start: formatDate(programme.startsOn), end: formatDate(programme.endsOn) })}
            {" · "}
            {programme.isPilot
              ? programme.targetPairs === null
                ? t("programmes.pilot")
                : t("programmes.pilotProgress", { count: programme.targetPairs, open: programme.openPairs })
              : t("programmes.openPairs", { count: programme.openPairs })}
            {" · "}
            {t("programmes.enrolledCounts", { mentors: programme.enrolled.mentor, mentees: programme.enrolled.mentee })}
          </Text>
          {programme.myEnrolment && (
            <Group gap="xs">
              <Text size="sm">{t("programmes.alsoParticipant")}</Text>
              <MyEnrolmentBadges enrolment={programme.myEnrolment} />
            </Group>
          )}
        </Stack>
        <PhaseControl
          programme={programme}
          onFormPairs={tab === "matching" ? undefined : () => url.set({ tab: "matching" }, { clearOthers: true })}
        />
      </Group>
      <Text size="sm">{t(`programmes.phaseHelp.${programme.phase}`)}</Text>
      <Tabs
        value={tab}
        // A new tab starts afresh: the previous tab's filters, search and page mean nothing there.
        onChange={(value) => value && url.set({ tab: value as Tab }, { clearOthers: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`programmes.tabs.${value}`)}
              {value === "enrolment" && programme.enrolled.mentor + programme.enrolled.mentee > 0 && (
                <Badge size="xs" variant="light" ml={6} aria-hidden>
                  {programme.enrolled.mentor + programme.enrolled.mentee}
                </Badge>
              )}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="settings">
          <SettingsTab programme={programme} />
        </Tabs.Panel>
        <Tabs.Panel value="enrolment">
          <EnrolmentTab programme={programme} />
        </Tabs.Panel>
        <Tabs.Panel value="matching">
          <MatchingTab programme={programme} />
        </Tabs.Panel>
        <Tabs.Panel value="pairs">
          <PairsTab programme={programme} />
        </Tabs.Panel>
        <Tabs.Panel value="onboarding">
          <OnboardingCompletion programmeId={programme.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
