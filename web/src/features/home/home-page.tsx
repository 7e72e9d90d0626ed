import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Pair } from "../../../../contracts/pairs.ts";
import type { Programme } from "../../../../contracts/programmes.ts";
import { DataTable, type DataTableColumn } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { StatCards } from "../../components/stat-cards.tsx";
import { personName } from "../../lib/person-name.ts";
import { accountsQuery, overviewQuery } from "../admin/index.ts";
import { useCurrentUser } from "../auth/index.ts";
import { InviteModal } from "../invitations/index.ts";
import { isOpenPair, nextStepHint, PairStateBadge, partnerOf, useMyPairs } from "../pairs/index.ts";
import { CompletenessCard, useMyProfile } from "../profile/index.ts";
import { PhaseBadge, useProgrammes } from "../programmes/index.ts";
import { useMyProposals } from "../proposals/index.ts";
import { type GettingStartedStep, gettingStartedSteps } from "./getting-started.ts";

/** How many programmes the managers' home lists; the programmes page has them all. */
const HOME_PROGRAMMES = 5;

/** Home page: what to do first (admins and managers of a new organisation), then one section per role the person holds. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("home.title")} · Passerelle`);
  const me = useCurrentUser();
  const isAdmin = me.roles.includes("admin");
  const isManager = me.roles.includes("manager");
  return (
    <Stack gap="xl">
      <Title order={1}>{t("home.greeting", { name: me.displayName })}</Title>
      {(isAdmin || isManager) && <GettingStarted canSeeAccounts={isAdmin} />}
      {isAdmin && <AdminSection />}
      {isManager && <ManagerSection />}
      {me.roles.includes("participant") && <ParticipantSection />}
    </Stack>
  );
}

/** Manager accounts that can run a programme (active, or invited and about to). */
function useManagerCount(enabled: boolean): number | null | undefined {
  const active = useQuery({ ...accountsQuery({ q: "", role: "manager", status: "active", page: 1 }), enabled });
  const invited = useQuery({ ...accountsQuery({ q: "", role: "manager", status: "invited", page: 1 }), enabled });
  if (!enabled) return null;
  return active.data && invited.data ? active.data.total + invited.data.total : undefined;
}

/**
 * The first steps of a new organisation, in order, each with its action, until all are done: what is done
 * shows as done, the next one to take stands out.
 */
function GettingStarted({ canSeeAccounts }: { canSeeAccounts: boolean }) {
  const { t } = useTranslation();
  const [inviting, invite] = useDisclosure();
  const overview = useQuery(overviewQuery());
  const programmes = useProgrammes();
  const managers = useManagerCount(canSeeAccounts);
  if (!overview.data || !programmes.data || managers === undefined) return null;
  const steps = gettingStartedSteps({ people: overview.data.people, managers, programmes: programmes.data.items.length });
  if (!steps.length) return null;
  const next = steps.find((step) => !step.isDone)?.key;

  const actions: Record<GettingStartedStep, (isNext: boolean) => ReactNode> = {
    importDirectory: (isNext) => (
      <Button component={Link} to="/admin/import" size="xs" variant={isNext ? "filled" : "light"}>
        {t("home.nextSteps.importDirectory.action")}
      </Button>
    ),
    inviteManager: (isNext) => (
      <Button size="xs" variant={isNext ? "filled" : "light"} onClick={invite.open}>
        {t("home.nextSteps.inviteManager.action")}
      </Button>
    ),
    createProgramme: (isNext) => (
      <Button component={Link} to="/programmes/new" size="xs" variant={isNext ? "filled" : "light"}>
        {t("home.nextSteps.createProgramme.action")}
      </Button>
    ),
  };

  return (
    <Alert variant="light" title={<span id="home-next-steps">{t("home.nextSteps.title")}</span>}>
      <List type="ordered" spacing="md" size="sm" aria-labelledby="home-next-steps">
        {steps.map(({ key, isDone }) => (
          <List.Item key={key}>
            <Stack gap={4} align="flex-start">
              <Group gap="xs">
                <Text size="sm" fw={600} td={isDone ? "line-through" : undefined}>
                  {t(`home.nextSteps.${key}.title`)}
                </Text>
                {isDone && (
                  <Badge color="green" variant="light" size="sm">
                    {t("home.nextSteps.done")}
                  </Badge>
                )}
              </Group>
              {!isDone && (
                <>
                  <Text size="sm">{t(`home.nextSteps.${key}.text`)}</Text>
                  {actions[key](key === next)}
                </>
              )}
            </Stack>
          </List.Item>
        ))}
      </List>
      <InviteModal opened={inviting} onClose={invite.close} />
    </Alert>
  );
}

function AdminSection() {
  const { t } = useTranslation();
  const [inviting, invite] = useDisclosure();
  const overview = useQuery(overviewQuery());
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
      <Group>
        <Button onClick={invite.open}>{t("home.admin.invite")}</Button>
        <Button component={Link} to="/admin/people" variant="light">
          {t("home.admin.peopleLink")}
        </Button>
        {/* Without an SMTP server, invitations and notifications wait there to be passed on. */}
        <Button component={Link} to="/admin/mail" variant="light">
          {t("outbox.homeLink")}
        </Button>
      </Group>
      <InviteModal opened={inviting} onClose={invite.close} />
    </Stack>
  );
}

