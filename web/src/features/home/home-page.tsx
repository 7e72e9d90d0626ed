import { Alert, Anchor, Button, Card, EmptyState, Group, List, Stack, Text, Title } from "@mantine/core";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Overview } from "../../../../contracts/accounts.ts";
import type { Pair } from "../../../../contracts/pairs.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { StatCards } from "../../components/stat-cards.tsx";
import { api } from "../../lib/api.ts";
import { personName } from "../../lib/person-name.ts";
import { useCurrentUser } from "../auth/current-user.ts";
import { InviteModal } from "../invitations/invite-modal.tsx";
import { partnerOf, useMyPairs } from "../pairs/queries.ts";
import { CompletenessCard } from "../profile/completeness-card.tsx";
import { useMyProfile } from "../profile/queries.ts";
import { PairStateBadge, PhaseBadge } from "../programmes/labels.tsx";
import { useProgrammes } from "../programmes/queries.ts";
import { useMyProposals } from "../proposals/queries.ts";

/** Home page: one section per role the person holds. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("home.title")} · Passerelle`);
  const me = useCurrentUser();
  return (
    <Stack gap="xl">
      <Title order={1}>{t("home.greeting", { name: me.displayName })}</Title>
      {me.roles.includes("admin") && <AdminSection />}
      {me.roles.includes("manager") && <ManagerSection />}
      {me.roles.includes("participant") && <ParticipantSection />}
    </Stack>
  );
}

function AdminSection() {
  const { t } = useTranslation();
  const [inviting, invite] = useDisclosure();
  const overview = useQuery({ queryKey: ["overview"], queryFn: () => api.get<Overview>("/api/admin/overview") });
  const figures = overview.data && [
    { label: t("home.admin.people"), value: overview.data.people },
    { label: t("home.admin.active"), value: overview.data.accounts.active },
    { label: t("home.admin.invited"), value: overview.data.accounts.invited },
    { label: t("home.admin.disabled"), value: overview.data.accounts.disabled },
  ];
  return (
    <Stack component="section" aria-labelledby="home-admin">
      <Title order={2} id="home-admin">
        {t("home.admin.title")}
      </Title>
      <ErrorAlert error={overview.error} />
      {figures && <StatCards figures={figures} />}
      {overview.data && <AdminNextSteps overview={overview.data} />}
      <Group>
        <Button onClick={invite.open}>{t("home.admin.invite")}</Button>
        <Button component={Link} to="/admin/people" variant="light">
          {t("home.admin.peopleLink")}
        </Button>
      </Group>
      <InviteModal opened={inviting} onClose={invite.close} />
    </Stack>
  );
}

/** What a new organisation should do next, until it is done. */
function AdminNextSteps({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const steps = [
    overview.accounts.active + overview.accounts.invited <= 1 && t("home.admin.nextStepManager"),
    overview.people === 0 && t("home.admin.nextStepDirectory"),
  ].filter((step): step is string => Boolean(step));
  if (!steps.length) return null;
  return (
    <Alert variant="light" title={t("home.admin.nextStepsTitle")}>
      <List size="sm" spacing="xs">
        {steps.map((step) => (
          <List.Item key={step}>{step}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The programmes at a glance (newest first), with the way to create one. */
function ManagerSection() {
  const { t } = useTranslation();
  const [inviting, invite] = useDisclosure();
  const programmes = useProgrammes();
  const items = programmes.data?.items ?? [];
  return (
    <Stack component="section" aria-labelledby="home-manager">
      <Group justify="space-between">
        <Title order={2} id="home-manager">
          {t("home.manager.title")}
        </Title>
        {items.length > 0 && (
          <Group gap="xs">
            <Button component={Link} to="/programmes" variant="light">
              {t("home.manager.allProgrammes")}
            </Button>
            <Button component={Link} to="/programmes/new">
              {t("home.manager.newProgramme")}
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={programmes.error} />
      {programmes.data && items.length === 0 && (
        <Card withBorder>
          <EmptyState>
            <EmptyState.Title order={3}>{t("home.manager.emptyTitle")}</EmptyState.Title>
            <EmptyState.Description>{t("home.manager.emptyText")}</EmptyState.Description>
            <EmptyState.Actions>
              <Button component={Link} to="/programmes/new">
                {t("home.manager.newProgramme")}
              </Button>
              <Button onClick={invite.open} variant="light">
                {t("home.manager.invite")}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      )}
      {items.slice(0, 5).map((programme) => (
        <Card key={programme.id} withBorder component="article" aria-label={programme.name}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={4}>
              <Anchor component={Link} to={`/programmes/${programme.id}`} fw={600}>
                {programme.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t("home.manager.figures", {
                  mentors: programme.enrolled.mentor,
                  mentees: programme.enrolled.mentee,
                  pairs: programme.openPairs,
                })}
              </Text>
            </Stack>
            <PhaseBadge phase={programme.phase} />
          </Group>
        </Card>
      ))}
      <InviteModal opened={inviting} onClose={invite.close} />
    </Stack>
  );
}

/** My programmes, my current pairs and the proposals waiting for me, each with its next step. */
function ParticipantSection() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const pairs = useMyPairs();
  const proposals = useMyProposals();
  const mine = (programmes.data?.items ?? []).filter((p) => p.myEnrolment && p.myEnrolment.status !== "declined");
  const openToMe = (programmes.data?.items ?? []).filter((p) => !p.myEnrolment && p.phase === "enrolment");
  const current = (pairs.data?.items ?? []).filter((p) => p.state === "intro" || p.state === "active");
  const waiting = (proposals.data?.items ?? []).filter((p) => p.status === "open" && p.direction === "received");
  const isEmpty = programmes.data && pairs.data && mine.length === 0 && current.length === 0;
  return (
    <Stack component="section" aria-labelledby="home-participant">
      <Title order={2} id="home-participant">
        {t("home.participant.title")}
      </Title>
      <ProfileCallToAction />
      <ErrorAlert error={programmes.error ?? pairs.error ?? proposals.error} />
      {waiting.length > 0 && (
        <Alert variant="light" color="indigo" title={t("home.participant.proposalsWaiting", { count: waiting.length })}>
          <Button component={Link} to="/proposals?tab=received" size="xs" mt="xs">
            {t("home.participant.answerProposals")}
          </Button>
        </Alert>
      )}
      {current.map((pair) => (
        <Card
          key={pair.id}
          withBorder
          component="article"
          aria-label={t("home.participant.pairWith", { name: personName(partnerOf(pair)) })}
        >
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={4}>
              <Anchor component={Link} to={`/pairs/${pair.id}`} fw={600}>
                {t("home.participant.pairWith", { name: personName(partnerOf(pair)) })}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`home.participant.pairNext.${nextStepOf(pair)}`, { programme: pair.programme.name })}
              </Text>
            </Stack>
            <PairStateBadge state={pair.state} />
          </Group>
        </Card>
      ))}
      {mine
        .filter((p) => !current.some((pair) => pair.programme.id === p.id))
        .map((programme) => (
          <Card key={programme.id} withBorder component="article" aria-label={programme.name}>
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={4}>
                <Anchor component={Link} to={`/programmes/${programme.id}`} fw={600}>
                  {programme.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(programme.myEnrolment?.status === "invited" ? "home.participant.invited" : "home.participant.enrolled", {
                    role: t(`home.participant.roles.${programme.myEnrolment?.role ?? "mentee"}`),
                  })}
                </Text>
              </Stack>
              <PhaseBadge phase={programme.phase} />
            </Group>
          </Card>
        ))}
      {openToMe.length > 0 && (
        <Alert variant="light" title={t("home.participant.openTitle", { count: openToMe.length })}>
          <Button component={Link} to="/programmes" size="xs" mt="xs" variant="light">
            {t("home.participant.seeProgrammes")}
          </Button>
        </Alert>
      )}
      {isEmpty && openToMe.length === 0 && (
        <Card withBorder>
          <EmptyState>
            <EmptyState.Title order={3}>{t("home.participant.emptyTitle")}</EmptyState.Title>
            <EmptyState.Description>{t("home.participant.emptyText")}</EmptyState.Description>
          </EmptyState>
        </Card>
      )}
      <Title order={3}>{t("home.participant.aboutTitle")}</Title>
      <Text>{t("home.participant.about")}</Text>
    </Stack>
  );
}

/** What a current pair should do next, from my side. */
function nextStepOf(pair: Pair): "schedule" | "answer" | "waiting" | "prepare" | "ready" {
  if (pair.state === "intro") {
    if (!pair.intro.at) return "schedule";
    return pair.myIntroAnswer ? "waiting" : "answer";
  }
  return pair.canStartSessions ? "ready" : "prepare";
}

/** How complete my profile is, with the way to complete it (profile wizard, self-assessment). */
function ProfileCallToAction() {
  const { t } = useTranslation();
  const profile = useMyProfile();
  if (profile.error) return <ErrorAlert error={profile.error} />;
  if (!profile.data) return null;
  const { completeness } = profile.data;
  return (
    <CompletenessCard completeness={completeness} withLinks title={t("home.participant.profileTitle")}>
      <Group mt="xs" gap="xs">
        {completeness.missing.some((item) => item !== "selfAssessment") && (
          <Button component={Link} to="/profile">
            {t(completeness.percent === 0 ? "home.participant.startProfile" : "home.participant.completeProfile")}
          </Button>
        )}
        <Button component={Link} to="/self-assessment" variant="light">
          {t(
            completeness.missing.includes("selfAssessment") ? "home.participant.takeSelfAssessment" : "home.participant.seeSelfAssessment",
          )}
        </Button>
      </Group>
    </CompletenessCard>
  );
}
