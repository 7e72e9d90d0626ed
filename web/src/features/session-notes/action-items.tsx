import { ActionIcon, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Pair } from "../../../../contracts/pairs.ts";
import { ACTION_ITEM_TEXT_MAX_LENGTH, type ActionItem, ActionItemBody } from "../../../../contracts/session-notes.ts";
import { DateField } from "../../components/date-field.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate } from "../../lib/dates.ts";
import { errorMessage, setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { dateInZone } from "../../lib/zoned-time.ts";
import { usePairTimeZone } from "../sessions/index.ts";
import { myPersonId, ownerLabel, partnerName } from "./pair-people.ts";
import { useActionItems, useAddActionItem, useChangeActionItem, useDeleteActionItem } from "./queries.ts";

function useDateLabels() {
  const { t } = useTranslation();
  return {
    nextMonth: t("sessionNotes.dates.nextMonth"),
    previousMonth: t("sessionNotes.dates.previousMonth"),
    monthLevelControl: t("sessionNotes.dates.chooseMonth"),
    yearLevelControl: t("sessionNotes.dates.chooseYear"),
    nextYear: t("sessionNotes.dates.nextYear"),
    previousYear: t("sessionNotes.dates.previousYear"),
    nextDecade: t("sessionNotes.dates.nextDecade"),
    previousDecade: t("sessionNotes.dates.previousDecade"),
  };
}

/** Me and my partner, as the choices of an action item's owner. */
function useOwnerChoices(pair: Pair) {
  const { t } = useTranslation();
  const partner = pair.myRole === "mentor" ? pair.mentee : pair.mentor;
  return [
    { value: myPersonId(pair), label: t("sessionNotes.actionItems.me") },
    { value: partner.id, label: personName(partner) },
  ];
}

/** The action items written after one session: done or not, who takes each on and by when; add, delete. */
export function SessionActionItems({ pair, sessionId }: { pair: Pair; sessionId: string }) {
  const { t } = useTranslation();
  const items = useActionItems(pair.id);
  const ofSession = items.data?.items.filter((item) => item.sessionId === sessionId);
  return (
    <Stack gap="sm" component="section" aria-label={t("sessionNotes.actionItems.title")}>
      <div>
        <Title order={3} size="h5">
          {t("sessionNotes.actionItems.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("sessionNotes.actionItems.sessionDescription", { name: partnerName(pair) })}
        </Text>
      </div>
      <ErrorAlert error={items.error} />
      {ofSession && ofSession.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("sessionNotes.actionItems.empty")}
        </Text>
      )}
      {ofSession?.map((item) => (
        <ActionItemRow key={item.id} pair={pair} item={item} />
      ))}
      <AddActionItem pair={pair} sessionId={sessionId} />
    </Stack>
  );
}

const showError = (error: unknown) => notifications.show({ color: "red", message: errorMessage(error) });

function ActionItemRow({ pair, item }: { pair: Pair; item: ActionItem }) {
  const { t } = useTranslation();
  const change = useChangeActionItem(pair.id);
  const remove = useDeleteActionItem(pair.id);
  const owners = useOwnerChoices(pair);
  const dateLabels = useDateLabels();
  const text = item.text;
  return (
    <Group align="center" wrap="wrap" gap="sm">
      <Checkbox
        style={{ flex: "1 1 16rem" }}
        label={<Text td={item.doneAt ? "line-through" : undefined}>{text}</Text>}
        aria-label={t("sessionNotes.actionItems.markDone", { text })}
        checked={item.doneAt !== null}
        disabled={change.isPending}
        onChange={(event) => change.mutate({ id: item.id, isDone: event.currentTarget.checked }, { onError: showError })}
      />
      <NativeSelect
        aria-label={t("sessionNotes.actionItems.ownerOf", { text })}
        data={owners}
        value={item.owner.id}
        onChange={(event) => change.mutate({ id: item.id, ownerPersonId: event.currentTarget.value }, { onError: showError })}
        w={180}
      />
      <DateField
        aria-label={t("sessionNotes.actionItems.dueOnOf", { text })}
        placeholder={t("sessionNotes.actionItems.dueOnPlaceholder")}
        ariaLabels={dateLabels}
        clearable
        value={item.dueOn ?? ""}
        onChange={(value) => change.mutate({ id: item.id, dueOn: value || null }, { onError: showError })}
        w={170}
      />
      <Tooltip label={t("sessionNotes.actionItems.delete", { text })}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t("sessionNotes.actionItems.delete", { text })}
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(item.id, {
              onSuccess: () => notifications.show({ message: t("sessionNotes.actionItems.deleted") }),
              onError: showError,
            })
          }
        >
          <span aria-hidden>✕</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

const AddActionItemForm = z.object({ text: ActionItemBody.shape.text });

function AddActionItem({ pair, sessionId }: { pair: Pair; sessionId: string }) {
  const { t } = useTranslation();
  const add = useAddActionItem(sessionId, pair.id);
  const owners = useOwnerChoices(pair);
  const dateLabels = useDateLabels();
  const form = useForm<{ text: string; ownerPersonId: string; dueOn: string }>({
    initialValues: { text: "", ownerPersonId: myPersonId(pair), dueOn: "" },
    validate: zodValidate(AddActionItemForm),
  });
  const submit = form.onSubmit((values) =>
    add.mutate(
      { text: values.text, ownerPersonId: values.ownerPersonId, dueOn: values.dueOn || null },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("sessionNotes.actionItems.added") });
          form.reset();
        },
        onError: (error) => setServerFieldErrors(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={add.error} />
        <Group align="flex-start" wrap="wrap" gap="sm">
          <TextInput
            label={t("sessionNotes.actionItems.text")}
            description={t("sessionNotes.privacyHint")}
            placeholder={t("sessionNotes.actionItems.textPlaceholder")}
            maxLength={ACTION_ITEM_TEXT_MAX_LENGTH}
            style={{ flex: "1 1 16rem" }}
            {...form.getInputProps("text")}
          />
          <NativeSelect label={t("sessionNotes.actionItems.owner")} data={owners} w={180} {...form.getInputProps("ownerPersonId")} />
          <DateField
            label={t("sessionNotes.actionItems.dueOn")}
            placeholder={t("sessionNotes.actionItems.dueOnPlaceholder")}
            ariaLabels={dateLabels}
            clearable
            w={170}
            {...form.getInputProps("dueOn")}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t("sessionNotes.actionItems.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The pair's open action items, from every session, each with its done checkbox. */
export function OpenActionItems({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const items = useActionItems(pair.id, { open: true });
  const zone = usePairTimeZone(pair.id);
  const change = useChangeActionItem(pair.id);
  const me = t("sessionNotes.actionItems.me");
  return (
    <Stack gap="xs" component="section" aria-label={t("sessionNotes.actionItems.openTitle")}>
      <Title order={3} size="h5">
        {t("sessionNotes.actionItems.openTitle")}
      </Title>
      <ErrorAlert error={items.error} />
      {items.data && items.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("sessionNotes.actionItems.openEmpty")}
        </Text>
      )}
      {items.data?.items.map((item) => {
        const owner = ownerLabel(pair, item.owner.id, me);
        return (
          <Checkbox
            key={item.id}
            label={item.text}
            aria-label={t("sessionNotes.actionItems.markDone", { text: item.text })}
            description={[
              item.dueOn ? t("sessionNotes.actionItems.ownerAndDue", { owner, date: formatDate(item.dueOn, "medium") }) : owner,
              t("sessionNotes.actionItems.fromSession", { date: dateInZone(item.sessionStartsAt, zone, "medium") }),
            ].join(" · ")}
            checked={false}
            disabled={change.isPending && change.variables?.id === item.id}
            onChange={() =>
              change.mutate(
                { id: item.id, isDone: true },
                {
                  onSuccess: () => notifications.show({ color: "green", message: t("sessionNotes.actionItems.markedDone") }),
                  onError: showError,
                },
              )
            }
          />
        );
      })}
    </Stack>
  );
}
