import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PROGRAMME_PHASES, type Programme, type ProgrammePhase } from "../../../../contracts/programmes.ts";
import { DataTable, type DataTableColumn, useClientSort } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDate } from "../../lib/dates.ts";
import { hasAnyRole, useCurrentUser } from "../auth/index.ts";
import { PhaseBadge } from "./labels.tsx";
import { ApplyChoice, InvitationAnswer, MyEnrolmentBadges } from "./participation.tsx";
import { useProgrammes } from "./queries.ts";

/** "Programmes": every programme for HR, and for participants the ones they are in or may join. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("programmes.title")} · Passerelle`);
  const me = useCurrentUser();
  const isManager = hasAnyRole(me, ["admin", "manager"]);
  const programmes = useProgrammes();
  const items = programmes.data?.items ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("programmes.title")}</Title>
        {isManager && (
          <Button component={Link} to="/programmes/new">
            {t("programmes.new")}
          </Button>
        )}
      </Group>
      <ErrorAlert error={programmes.error} />
      {programmes.isPending && <PageLoader />}
      {programmes.data &&
        (isManager ? (
          <>
            <ManagerTable programmes={items} />
            {items.some((p) => p.myEnrolment) && <ParticipantSections programmes={items.filter((p) => p.myEnrolment)} withOpen={false} />}
          </>
        ) : (
          <ParticipantSections programmes={items} withOpen />
        ))}
    </Stack>
  );
}

/** The order of the phases, to sort programmes by how far along they are. */
const PHASE_ORDER = Object.fromEntries(PROGRAMME_PHASES.map((phase, index) => [phase, index])) as Record<ProgrammePhase, number>;

function ManagerTable({ programmes }: { programmes: Programme[] }) {
  const { t } = useTranslation();
  const sorted = useClientSort(programmes, {
    name: (p) => p.name,
    phase: (p) => PHASE_ORDER[p.phase],
    dates: (p) => p.startsOn,
    mentors: (p) => p.enrolled.mentor,
    mentees: (p) => p.enrolled.mentee,
    openPairs: (p) => p.openPairs,
  });
  const columns: DataTableColumn<Programme>[] = [
    {
      key: "name",
      header: t("programmes.columns.name"),
      sortKey: "name",
      cell: (programme) => (
        <Anchor component={Link} to={`/programmes/${programme.id}`} fw={500} size="sm">
          {programme.name}
        </Anchor>
      ),
    },
    { key: "phase", header: t("programmes.columns.phase"), sortKey: "phase", cell: (programme) => <PhaseBadge phase={programme.phase} /> },
    {
      key: "pilot",
      header: t("programmes.columns.pilot"),
      visibleFrom: "md",
      cell: (programme) =>
        programme.isPilot ? (
          <Text size="sm">
            {programme.targetPairs === null ? t("programmes.pilot") : t("programmes.pilotTarget", { count: programme.targetPairs })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("programmes.notPilot")}
          </Text>
        ),
    },
    {
      key: "dates",
      header: t("programmes.columns.dates"),
      sortKey: "dates",
      cell: (programme) => (
        <Text size="sm">
          {t("programmes.dateRange", { start: formatDate(programme.startsOn, "medium"), end: formatDate(programme.endsOn, "medium") })}
        </Text>
      ),
    },
    {
      key: "mentors",
      header: t("programmes.columns.mentors"),
      sortKey: "mentors",
      firstDirection: "desc",
      align: "right",
      cell: (p) => p.enrolled.mentor,
    },
    {
      key: "mentees",
      header: t("programmes.columns.mentees"),
      sortKey: "mentees",
      firstDirection: "desc",
      align: "right",
      cell: (p) => p.enrolled.mentee,
    },
    {
      key: "openPairs",
      header: t("programmes.columns.openPairs"),
      sortKey: "openPairs",
      firstDirection: "desc",
      align: "right",
      cell: (p) => p.openPairs,
    },
  ];
  return (
    <DataTable
      label={t("programmes.tableLabel")}
      columns={columns}
      rowKey={(programme) => programme.id}
      {...sorted}
      empty={{
        title: t("programmes.managerEmpty.title"),
        description: t("programmes.managerEmpty.text"),
        action: (
          <Button component={Link} to="/programmes/new" mt="sm">
            {t("programmes.new")}
          </Button>
        ),
      }}
    />
  );
}

/** The programmes I am in, then (for participants) those open for enrolment that I am not in. */
function ParticipantSections({ programmes, withOpen }: { programmes: Programme[]; withOpen: boolean }) {
  const { t } = useTranslation();
  const mine = programmes.filter((p) => p.myEnrolment);
  const open = programmes.filter((p) => !p.myEnrolment && p.phase === "enrolment");
  return (
    <Stack gap="lg">
      <SectionCard title={t("programmes.mine.title")} description={mine.length ? undefined : t("programmes.mine.empty")}>
        {mine.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {mine.map((programme) => (
              <ProgrammeCard key={programme.id} programme={programme} />
            ))}
          </SimpleGrid>
        )}
      </SectionCard>
      {withOpen && (
        <SectionCard title={t("programmes.open.title")} description={t(open.length ? "programmes.open.intro" : "programmes.open.empty")}>
          {open.length > 0 && (
            <Stack>
              {open.map((programme) => (
                <ProgrammeCard key={programme.id} programme={programme} />
              ))}
            </Stack>
          )}
        </SectionCard>
      )}
    </Stack>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const enrolment = programme.myEnrolment;
  return (
    <Card withBorder component="article" aria-label={programme.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Anchor component={Link} to={`/programmes/${programme.id}`} fw={600}>
              {programme.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t("programmes.dateRange", { start: formatDate(programme.startsOn), end: formatDate(programme.endsOn) })}
            </Text>
          </Stack>
          <Group gap={6} justify="flex-end">
            {programme.isPilot && (
              <Badge variant="outline" color="gray">
                {t("programmes.pilot")}
              </Badge>
            )}
            <PhaseBadge phase={programme.phase} />
          </Group>
        </Group>
        <Text size="sm">
          {t("programmes.rhythm", { count: programme.cadenceWeeks, minutes: programme.sessionMinutes })} ·{" "}
          {t(`programmes.formats.${programme.format}`)}
        </Text>
        {enrolment ? (
          <>
            <MyEnrolmentBadges enrolment={enrolment} />
            <InvitationAnswer programme={programme} />
          </>
        ) : (
          <ApplyChoice programme={programme} compact />
        )}
      </Stack>
    </Card>
  );
}
