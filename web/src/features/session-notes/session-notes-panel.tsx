import { Alert, Card, Stack, Switch, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Pair } from "../../../../contracts/pairs.ts";
import { JOURNAL_MAX_LENGTH, NOTES_MAX_LENGTH, type SessionNotes, SessionNotesBody } from "../../../../contracts/session-notes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { GlossaryText } from "../glossary/index.ts";
import { SessionActionItems } from "./action-items.tsx";
import { partnerName } from "./pair-people.ts";
import { useSaveSessionNotes, useSessionNotes } from "./queries.ts";

/**
 * After a session, one of the pair's page for it: my notes and my learning journal (each field with its
 * reminder to stay factual), whether my partner may read my notes (never my journal), the notes my
 * partner shared, and the session's action items. Before the session has begun it only says when notes
 * open. Embedded by the session page.
 */
export function SessionNotesPanel({ pair, sessionId }: { pair: Pair; sessionId: string }) {
  const { t } = useTranslation();
  const notes = useSessionNotes(sessionId);
  return (
    <SectionCard title={t("sessionNotes.panel.title")} description={t("sessionNotes.panel.description")}>
      <ErrorAlert error={notes.error} />
      {notes.isPending && <PageLoader />}
      {notes.data &&
        (notes.data.canWrite ? (
          <Stack gap="lg">
            <NotesForm key={sessionId} pair={pair} notes={notes.data} />
            <PartnerNotes pair={pair} notes={notes.data} />
            <SessionActionItems pair={pair} sessionId={sessionId} />
          </Stack>
        ) : (
          <Alert color="blue">
            {t(notes.data.whyClosed === "cancelled" ? "sessionNotes.panel.cancelled" : "sessionNotes.panel.notYet")}
          </Alert>
        ))}
    </SectionCard>
  );
}

type NotesValues = { notes: string; journal: string; isShared: boolean };

function NotesForm({ pair, notes }: { pair: Pair; notes: SessionNotes }) {
  const { t } = useTranslation();
  const save = useSaveSessionNotes(notes.sessionId, pair.id);
  const form = useForm<NotesValues>({
    initialValues: { notes: notes.mine?.notes ?? "", journal: notes.mine?.journal ?? "", isShared: notes.mine?.isShared ?? false },
    validate: zodValidate(SessionNotesBody),
  });
  const name = partnerName(pair);
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        notifications.show({ color: "green", message: t("sessionNotes.panel.saved") });
        form.setInitialValues({
          notes: saved.mine?.notes ?? "",
          journal: saved.mine?.journal ?? "",
          isShared: saved.mine?.isShared ?? false,
        });
        form.resetDirty();
      },
      onError: (error) => setServerFieldErrors(form, error),
    }),
  );
  const hint = t("sessionNotes.privacyHint");
  const updatedAt = save.data?.mine?.updatedAt ?? notes.mine?.updatedAt;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <Textarea
          label={t("sessionNotes.panel.myNotes")}
          description={hint}
          autosize
          minRows={4}
          maxLength={NOTES_MAX_LENGTH}
          {...form.getInputProps("notes")}
        />
        <Switch
          label={t("sessionNotes.panel.share", { name })}
          description={t("sessionNotes.panel.shareHelp", { name })}
          {...form.getInputProps("isShared", { type: "checkbox" })}
        />
        <Textarea
          label={t("sessionNotes.panel.myJournal")}
          description={`${hint} ${t("sessionNotes.panel.journalHelp")}`}
          autosize
          minRows={3}
          maxLength={JOURNAL_MAX_LENGTH}
          {...form.getInputProps("journal")}
        />
        <FormActions
          submitLabel={t("sessionNotes.panel.save")}
          loading={save.isPending}
          note={updatedAt ? t("sessionNotes.panel.savedAt", { date: formatDateTime(updatedAt) }) : undefined}
        />
      </Stack>
    </form>
  );
}

function PartnerNotes({ pair, notes }: { pair: Pair; notes: SessionNotes }) {
  const { t } = useTranslation();
  const name = partnerName(pair);
  if (!notes.partner) {
    return (
      <Text size="sm" c="dimmed">
        {t("sessionNotes.panel.partnerNotesNone", { name })}
      </Text>
    );
  }
  return (
    <Card withBorder bg="gray.0" component="section" aria-label={t("sessionNotes.panel.partnerNotes", { name })}>
      <Title order={3} size="h5" mb="xs">
        {t("sessionNotes.panel.partnerNotes", { name })}
      </Title>
      <GlossaryText text={notes.partner.notes} />
      <Text size="xs" c="dimmed" mt="xs">
        {t("sessionNotes.panel.savedAt", { date: formatDateTime(notes.partner.updatedAt) })}
      </Text>
    </Card>
  );
}
