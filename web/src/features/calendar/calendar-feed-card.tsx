import { Alert, Button, CopyButton, Group, List, Loader, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDate } from "../../lib/dates.ts";
import { myCalendarFeedQuery, useCreateCalendarFeed, useRevokeCalendarFeed } from "./queries.ts";

/** The calendar applications whose steps the card gives, in this order. */
const APPLICATIONS = ["outlook", "google", "apple"] as const;

/**
 * "Abonnement à mon agenda": a private link that calendar applications (Outlook, Google Agenda, Apple
 * Calendar) subscribe to, listing all my sessions. Created (or replaced), it is shown once with a copy
 * button and how to add it; the server keeps only its hash, so afterwards the card can only say since
 * when it works, and offer to replace it (the old link stops) or to revoke it.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const feed = useQuery(myCalendarFeedQuery());
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  /** The URL just created: in memory only, gone when the page is left. */
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"replace" | "revoke" | null>(null);

  const close = () => setConfirming(null);
  const createLink = (onSuccess?: () => void) =>
    create.mutate(undefined, {
      onSuccess: ({ url }) => {
        setCreatedUrl(url);
        onSuccess?.();
      },
    });
  const revokeLink = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setCreatedUrl(null);
        close();
      },
    });

  const status = feed.data;
  return (
    <SectionCard title={t("calendar.feed.title")} description={t("calendar.feed.description")}>
      <Stack>
        <ErrorAlert error={feed.error} />
        {feed.isPending && !feed.error && <Loader size="sm" aria-label={t("common.loading")} />}
        {createdUrl ? (
          <CreatedLink url={createdUrl} />
        ) : (
          status?.isActive &&
          status.createdAt && (
            <Text size="sm">
              {t("calendar.feed.active", { date: formatDate(status.createdAt) })} {t("calendar.feed.cannotShowAgain")}
            </Text>
          )
        )}
        {status && !status.isActive && !createdUrl && <Text size="sm">{t("calendar.feed.none")}</Text>}
        {confirming === null && <ErrorAlert error={create.error ?? revoke.error} />}
        {status && (
          <Group>
            {status.isActive || createdUrl ? (
              <>
                <Button variant="default" onClick={() => setConfirming("replace")}>
                  {t("calendar.feed.replace")}
                </Button>
                <Button variant="light" color="red" onClick={() => setConfirming("revoke")}>
                  {t("calendar.feed.revoke")}
                </Button>
              </>
            ) : (
              <Button loading={create.isPending} onClick={() => createLink()}>
                {t("calendar.feed.create")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmWithReasonDialog
        opened={confirming === "replace"}
        onClose={close}
        title={t("calendar.feed.replaceTitle")}
        text={t("calendar.feed.replaceText")}
        confirmLabel={t("calendar.feed.replace")}
        loading={create.isPending}
        error={create.error}
        onConfirm={() => createLink(close)}
      />
      <ConfirmWithReasonDialog
        opened={confirming === "revoke"}
        onClose={close}
        title={t("calendar.feed.revokeTitle")}
        text={t("calendar.feed.revokeText")}
        confirmLabel={t("calendar.feed.revoke")}
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={revokeLink}
      />
    </SectionCard>
  );
}

/** The link just created, to copy now (it will not be shown again), and how to add it to a calendar. */
function CreatedLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput label={t("calendar.feed.linkLabel")} value={url} readOnly onFocus={(event) => event.currentTarget.select()} />
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button onClick={copy} color={copied ? "teal" : undefined} variant={copied ? "filled" : "light"} w="fit-content">
            {copied ? t("calendar.feed.copied") : t("calendar.feed.copy")}
          </Button>
        )}
      </CopyButton>
      <Alert color="yellow">{t("calendar.feed.warning")}</Alert>
      <Text size="sm" fw={600}>
        {t("calendar.feed.howTo")}
      </Text>
      <List size="sm" spacing={4}>
        {APPLICATIONS.map((application) => (
          <List.Item key={application}>{t(`calendar.feed.steps.${application}`)}</List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        {t("calendar.feed.delay")}
      </Text>
    </Stack>
  );
}
