import { Badge, Button, Card, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Goal } from "../../../../contracts/goals.ts";
import {
  AGENDA_ITEM_KINDS,
  AGENDA_ITEM_TEXT_MAX_LENGTH,
  type AgendaItem,
  AgendaItemBody,
  type AgendaItemKind,
  type AgendaSuggestion,
  type SessionDetail,
} from "../../../../contracts/sessions.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDate } from "../../lib/dates.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { formatInZone } from "../../lib/zoned-time.ts";
import { GlossaryText } from "../glossary/index.ts";
import { usePairGoals } from "../goals/index.ts";
import { useAddAgendaItem, useChangeAgendaItem, useRemoveAgendaItem } from "./queries.ts";

const KIND_COLORS: Record<AgendaItemKind, string> = { topic: "indigo", question: "grape", practice: "teal" };
const ItemForm = z.object({ kind: AgendaItemBody.shape.kind, text: AgendaItemBody.shape.text, goalId: z.string().nullable() });
type ItemValues = z.input<typeof ItemForm>;

/**
 * A session's agenda: the mentee prepares it before the deadline (topics, questions, what to practise,
 * each possibly working on one of the pair's goals), the mentor adds to it; each changes their own items
 * and the mentee every item; the pair's open action items are offered as a starting point, in one click.
 * Item texts link the glossary's terms.
 */
