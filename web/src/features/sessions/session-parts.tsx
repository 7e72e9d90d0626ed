import { Anchor, Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SessionMode, SessionStatus } from "../../../../contracts/sessions.ts";

const STATUS_COLORS = { scheduled: "blue", held: "teal", missed: "orange", cancelled: "gray", toConfirm: "yellow" } as const;

/** A session's status; a scheduled session that has started asks to be marked held or missed. */
export function SessionStatusBadge({ status, startsAt }: { status: SessionStatus; startsAt: string }) {
  const { t } = useTranslation();
  const shown = status === "scheduled" && new Date(startsAt).getTime() <= Date.now() ? "toConfirm" : status;
  return (
    <Badge color={STATUS_COLORS[shown]} variant="light">
      {t(`sessions.status.${shown}`)}
    </Badge>
  );
}

const isLink = (location: string) => /^https?:\/\//i.test(location);

/** Where a session happens: its mode, and the video link (opened in a new tab) or the place. */
export function SessionPlace({ mode, location }: { mode: SessionMode; location: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge variant="outline" color="gray">
        {t(`sessions.mode.${mode}`)}
      </Badge>
      {location && (
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {mode === "online" && isLink(location) ? (
            <>
              {t("sessions.link")}{" "}
              <Anchor href={location} target="_blank" rel="noreferrer">
                {location}
              </Anchor>
            </>
          ) : (
            t("sessions.place", { place: location })
          )}
        </Text>
      )}
    </Group>
  );
}
