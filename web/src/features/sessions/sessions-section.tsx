import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Pair } from "../../../../contracts/pairs.ts";
import type { PairSession } from "../../../../contracts/sessions.ts";
import { DataTable, type DataTableColumn } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { personName } from "../../lib/person-name.ts";
import { DEFAULT_TIME_ZONE, formatInZone, timeInZone } from "../../lib/zoned-time.ts";
import { partnerOf } from "../pairs/index.ts";
import { usePairSessions } from "./queries.ts";
import { ScheduleSessionModal } from "./schedule-session-modal.tsx";
import { SessionPlace, SessionStatusBadge } from "./session-parts.tsx";

export const sessionPath = (pairId: string, sessionId: string) => `/pairs/${pairId}/sessions/${sessionId}`;

/** A scheduled session that has not ended yet is still to come; the rest is the pair's past. */
export function splitSessions(items: readonly PairSession[], now = Date.now()) {
  const ahead = items.filter((s) => s.status === "scheduled" && new Date(s.endsAt).getTime() > now);
  const past = items.filter((s) => !ahead.includes(s)).reverse();
  return { next: ahead[0], upcoming: ahead.slice(1), past };
}

/**
 * The pair page's sessions: why they have not started yet, or the next session (when, where, how its
 * agenda stands), "Schedule a session" with the proposed times, the sessions to come and the past ones.
 * Times are shown in my time zone (the directory's), not the browser's.
 */
export function SessionsSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const isOpen = pair.state === "intro" || pair.state === "active";
  if (!pair.canStartSessions) {
    const reason = !isOpen ? "closed" : pair.state === "intro" ? "notYetIntro" : "notYetOnboarding";
    return (
      <SectionCard title={t("sessions.section.title")}>
        <Stack>
          <Text size="sm">{t(`sessions.section.${reason}`)}</Text>
          {!isOpen && <SessionLists pair={pair} />}
        </Stack>
      </SectionCard>
    );
  }
  return <ActiveSessions pair={pair} />;
}

function ActiveSessions({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const [scheduling, schedule] = useDisclosure();
  const sessions = usePairSessions(pair.id);
  const zone = sessions.data?.myTimeZone ?? DEFAULT_TIME_ZONE;
  const { next } = splitSessions(sessions.data?.items ?? []);
  return (
    <SectionCard title={t("sessions.section.title")} description={t("sessions.section.description", { zone })}>
      <Stack>
        <ErrorAlert error={sessions.error} />
        {next ? (
          <NextSession pairId={pair.id} session={next} zone={zone} />
        ) : (
          sessions.data && <Text size="sm">{t("sessions.section.none")}</Text>
        )}
        <Group>
          <Button onClick={schedule.open}>{t("sessions.section.schedule")}</Button>
        </Group>
        <SessionLists pair={pair} withNext={false} />
      </Stack>
      <ScheduleSessionModal
        opened={scheduling}
        onClose={schedule.close}
        pairId={pair.id}
        partnerName={partnerOf(pair).firstName || personName(partnerOf(pair))}
        timeZone={zone}
      />
    </SectionCard>
  );
}

/** "Agenda: 3 items", or when it is due while empty, or a warning once the deadline passed with nothing. */
export function AgendaStatus({ session, zone }: { session: PairSession; zone: string }) {
  const { t } = useTranslation();
  const count = session.agendaCount ?? 0;
  if (count > 0) return <Text size="sm">{t("sessions.agenda.count", { count })}</Text>;
  if (!session.agendaDueAt) return null;
  const date = formatInZone(session.agendaDueAt, zone);
  if (new Date(session.agendaDueAt).getTime() <= Date.now())
    return (
      <Alert color="orange" p="xs">
        {t("sessions.agenda.emptyLate", { date })}
      </Alert>
    );
  return <Text size="sm">{t("sessions.agenda.toPrepare", { date })}</Text>;
}

function NextSession({ pairId, session, zone }: { pairId: string; session: PairSession; zone: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder bg="var(--mantine-color-blue-light)">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("sessions.section.next")}
          {session.number ? ` · ${t("sessions.number", { number: session.number })}` : ""}
        </Title>
        <Text fw={600}>
          {formatInZone(session.startsAt, zone)} – {timeInZone(session.endsAt, zone)}
        </Text>
        {session.mode && <SessionPlace mode={session.mode} location={session.location ?? ""} />}
        <AgendaStatus session={session} zone={zone} />
        <Group>
          <Button component={Link} to={sessionPath(pairId, session.id)} variant="light">
            {t("sessions.section.open")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The sessions to come after the next one, and the past ones (most recent first), each with its page. */
function SessionLists({ pair, withNext = true }: { pair: Pair; withNext?: boolean }) {
  const { t } = useTranslation();
  const sessions = usePairSessions(pair.id);
  const zone = sessions.data?.myTimeZone ?? DEFAULT_TIME_ZONE;
  const { next, upcoming, past } = splitSessions(sessions.data?.items ?? []);
  const ahead = withNext && next ? [next, ...upcoming] : upcoming;
  const columns: DataTableColumn<PairSession>[] = [
    { key: "number", header: t("sessions.section.columns.number"), cell: (s) => s.number ?? "—", width: 60 },
    {
      key: "when",
      header: t("sessions.section.columns.when"),
      cell: (s) => (
        <Anchor component={Link} to={sessionPath(pair.id, s.id)}>
          {formatInZone(s.startsAt, zone, "medium")}
        </Anchor>
      ),
    },
    {
      key: "status",
      header: t("sessions.section.columns.status"),
      cell: (s) => <SessionStatusBadge status={s.status} startsAt={s.startsAt} />,
    },
  ];
  if (!sessions.data) return null;
  return (
    <>
      {ahead.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("sessions.section.upcoming")}
          </Title>
          <DataTable label={t("sessions.section.upcoming")} columns={columns} rows={ahead} rowKey={(s) => s.id} />
        </Stack>
      )}
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("sessions.section.past")}
        </Title>
        {past.length ? (
          <DataTable label={t("sessions.section.past")} columns={columns} rows={past} rowKey={(s) => s.id} />
        ) : (
          <Text size="sm" c="dimmed">
            {t("sessions.section.noPast")}
          </Text>
        )}
      </Stack>
    </>
  );
}
