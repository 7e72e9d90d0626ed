import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { notificationText as sharedNotificationText } from "../../../../contracts/notification-text.ts";
import type { Notification } from "../../../../contracts/notifications.ts";
import { formatDateTime, relativeTime } from "../../lib/dates.ts";
import { NOTIFICATION_PREFERENCES_PATH } from "../notification-preferences/index.ts";
import { pairKeys } from "../pairs/index.ts";
import { proposalKeys } from "../proposals/index.ts";
import { useMarkRead, useMyNotifications } from "./queries.ts";

/** The bell's sentence for a notification, in the UI language (the same as the email's: contracts/notification-text.ts). */
export function notificationText(notification: Pick<Notification, "kind" | "params">, t: TFunction): string {
  return sharedNotificationText(notification, (key, values) => t(key, values ?? {}), { dateTime: formatDateTime, relative: relativeTime });
}

/** Whether the sentence already names the programme (otherwise it is shown below, with the time). */
function namesProgramme({ kind, params }: Pick<Notification, "kind" | "params">): boolean {
  return kind === "programme_invited" || params.reason === "programme_closed";
}

/** A bell, as the icon library of Mantine's examples would draw it; no icon package is installed. */
function BellIcon() {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3h-16a4 4 0 0 0 2 -3v-3a7 7 0 0 1 4 -6" />
      <path d="M9 17v1a3 3 0 0 0 6 0v-1" />
    </svg>
  );
}

/**
 * The header's bell: the unread count, and my latest notifications in a popover. Opening one marks
 * it read and follows its link. Polled every minute and when the window regains focus; a new
 * notification also refreshes the pairs and proposals on screen (a partner's answer, a proposal).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useMyNotifications();
  const markRead = useMarkRead();

  // The latest notification's id once loaded ("" for none): when it changes, something happened elsewhere.
  const newest = list.data ? (list.data.items[0]?.id ?? "") : undefined;
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (newest === undefined) return;
    if (seen.current !== undefined && newest !== seen.current) {
      void queryClient.invalidateQueries({ queryKey: pairKeys.all });
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
    }
    seen.current = newest;
  }, [newest, queryClient]);

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  function open(notification: Notification) {
    if (!notification.readAt) markRead.mutate([notification.id]);
    setOpened(false);
    if (notification.link) void navigate(notification.link);
  }

  return (
    <Indicator
      label={<span aria-hidden="true">{unread > 99 ? "99+" : unread}</span>}
      size={18}
      offset={6}
      color="red"
      disabled={unread === 0}
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withinPortal trapFocus={false}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread ? t("notifications.bell", { count: unread }) : t("notifications.bellNone")}
            onClick={() => setOpened((current) => !current)}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
          <Group justify="space-between" px="md" py="xs" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
            <Text fw={600} size="sm" id="notifications-title">
              {t("notifications.title")}
            </Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(undefined)} loading={markRead.isPending}>
                {t("notifications.markAllRead")}
              </Button>
            )}
          </Group>
          <ScrollArea.Autosize mah={420} type="auto">
            {list.error ? (
              <Text size="sm" c="red" p="md">
                {t("notifications.loadError")}
              </Text>
            ) : items.length === 0 ? (
              <Text size="sm" c="dimmed" p="md" ta="center">
                {list.isPending ? t("common.loading") : t("notifications.empty")}
              </Text>
            ) : (
              <Box component="ul" aria-labelledby="notifications-title" m={0} p={0} style={{ listStyle: "none" }}>
                {items.map((notification) => (
                  <li key={notification.id}>
                    <NotificationItem notification={notification} onOpen={() => open(notification)} />
                  </li>
                ))}
              </Box>
            )}
          </ScrollArea.Autosize>
          <Box px="md" py="xs" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
            <Anchor component={Link} to={NOTIFICATION_PREFERENCES_PATH} size="sm" onClick={() => setOpened(false)}>
              {t("notificationPreferences.link")}
            </Anchor>
          </Box>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t } = useTranslation();
  const isUnread = !notification.readAt;
  return (
    <UnstyledButton
      onClick={onOpen}
      w="100%"
      px="md"
      py="sm"
      bg={isUnread ? "var(--mantine-color-indigo-light)" : undefined}
      style={{ borderBottom: "1px solid var(--mantine-color-default-border)", display: "block" }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box
          w={8}
          h={8}
          mt={6}
          style={{ borderRadius: "50%", flexShrink: 0, background: isUnread ? "var(--mantine-color-indigo-6)" : "transparent" }}
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          {isUnread && <VisuallyHidden>{t("notifications.unread")}</VisuallyHidden>}
          <Text size="sm" fw={isUnread ? 500 : 400}>
            {notificationText(notification, t)}
          </Text>
          <Text size="xs" c="dimmed" title={formatDateTime(notification.createdAt)}>
            {[namesProgramme(notification) ? null : notification.params.programmeName, relativeTime(notification.createdAt)]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
