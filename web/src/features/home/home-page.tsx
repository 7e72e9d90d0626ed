import { Alert, Button, Card, EmptyState, Group, List, Stack, Text, Title } from "@mantine/core";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Overview } from "../../../../contracts/accounts.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { StatCards } from "../../components/stat-cards.tsx";
import { api } from "../../lib/api.ts";
import { useCurrentUser } from "../auth/current-user.ts";
import { InviteModal } from "../invitations/invite-modal.tsx";
import { CompletenessCard } from "../profile/completeness-card.tsx";
import { useMyProfile } from "../profile/queries.ts";

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

function ManagerSection() {
  const { t } = useTranslation();
  const [inviting, invite] = useDisclosure();
  return (
    <Stack component="section" aria-labelledby="home-manager">
      <Title order={2} id="home-manager">
        {t("home.manager.title")}
      </Title>
      <Card withBorder>
        <EmptyState>
          <EmptyState.Title order={3}>{t("home.manager.emptyTitle")}</EmptyState.Title>
          <EmptyState.Description>{t("home.manager.emptyText")}</EmptyState.Description>
          <EmptyState.Actions>
            <Button onClick={invite.open}>{t("home.manager.invite")}</Button>
            <Button component={Link} to="/admin/people?tab=directory" variant="light">
              {t("home.manager.directoryLink")}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
      <InviteModal opened={inviting} onClose={invite.close} />
    </Stack>
  );
}

function ParticipantSection() {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="home-participant">
      <Title order={2} id="home-participant">
        {t("home.participant.title")}
      </Title>
      <ProfileCallToAction />
      <Card withBorder>
        <EmptyState>
          <EmptyState.Title order={3}>{t("home.participant.emptyTitle")}</EmptyState.Title>
          <EmptyState.Description>{t("home.participant.emptyText")}</EmptyState.Description>
        </EmptyState>
      </Card>
      <Title order={3}>{t("home.participant.aboutTitle")}</Title>
      <Text>{t("home.participant.about")}</Text>
    </Stack>
  );
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
