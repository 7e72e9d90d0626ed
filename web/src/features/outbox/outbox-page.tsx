import { Alert, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { FailedJobsTab } from "./failed-jobs-tab.tsx";
import { MessagesTab } from "./messages-tab.tsx";
import { useMailSettings } from "./queries.ts";

const TABS = ["messages", "jobs"] as const;

/**
 * "Courriels" (admins): whether emails are sent or kept here, every email with its status, and the
 * background jobs that failed. Without an SMTP server this is where invitation links are read.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("outbox.title")} · Passerelle`);
  const url = useUrlState({ tab: urlParam.choice(TABS, "messages") });

  return (
    <Stack>
      <Title order={1}>{t("outbox.title")}</Title>
      <Text>{t("outbox.intro")}</Text>
      <ModeBanner />
      <Tabs
        value={url.values.tab}
        // Each tab's filters start afresh.
        onChange={(value) => url.set({ tab: value === "jobs" ? "jobs" : "messages" }, { clearOthers: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="messages">{t("outbox.tabs.messages")}</Tabs.Tab>
          <Tabs.Tab value="jobs">{t("outbox.tabs.failedJobs")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="messages">
          <MessagesTab />
        </Tabs.Panel>
        <Tabs.Panel value="jobs">
          <FailedJobsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Sent through an SMTP server, or kept here: what becomes of the emails. */
function ModeBanner() {
  const { t } = useTranslation();
  const settings = useMailSettings();
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return null;
  const isSmtp = settings.data.mode === "smtp";
  return (
    <Alert variant="light" color={isSmtp ? "green" : "yellow"} title={t(isSmtp ? "outbox.banner.smtpTitle" : "outbox.banner.outboxTitle")}>
      {isSmtp ? t("outbox.banner.smtp", { from: settings.data.from }) : t("outbox.banner.outbox")}
    </Alert>
  );
}
