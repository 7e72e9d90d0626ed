import { Button, Modal, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InvitationBatchPreview, InvitationBatchSource } from "../../../../contracts/invitations.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { LabelledProgress } from "../../components/labelled-progress.tsx";
import { adminKeys } from "../admin/index.ts";
import { invitationBatchPreviewQuery, invitationBatchQuery, invitationKeys, isBatchFinished, useCreateInvitationBatch } from "./queries.ts";

/**
 * "Invite the N people shown without an account" (the directory's filters) or "…enrolled without an account"
 * (a programme): a confirmation with the preview's counts, then the progress of the bulk invitation, read
 * every second until done. Shown only when someone would be invited. `onFinished` refreshes what the
 * caller shows (the directory and the home figures refresh here).
 *
 * ```tsx
 * <BulkInviteButton source={{ kind: "programme", programmeId }} onFinished={refreshBoard} />
 * ```
 */
export function BulkInviteButton({ source, onFinished }: { source: InvitationBatchSource; onFinished?: () => void }) {
  const { t } = useTranslation();
  const preview = useQuery(invitationBatchPreviewQuery(source));
  const [opened, setOpened] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);
  const count = preview.data?.toInvite ?? 0;
  const labelKey = source.kind === "directory" ? "invitations.bulk.directoryButton" : "invitations.bulk.programmeButton";

  return (
    <>
      {count > 0 && (
        <Button variant="light" onClick={() => setOpened(true)}>
          {t(labelKey, { count })}
        </Button>
      )}
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        onExitTransitionEnd={() => setBatchId(null)}
        title={t("invitations.bulk.title")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {batchId ? (
          <BatchProgress id={batchId} onFinished={onFinished} onClose={() => setOpened(false)} />
        ) : (
          preview.data && (
            <ConfirmBulkInvite source={source} preview={preview.data} onStarted={setBatchId} onCancel={() => setOpened(false)} />
          )
        )}
      </Modal>
    </>
  );
}

function ConfirmBulkInvite({
  source,
  preview,
  onStarted,
  onCancel,
}: {
  source: InvitationBatchSource;
  preview: InvitationBatchPreview;
  onStarted: (batchId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateInvitationBatch();
  return (
    <Stack>
      <Text>{t("invitations.bulk.toInvite", { count: preview.toInvite })}</Text>
      {preview.withAccount > 0 && <Text>{t("invitations.bulk.withAccount", { count: preview.withAccount })}</Text>}
      <Text size="sm" c="dimmed">
        {t("invitations.bulk.reminders")}
      </Text>
      <ErrorAlert error={create.error} />
      <FormActions
        submitLabel={t("invitations.bulk.confirm")}
        loading={create.isPending}
        onSubmit={() => create.mutate(source, { onSuccess: (batch) => onStarted(batch.id) })}
        onCancel={onCancel}
      />
    </Stack>
  );
}

function BatchProgress({ id, onFinished, onClose }: { id: string; onFinished: (() => void) | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const batch = useQuery(invitationBatchQuery(id));
  const data = batch.data;
  const isFinished = isBatchFinished(data);
  // Once per batch, whatever the caller's callback identity: the lists showing these people refresh.
  const refreshed = useRef(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    if (!isFinished || refreshed.current) return;
    refreshed.current = true;
    for (const queryKey of [invitationKeys.batchPreviews, adminKeys.people, adminKeys.accounts, adminKeys.overview])
      void queryClient.invalidateQueries({ queryKey });
    finished.current?.();
  }, [isFinished, queryClient]);

  const total = Math.max(data?.total ?? 0, data?.done ?? 0);
  const processed = Math.min(total, (data?.done ?? 0) + (data?.skipped ?? 0));
  return (
    <Stack>
      <ErrorAlert error={batch.error} />
      <LabelledProgress
        value={total ? (processed / total) * 100 : isFinished ? 100 : 0}
        label={t("invitations.bulk.progressLabel")}
        valueText={t("invitations.bulk.progress", { done: data?.done ?? 0, total })}
        color={data?.status === "failed" ? "red" : "teal"}
        animated={!isFinished}
      />
      <Text size="sm" aria-live="polite">
        {data?.status === "failed"
          ? t("invitations.bulk.failed")
          : isFinished
            ? t("invitations.bulk.done", { count: data?.done ?? 0 })
            : t("invitations.bulk.progress", { done: data?.done ?? 0, total })}
      </Text>
      {isFinished && (data?.skipped ?? 0) > 0 && <Text size="sm">{t("invitations.bulk.skipped", { count: data?.skipped ?? 0 })}</Text>}
      {!isFinished && (
        <Text size="sm" c="dimmed">
          {t("invitations.bulk.running")}
        </Text>
      )}
      <FormActions submitLabel={t("common.close")} onSubmit={onClose} />
    </Stack>
  );
}
