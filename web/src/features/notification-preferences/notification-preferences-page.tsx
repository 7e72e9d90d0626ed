import { Anchor, Center, Group, Loader, Radio, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreference,
} from "../../../../contracts/notifications.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { groupOf, KIND_GROUPS, kindLabelKey } from "./kind-groups.ts";
import { myNotificationPreferencesQuery, useSaveNotificationPreferences } from "./queries.ts";

/**
 * "Mes notifications": for each kind of notification that concerns me, whether it also comes by email
 * at once, in the daily digest, or only in the app. Saves only the rows changed.
 */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("notificationPreferences.title")} · Passerelle`);
  const preferences = useQuery(myNotificationPreferencesQuery());
  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/account" size="sm">
        {t("notificationPreferences.backToAccount")}
      </Anchor>
      <Title order={1}>{t("notificationPreferences.title")}</Title>
      <Text>{t("notificationPreferences.intro")}</Text>
      <Text size="sm" c="dimmed">
        {t("notificationPreferences.security")}
      </Text>
      <ErrorAlert error={preferences.error} />
      {preferences.isPending && (
        <Center>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {preferences.data && <PreferencesForm saved={preferences.data.items} />}
    </Stack>
  );
}

function PreferencesForm({ saved }: { saved: NotificationPreference[] }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Partial<Record<NotificationKind, NotificationChannel>>>({});
  const save = useSaveNotificationPreferences();
  const changed = saved.flatMap(({ kind, channel }) => {
    const chosen = draft[kind];
    return chosen && chosen !== channel ? [{ kind, channel: chosen }] : [];
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!changed.length) return;
    save.mutate(changed, {
      onSuccess: () => {
        setDraft({});
        notifications.show({ color: "green", message: t("notificationPreferences.saved") });
      },
    });
  }

  if (!saved.length)
    return (
      <Text c="dimmed" role="status">
        {t("notificationPreferences.none")}
      </Text>
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {KIND_GROUPS.map((group) => {
          const rows = saved.filter((p) => groupOf(p.kind) === group);
          if (!rows.length) return null;
          return (
            <SectionCard key={group} title={t(`notificationPreferences.groups.${group}`)}>
              <Stack gap="md">
                {rows.map(({ kind, channel }) => (
                  <Radio.Group
                    key={kind}
                    label={t(kindLabelKey(kind))}
                    value={draft[kind] ?? channel}
                    onChange={(value) => setDraft((current) => ({ ...current, [kind]: value as NotificationChannel }))}
                  >
                    <Group gap="lg" mt={6}>
                      {NOTIFICATION_CHANNELS.map((option) => (
                        <Radio key={option} value={option} label={t(`notificationPreferences.channels.${option}`)} />
                      ))}
                    </Group>
                  </Radio.Group>
                ))}
              </Stack>
            </SectionCard>
          );
        })}
        <ErrorAlert error={save.error} />
        <FormActions
          submitLabel={t("common.save")}
          loading={save.isPending}
          disabled={!changed.length}
          note={changed.length ? t("notificationPreferences.unsaved", { count: changed.length }) : undefined}
        />
      </Stack>
    </form>
  );
}
