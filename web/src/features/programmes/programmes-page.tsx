import { Anchor, Badge, Button, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Programme } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDate } from "../../lib/dates.ts";
import { hasAnyRole, useCurrentUser } from "../auth/current-user.ts";
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

function ManagerTable({ programmes }: { programmes: Programme[] }) {
  const { t } = useTranslation();
  if (programmes.length === 0)
    return (
      <Card withBorder p="xl">
        <Stack align="center" gap="xs" ta="center">
          <Title order={2} size="h3">
            {t("programmes.managerEmpty.title")}
          </Title>
          <Text c="dimmed" maw={560}>
            {t("programmes.managerEmpty.text")}
          </Text>
          <Button component={Link} to="/programmes/new" mt="sm">
            {t("programmes.new")}
          </Button>
        </Stack>
      </Card>
    );
  return (
    <ScrollArea type="auto">
      <Table aria-label={t("programmes.tableLabel")} striped highlightOnHover miw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("programmes.columns.name")}</Table.Th>
            <Table.Th>{t("programmes.columns.phase")}</Table.Th>
            <Table.Th>{t("programmes.columns.pilot")}</Table.Th>
            <Table.Th>{t("programmes.columns.dates")}</Table.Th>
            <Table.Th ta="right">{t("programmes.columns.mentors")}</Table.Th>
            <Table.Th ta="right">{t("programmes.columns.mentees")}</Table.Th>
            <Table.Th ta="right">{t("programmes.columns.openPairs")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {programmes.map((programme) => (
            <Table.Tr key={programme.id}>
              <Table.Td>
                <Anchor component={Link} to={`/programmes/${programme.id}`} fw={500} size="sm">
                  {programme.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <PhaseBadge phase={programme.phase} />
              </Table.Td>
              <Table.Td>
                {programme.isPilot ? (
                  <Text size="sm">
                    {programme.targetPairs === null ? t("programmes.pilot") : t("programmes.pilotTarget", { count: programme.targetPairs })}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("programmes.notPilot")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {t("programmes.dateRange", {
                    start: formatDate(programme.startsOn, "medium"),
                    end: formatDate(programme.endsOn, "medium"),
                  })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{programme.enrolled.mentor}</Table.Td>
              <Table.Td ta="right">{programme.enrolled.mentee}</Table.Td>
              <Table.Td ta="right">{programme.openPairs}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
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
