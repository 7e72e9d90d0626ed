import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { PARTICIPANT_ROLES, type ParticipantRole, type Programme } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { WHOLE_BADGE } from "./labels.tsx";
import { useApply, useRespond } from "./queries.ts";

const MY_STATUS_COLORS = { invited: "yellow", joined: "green", declined: "gray" } as const;

/** My role and where my enrolment stands ("Mentor · invited"). */
export function MyEnrolmentBadges({ enrolment }: { enrolment: NonNullable<Programme["myEnrolment"]> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge style={WHOLE_BADGE} variant="outline" color="indigo">
        {t(`programmes.roles.${enrolment.role}`)}
      </Badge>
      <Badge style={WHOLE_BADGE} variant="light" color={MY_STATUS_COLORS[enrolment.status]}>
        {t(`programmes.myStatus.${enrolment.status}`)}
      </Badge>
    </Group>
  );
}

/** "Join" / "Decline" for someone enrolled by HR; after declining, they may still join. */
export function InvitationAnswer({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const respond = useRespond(programme.id);
  const status = programme.myEnrolment?.status;
  if (!status || status === "joined" || programme.phase === "closed") return null;
  const answer = (accept: boolean) =>
    respond.mutate(accept, {
      onSuccess: () =>
        notifications.show({
          color: accept ? "green" : "gray",
          message: t(accept ? "programmes.respond.joined" : "programmes.respond.declined", { name: programme.name }),
        }),
    });
  return (
    <Stack gap="xs">
      <Text size="sm">{t(status === "invited" ? "programmes.respond.invitedText" : "programmes.respond.declinedText")}</Text>
      <Group gap="xs">
        <Button size="sm" onClick={() => answer(true)} loading={respond.isPending && respond.variables}>
          {t(status === "invited" ? "programmes.respond.join" : "programmes.respond.joinAfterAll")}
        </Button>
        {status === "invited" && (
          <Button size="sm" variant="default" onClick={() => answer(false)} loading={respond.isPending && !respond.variables}>
            {t("programmes.respond.decline")}
          </Button>
        )}
      </Group>
      <ErrorAlert error={respond.error} />
    </Stack>
  );
}

/** The two ways to take part, each explained, with its "apply" button. */
export function ApplyChoice({ programme, compact = false }: { programme: Programme; compact?: boolean }) {
  const { t } = useTranslation();
  const apply = useApply(programme.id);
  const choose = (role: ParticipantRole) =>
    apply.mutate(role, {
      onSuccess: () =>
        notifications.show({
          color: "green",
          message: t("programmes.apply.done", { name: programme.name, role: t(`programmes.roles.${role}`) }),
        }),
    });
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {PARTICIPANT_ROLES.map((role) => (
          <Card key={role} withBorder padding={compact ? "sm" : "md"} bg="gray.0">
            <Stack gap="xs" justify="space-between" h="100%">
              <div>
                <Text fw={600} size="sm">
                  {t(`programmes.apply.${role}.title`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`programmes.apply.${role}.text`)}
                </Text>
              </div>
              <Button
                size="xs"
                variant="light"
                onClick={() => choose(role)}
                loading={apply.isPending && apply.variables === role}
                disabled={apply.isPending && apply.variables !== role}
              >
                {t(`programmes.apply.${role}.button`)}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <ErrorAlert error={apply.error} />
    </Stack>
  );
}
