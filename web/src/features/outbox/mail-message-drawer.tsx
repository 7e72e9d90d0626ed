import { Badge, Box, Button, Code, Drawer, Group, Loader, Stack, Table, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MailMessage } from "../../../../contracts/mail.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { errorMessage } from "../../lib/forms.ts";
import { formatMailDate, MailStatusBadge, templateLabel } from "./mail-labels.tsx";
import { useMailMessage, useRetryMail } from "./queries.ts";

/**
 * One email as it was (or would be) sent: who, what, its headers, its HTML preview and plain text, the
 * calendar invitation it carries (a session's .ics); a failed one can be sent again.
 */
export function MailMessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMailMessage(id);
  const data = message.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={<Text fw={600}>{data?.subject ?? t("common.loading")}</Text>}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <ErrorAlert error={message.error} />
      {message.isPending && id !== null && !message.error && <Loader size="sm" aria-label={t("common.loading")} />}
      {data && <MailMessageView message={data} />}
    </Drawer>
  );
}

function MailMessageView({ message }: { message: MailMessage }) {
  const { t } = useTranslation();
  const retry = useRetryMail();
  const headers = Object.entries(message.headers);
  const facts: [string, ReactNode][] = [
    [t("outbox.message.from"), message.from],
    [t("outbox.message.to"), message.to],
    [t("outbox.message.subject"), message.subject],
    [t("outbox.columns.kind"), templateLabel(message.template, t)],
    [t("outbox.message.date"), formatMailDate(message.sentAt ?? message.createdAt)],
    [t("outbox.message.status"), <MailStatusBadge key="status" status={message.status} />],
  ];
  if (message.attempts > 0) facts.push([t("outbox.message.attempts"), message.attempts]);
  if (message.lastResponse) facts.push([t("outbox.message.lastResponse"), <Code key="response">{message.lastResponse}</Code>]);
  if (message.calendar)
    facts.push([
      t("outbox.message.calendar"),
      <Badge key="calendar" variant="light" color={message.calendar.method === "CANCEL" ? "red" : "blue"} tt="none">
        {t(`outbox.message.calendarMethods.${message.calendar.method}`)}
      </Badge>,
    ]);

  return (
    <Stack>
      <Table variant="vertical" layout="fixed" withTableBorder style={{ overflowWrap: "anywhere" }}>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={{ base: 110, sm: 180 }}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {message.status === "failed" && (
        <Group>
          <Button
            loading={retry.isPending}
            onClick={() =>
              retry.mutate(message.id, {
                onSuccess: () => notifications.show({ color: "green", message: t("outbox.message.retried") }),
                onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
              })
            }
          >
            {t("outbox.message.retry")}
          </Button>
        </Group>
      )}
      <Box>
        <Text fw={600} size="sm" mb={4}>
          {t("outbox.message.headers")}
        </Text>
        {headers.length ? (
          <Code block>{headers.map(([name, value]) => `${name}: ${value}`).join("\n")}</Code>
        ) : (
          <Text size="sm" c="dimmed">
            {t("outbox.message.noHeaders")}
          </Text>
        )}
      </Box>
      <Tabs defaultValue="preview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="preview">{t("outbox.message.preview")}</Tabs.Tab>
          <Tabs.Tab value="text">{t("outbox.message.text")}</Tabs.Tab>
          {message.calendar && <Tabs.Tab value="calendar">{t("outbox.message.calendarTab")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="preview" pt="sm">
          {/* sandbox="" : the email's HTML runs no script, submits no form and reaches nothing of the app. */}
          <iframe
            sandbox=""
            srcDoc={message.html}
            title={t("outbox.message.previewTitle", { subject: message.subject })}
            style={{ width: "100%", height: 520, border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4, background: "white" }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {message.text}
          </Code>
        </Tabs.Panel>
        {message.calendar && (
          <Tabs.Panel value="calendar" pt="sm">
            <Text size="sm" c="dimmed" mb="xs">
              {t("outbox.message.calendarHelp")}
            </Text>
            <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {message.calendar.content}
            </Code>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