export function AgendaEditor({ session, partnerName }: { session: SessionDetail; partnerName: string }) {
  const { t } = useTranslation();
  // The goals feature's own query: a goal changed there shows here, and the other way round.
  const goals = usePairGoals(session.pairId);
  const goalItems = goals.data?.items ?? [];
  const date = formatInZone(session.agendaDueAt, session.myTimeZone);
  const help = session.canEditAgenda
    ? t(session.myRole === "mentee" ? "sessions.agendaEditor.menteeHelp" : "sessions.agendaEditor.mentorHelp", { date })
    : t("sessions.agendaEditor.closed");
  return (
    <SectionCard title={t("sessions.agendaEditor.title")} description={help}>
      <Stack>
        {session.agenda.length ? (
          <Stack gap="xs">
            {session.agenda.map((item) => (
              <AgendaRow key={item.id} item={item} session={session} goals={goalItems} />
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("sessions.agendaEditor.empty")}
          </Text>
        )}
        {session.canEditAgenda && <NewItemForm sessionId={session.id} goals={goalItems} />}
        {session.canEditAgenda && session.suggestions.length > 0 && (
          <Suggestions session={session} suggestions={session.suggestions} partnerName={partnerName} />
        )}
      </Stack>
    </SectionCard>
  );
}

const goalOptions = (goals: readonly Goal[]) => goals.map((g) => ({ value: g.id, label: g.statement }));

function ItemFields({ form, goals }: { form: Pick<UseFormReturnType<ItemValues>, "getInputProps">; goals: readonly Goal[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Group align="flex-start" grow preventGrowOverflow={false}>
        <Select
          label={t("sessions.agendaEditor.kindLabel")}
          data={AGENDA_ITEM_KINDS.map((kind) => ({ value: kind, label: t(`sessions.agendaEditor.kind.${kind}`) }))}
          allowDeselect={false}
          maw={200}
          {...form.getInputProps("kind")}
        />
        {goals.length > 0 && (
          <Select
            label={t("sessions.agendaEditor.goal")}
            placeholder={t("sessions.agendaEditor.goalPlaceholder")}
            data={goalOptions(goals)}
            clearable
            {...form.getInputProps("goalId")}
          />
        )}
      </Group>
      <Textarea
        label={t("sessions.agendaEditor.text")}
        description={t("sessionNotes.privacyHint")}
        placeholder={t("sessions.agendaEditor.textPlaceholder")}
        autosize
        minRows={2}
        maxLength={AGENDA_ITEM_TEXT_MAX_LENGTH}
        {...form.getInputProps("text")}
      />
    </>
  );
}

function NewItemForm({ sessionId, goals }: { sessionId: string; goals: readonly Goal[] }) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(sessionId);
  const form = useForm<ItemValues>({ initialValues: { kind: "topic", text: "", goalId: null }, validate: zodValidate(ItemForm) });
  const submit = form.onSubmit((values) =>
    add.mutate(
      { kind: values.kind, text: values.text.trim(), goalId: values.goalId },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("sessions.agendaEditor.added") });
          form.reset();
        },
        onError: (error) => setServerFieldErrors(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={add.error} />
        <ItemFields form={form} goals={goals} />
        <FormActions submitLabel={t("sessions.agendaEditor.add")} loading={add.isPending} />
      </Stack>
    </form>
  );
}

function AgendaRow({ item, session, goals }: { item: AgendaItem; session: SessionDetail; goals: readonly Goal[] }) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const remove = useRemoveAgendaItem();
  const goal = goals.find((g) => g.id === item.goalId);
  const author =
    item.author === null
      ? null
      : item.author === session.myRole
        ? t("sessions.agendaEditor.byMe")
        : t(item.author === "mentor" ? "sessions.agendaEditor.byMentor" : "sessions.agendaEditor.byMentee");
  if (isEditing) return <EditItemForm item={item} goals={goals} onDone={() => setEditing(false)} />;
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={KIND_COLORS[item.kind]} variant="light">
              {t(`sessions.agendaEditor.kind.${item.kind}`)}
            </Badge>
            {author && (
              <Text size="xs" c="dimmed">
                {author}
              </Text>
            )}
          </Group>
          <Text component="div" size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            <GlossaryText text={item.text} />
          </Text>
          {goal && (
            <Text size="xs" c="dimmed">
              {t("sessions.agendaEditor.goalPrefix", { statement: goal.statement })}
            </Text>
          )}
        </Stack>
        {item.canEdit && (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="subtle"
              aria-label={t("sessions.agendaEditor.editLabel", { text: item.text })}
              onClick={() => setEditing(true)}
            >
              {t("sessions.agendaEditor.edit")}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              aria-label={t("sessions.agendaEditor.removeLabel", { text: item.text })}
              onClick={() =>
                remove.mutate(item.id, { onSuccess: () => notifications.show({ message: t("sessions.agendaEditor.removed") }) })
              }
            >
              {t("sessions.agendaEditor.remove")}
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={remove.error} mt="xs" />
    </Card>
  );
}

function EditItemForm({ item, goals, onDone }: { item: AgendaItem; goals: readonly Goal[]; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeAgendaItem();
  const form = useForm<ItemValues>({
    initialValues: { kind: item.kind, text: item.text, goalId: item.goalId },
    validate: zodValidate(ItemForm),
  });
  const submit = form.onSubmit((values) =>
    change.mutate(
      { id: item.id, kind: values.kind, text: values.text.trim(), goalId: values.goalId },
      { onSuccess: onDone, onError: (error) => setServerFieldErrors(form, error) },
    ),
  );
  return (
    <Card withBorder padding="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={change.error} />
          <ItemFields form={form} goals={goals} />
          <FormActions submitLabel={t("sessions.agendaEditor.save")} loading={change.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </Card>
  );
}

function Suggestions({
  session,
  suggestions,
  partnerName,
}: {
  session: SessionDetail;
  suggestions: readonly AgendaSuggestion[];
  partnerName: string;
}) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(session.id);
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t("sessions.agendaEditor.suggestionsTitle")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("sessions.agendaEditor.suggestionsHelp")}
      </Text>
      <ErrorAlert error={add.error} />
      {suggestions.map((s) => (
        <Group key={s.actionItemId} justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text component="div" size="sm" style={{ overflowWrap: "anywhere" }}>
              <GlossaryText text={s.text} />
            </Text>
            <Text size="xs" c="dimmed">
              {s.owner === session.myRole
                ? t("sessions.agendaEditor.ownerMe")
                : t("sessions.agendaEditor.ownerPartner", { name: partnerName })}
              {s.dueOn ? ` · ${t("sessions.agendaEditor.dueOn", { date: formatDate(s.dueOn, "medium") })}` : ""}
            </Text>
          </Stack>
          <Button
            size="xs"
            variant="light"
            aria-label={t("sessions.agendaEditor.carryLabel", { text: s.text })}
            loading={add.isPending && add.variables?.fromActionItemId === s.actionItemId}
            onClick={() =>
              add.mutate(
                { kind: "topic", text: s.text, fromActionItemId: s.actionItemId },
                { onSuccess: () => notifications.show({ color: "green", message: t("sessions.agendaEditor.added") }) },
              )
            }
          >
            {t("sessions.agendaEditor.carry")}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
