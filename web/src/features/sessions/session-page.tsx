import { Alert, Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Pair } from "../../../../contracts/pairs.ts";
import { CANCEL_REASON_MAX_LENGTH, type SessionDetail, type SessionOutcome } from "../../../../contracts/sessions.ts";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { ApiError } from "../../lib/api.ts";
import { personName } from "../../lib/person-name.ts";
import { formatInZone, timeInZone } from "../../lib/zoned-time.ts";
import { SessionCalendarButton } from "../calendar/index.ts";
import { partnerOf, usePair } from "../pairs/index.ts";
import { SessionNotesPanel } from "../session-notes/index.ts";
import { AgendaEditor } from "./agenda-editor.tsx";
import { useCancelSession, useRecordOutcome, useSession } from "./queries.ts";
import { ScheduleSessionModal } from "./schedule-session-modal.tsx";
import { SessionPlace, SessionStatusBadge } from "./session-parts.tsx";

/**
 * One session of my pair (`/pairs/:pairId/sessions/:sessionId`): when (in my time zone), where, its
 * status; move it, cancel it with a reason, or once it has started say whether it took place; its file
 * for my calendar; its agenda; and once it has started, my notes on it.
 */
export function SessionPage() {
  const { t } = useTranslation();
  const { pairId = "", sessionId = "" } = useParams();
  const session = useSession(sessionId);
  // The pairs feature's own query: the pair page and this one share it.
  const pair = usePair(pairId);
  const name = pair.data ? personName(partnerOf(pair.data)) : "";
  useDocumentTitle(`${name ? t("sessions.page.title", { name }) : t("sessions.section.title")} · Passerelle`);
  const isMissing = session.error instanceof ApiError && [400, 403, 404].includes(session.error.status);
  const matches = session.data && session.data.pairId === pairId;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/pairs/${pairId}`} size="sm">
        {t("sessions.page.back")}
      </Anchor>
      {isMissing || (session.data && !matches) ? (
        <Alert color="yellow">{t("sessions.page.notFound")}</Alert>
      ) : (
        <ErrorAlert error={session.error ?? pair.error} />
      )}
      {(session.isPending || pair.isPending) && !session.error && <PageLoader />}
      {session.data && matches && pair.data && <SessionContent session={session.data} pair={pair.data} />}
    </Stack>
  );
}

function SessionContent({ session, pair }: { session: SessionDetail; pair: Pair }) {
  const { t } = useTranslation();
  const partner = partnerOf(pair);
  const firstName = partner.firstName || personName(partner);
  const zone = session.myTimeZone;
  const [moving, move] = useDisclosure();
  const [cancelling, cancelDialog] = useDisclosure();
  const cancel = useCancelSession(session.id);
  const outcome = useRecordOutcome(session.id);
  const isScheduled = session.status === "scheduled";
  const mayRecordOutcome = session.hasStarted && session.status !== "cancelled";
  const record = (status: SessionOutcome) =>
    outcome.mutate({ status }, { onSuccess: () => notifications.show({ color: "green", message: t("sessions.page.outcomeSaved") }) });

  return (
    <>
      <Stack gap={4}>
        <Group justify="space-between" align="center">
          <Title order={1}>{t("sessions.page.title", { name: personName(partner) })}</Title>
          <SessionStatusBadge status={session.status} startsAt={session.startsAt} />
        </Group>
        <Text fw={600} size="lg">
          {session.number ? `${t("sessions.number", { number: session.number })} · ` : ""}
          {formatInZone(session.startsAt, zone)} – {timeInZone(session.endsAt, zone)}
        </Text>
        <Text size="sm" c="dimmed">
          {t("sessions.zone", { zone })}
        </Text>
        <SessionPlace mode={session.mode} location={session.location} />
      </Stack>
      {session.status === "cancelled" && (
        <Alert color="gray" title={t("sessions.cancelledTitle")}>
          {session.cancelReason && t("sessions.page.cancelReason", { reason: session.cancelReason })}
        </Alert>
      )}
      <ErrorAlert error={outcome.error} />
      <Group>
        {isScheduled && (
          <>
            <Button variant="default" onClick={move.open}>
              {t("sessions.page.move")}
            </Button>
            <Button color="red" variant="light" onClick={cancelDialog.open}>
              {t("sessions.page.cancel")}
            </Button>
          </>
        )}
        <SessionCalendarButton sessionId={session.id} />
      </Group>
      {mayRecordOutcome && (
        <SectionCard title={t("sessions.page.outcomeQuestion")}>
          <Group>
            {(["held", "missed"] as const).map((status) => (
              <Button
                key={status}
                variant={session.status === status ? "filled" : "default"}
                color={status === "held" ? "teal" : "orange"}
                aria-pressed={session.status === status}
                loading={outcome.isPending && outcome.variables?.status === status}
                disabled={outcome.isPending}
                onClick={() => record(status)}
              >
                {t(`sessions.page.${status}`)}
              </Button>
            ))}
          </Group>
        </SectionCard>
      )}
      <AgendaEditor session={session} partnerName={firstName} />
      {session.hasStarted && session.status !== "cancelled" && <SessionNotesPanel pair={pair} sessionId={session.id} />}
      <ScheduleSessionModal
        opened={moving}
        onClose={move.close}
        pairId={pair.id}
        partnerName={firstName}
        timeZone={zone}
        session={{ id: session.id, startsAt: session.startsAt, mode: session.mode, location: session.location, format: session.format }}
      />
      <ConfirmWithReasonDialog
        opened={cancelling}
        onClose={cancelDialog.close}
        title={t("sessions.page.cancelTitle")}
        text={t("sessions.page.cancelText", { name: firstName })}
        note={{
          label: t("sessions.page.cancelReasonLabel"),
          description: t("sessions.page.cancelReasonHelp", { name: firstName }),
          required: true,
          maxLength: CANCEL_REASON_MAX_LENGTH,
          field: "reason",
        }}
        confirmLabel={t("sessions.page.cancelConfirm")}
        loading={cancel.isPending}
        error={cancel.error}
        onConfirm={({ note }) =>
          cancel.mutate(
            { reason: note ?? "" },
            {
              onSuccess: () => {
                notifications.show({ message: t("sessions.page.cancelled", { name: firstName }) });
                cancelDialog.close();
              },
            },
          )
        }
      />
    </>
  );
}