/** The latest programmes at a glance, with the way to create one. */
function ManagerSection() {
  const { t } = useTranslation();
  const [inviting, invite] = useDisclosure();
  const programmes = useProgrammes();
  const items = programmes.data?.items;
  const columns: DataTableColumn<Programme>[] = [
    {
      key: "name",
      header: t("home.manager.columns.programme"),
      cell: (programme) => (
        <Anchor component={Link} to={`/programmes/${programme.id}`} fw={600} size="sm">
          {programme.name}
        </Anchor>
      ),
    },
    { key: "phase", header: t("home.manager.columns.phase"), cell: (programme) => <PhaseBadge phase={programme.phase} /> },
    { key: "mentors", header: t("home.manager.columns.mentors"), align: "right", visibleFrom: "sm", cell: (p) => p.enrolled.mentor },
    { key: "mentees", header: t("home.manager.columns.mentees"), align: "right", visibleFrom: "sm", cell: (p) => p.enrolled.mentee },
    { key: "openPairs", header: t("home.manager.columns.openPairs"), align: "right", visibleFrom: "sm", cell: (p) => p.openPairs },
  ];
  return (
    <Stack component="section" aria-labelledby="home-manager">
      <Group justify="space-between">
        <Title order={2} id="home-manager">
          {t("home.manager.title")}
        </Title>
        {items && items.length > 0 && (
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
      <DataTable
        label={t("home.manager.title")}
        columns={columns}
        // The API lists the newest first.
        rows={items?.slice(0, HOME_PROGRAMMES)}
        rowKey={(programme) => programme.id}
        loading={programmes.isFetching}
        empty={{
          title: t("home.manager.emptyTitle"),
          description: t("home.manager.emptyText"),
          action: (
            <Group justify="center">
              <Button component={Link} to="/programmes/new">
                {t("home.manager.newProgramme")}
              </Button>
              <Button onClick={invite.open} variant="light">
                {t("home.manager.invite")}
              </Button>
            </Group>
          ),
        }}
      />
      <InviteModal opened={inviting} onClose={invite.close} />
    </Stack>
  );
}

/** My profile, the proposals waiting for me, my current pairs and my programmes, each with its next step. */
function ParticipantSection() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const pairs = useMyPairs();
  const proposals = useMyProposals();
  const mine = programmes.data?.items.filter((p) => p.myEnrolment && p.myEnrolment.status !== "declined");
  const openToMe = (programmes.data?.items ?? []).filter((p) => !p.myEnrolment && p.phase === "enrolment");
  const current = pairs.data?.items.filter(isOpenPair);
  const waiting = (proposals.data?.items ?? []).filter((p) => p.status === "open" && p.direction === "received");
  const isEmpty = mine?.length === 0 && current?.length === 0;
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
      {current && current.length > 0 && <CurrentPairs pairs={current} />}
      {mine && mine.length > 0 && <MyProgrammes programmes={mine} />}
      {openToMe.length > 0 && (
        <Alert variant="light" title={t("home.participant.openTitle", { count: openToMe.length })}>
          <Button component={Link} to="/programmes" size="xs" mt="xs" variant="light">
            {t("home.participant.seeProgrammes")}
          </Button>
        </Alert>
      )}
      {isEmpty && openToMe.length === 0 && (
        <Alert variant="light" color="gray" title={t("home.participant.emptyTitle")}>
          {t("home.participant.emptyText")}
        </Alert>
      )}
      <Title order={3}>{t("home.participant.aboutTitle")}</Title>
      <Text>{t("home.participant.about")}</Text>
    </Stack>
  );
}

function CurrentPairs({ pairs }: { pairs: Pair[] }) {
  const { t } = useTranslation();
  const columns: DataTableColumn<Pair>[] = [
    {
      key: "pair",
      header: t("home.participant.columns.pair"),
      cell: (pair) => (
        <Anchor component={Link} to={`/pairs/${pair.id}`} fw={600} size="sm">
          {t("home.participant.pairWith", { name: personName(partnerOf(pair)) })}
        </Anchor>
      ),
    },
    { key: "programme", header: t("home.participant.columns.programme"), cell: (pair) => pair.programme.name, visibleFrom: "sm" },
    { key: "next", header: t("home.participant.columns.next"), cell: (pair) => nextStepHint(pair, t) },
    { key: "state", header: t("home.participant.columns.state"), cell: (pair) => <PairStateBadge state={pair.state} /> },
  ];
  return (
    <DataTable
      label={t("home.participant.currentPairs")}
      caption={t("home.participant.currentPairs")}
      columns={columns}
      rows={pairs}
      rowKey={(p) => p.id}
    />
  );
}

function MyProgrammes({ programmes }: { programmes: Programme[] }) {
  const { t } = useTranslation();
  const columns: DataTableColumn<Programme>[] = [
    {
      key: "name",
      header: t("home.participant.columns.programme"),
      cell: (programme) => (
        <Anchor component={Link} to={`/programmes/${programme.id}`} fw={600} size="sm">
          {programme.name}
        </Anchor>
      ),
    },
    {
      key: "participation",
      header: t("home.participant.columns.participation"),
      cell: (programme) =>
        t(programme.myEnrolment?.status === "invited" ? "home.participant.invited" : "home.participant.enrolled", {
          role: t(`home.participant.roles.${programme.myEnrolment?.role ?? "mentee"}`),
        }),
    },
    { key: "phase", header: t("home.participant.columns.phase"), cell: (programme) => <PhaseBadge phase={programme.phase} /> },
  ];
  return (
    <DataTable
      label={t("home.participant.myProgrammes")}
      caption={t("home.participant.myProgrammes")}
      columns={columns}
      rows={programmes}
      rowKey={(p) => p.id}
    />
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
