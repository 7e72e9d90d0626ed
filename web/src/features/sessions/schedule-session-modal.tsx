import { Group, Loader, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { TimePicker } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Format } from "../../../../contracts/session-formats.ts";
import { ScheduleSessionBody, SESSION_LOCATION_MAX_LENGTH, type SessionMode } from "../../../../contracts/sessions.ts";
import { DateField } from "../../components/date-field.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { ApiError } from "../../lib/api.ts";
import { zodValidate } from "../../lib/forms.ts";
import { formatInZone, instantInZone, partsInZone, timeInZone, todayInZone } from "../../lib/zoned-time.ts";
import { useRescheduleSession, useScheduleSession, useSessionProposals } from "./queries.ts";

const OTHER = "other";

type Values = { choice: string; date: string; time: string; mode: SessionMode; location: string };

const required = z.string({ error: "fields.required" }).min(1, { error: "fields.required" });
const FormSchema = z.discriminatedUnion("isOther", [
  z.object({ isOther: z.literal(false), location: ScheduleSessionBody.shape.location }),
  z.object({
    isOther: z.literal(true),
    date: required,
    time: z.string({ error: "fields.required" }).regex(/^\d{2}:\d{2}/, { error: "fields.required" }),
    location: ScheduleSessionBody.shape.location,
  }),
]);

export type ScheduleSessionModalProps = {
  opened: boolean;
  onClose: () => void;
  pairId: string;
  /** My partner's first name, in "… will be told". */
  partnerName: string;
  /** My time zone: the day and time picked are read in it. */
  timeZone: string;
  /** The session to move; without it, a new one is scheduled from the proposed times. */
  session?: { id: string; startsAt: string; mode: SessionMode; location: string; format: Format };
};

/**
 * Schedules a session (the three proposed times, or another day and time) or moves one: mode and video
 * link or place as the programme allows. Day and time are read in my time zone, and sent as an instant
 * with that zone's offset. The partner is told by the server, with the invitation for their calendar.
 */
export function ScheduleSessionModal(props: ScheduleSessionModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t(props.session ? "sessions.schedule.moveTitle" : "sessions.schedule.title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {/* Mounted only while open: each opening starts afresh, with fresh proposals. */}
      {props.opened && <ScheduleForm {...props} />}
    </Modal>
  );
}

function ScheduleForm({ onClose, pairId, partnerName, timeZone, session }: ScheduleSessionModalProps) {
  const { t } = useTranslation();
  const proposals = useSessionProposals(pairId, !session);
  const schedule = useScheduleSession(pairId);
  const move = useRescheduleSession(session?.id ?? "");
  const mutation = session ? move : schedule;
  const zone = proposals.data?.timeZone ?? timeZone;
  const format: Format = session?.format ?? proposals.data?.format ?? "both";
  const modes: SessionMode[] = format === "both" ? ["online", "in_person"] : [format];
  const items = proposals.data?.items ?? [];
  const current = session ? partsInZone(session.startsAt, timeZone) : { date: "", time: "" };
  const form = useForm<Values>({
    initialValues: {
      choice: session ? OTHER : "0",
      date: current.date,
      time: current.time,
      mode: session?.mode ?? (format === "in_person" ? "in_person" : "online"),
      location: session?.location ?? "",
    },
    validate: (values) => zodValidate(FormSchema)({ ...values, isOther: values.choice === OTHER }),
  });
  const choice = !session && !proposals.isPending && !items.length ? OTHER : form.values.choice;
  const mode = modes.includes(form.values.mode) ? form.values.mode : (modes[0] as SessionMode);

  const submit = form.onSubmit((values) => {
    const isOther = choice === OTHER;
    const startsAt = isOther ? instantInZone(values.date, values.time, zone) : (items[Number(choice)]?.startsAt ?? "");
    const body = { startsAt, mode, location: values.location.trim() };
    const done = (message: string) => {
      notifications.show({ color: "green", message: t(message, { name: partnerName }) });
      onClose();
    };
    const onError = (error: unknown) => {
      if (!(error instanceof ApiError)) return;
      // The time's problems show beside the day picked (or the proposals), the others beside their field.
      for (const issue of error.details)
        form.setFieldError(issue.path === "startsAt" ? (isOther ? "date" : "choice") : issue.path, issue.message);
    };
    if (session) move.mutate(body, { onSuccess: () => done("sessions.schedule.moved"), onError });
    else schedule.mutate(body, { onSuccess: () => done("sessions.schedule.saved"), onError });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error instanceof ApiError && mutation.error.details.length ? null : mutation.error} />
        {!session && proposals.isPending && (
          <Text size="sm" c="dimmed">
            <Loader size="xs" mr="xs" />
            {t("sessions.schedule.loadingProposals")}
          </Text>
        )}
        <ErrorAlert error={proposals.error} />
        {!session && proposals.data && (
          <Radio.Group
            label={t("sessions.schedule.when")}
            description={items.length ? t(`sessions.schedule.basis.${proposals.data.basis}`) : t("sessions.schedule.noProposal")}
            value={choice}
            onChange={(value) => form.setFieldValue("choice", value)}
            error={form.errors.choice}
          >
            <Stack gap="xs" mt="xs">
              {items.map((item, index) => (
                <Radio
                  key={item.startsAt}
                  value={String(index)}
                  label={`${formatInZone(item.startsAt, zone)} – ${timeInZone(item.endsAt, zone)}`}
                />
              ))}
              <Radio value={OTHER} label={t("sessions.schedule.other")} />
            </Stack>
          </Radio.Group>
        )}
        {(session || choice === OTHER) && (
          <Stack gap={4}>
            <Group align="flex-start">
              <DateField
                label={t("sessions.schedule.date")}
                placeholder={t("sessions.schedule.datePlaceholder")}
                minDate={todayInZone(zone)}
                w={{ base: "100%", sm: 200 }}
                {...form.getInputProps("date")}
              />
              <TimePicker
                label={t("sessions.schedule.time")}
                hoursInputLabel={t("sessions.schedule.hours")}
                minutesInputLabel={t("sessions.schedule.minutes")}
                minutesStep={5}
                withDropdown
                w={140}
                {...form.getInputProps("time")}
              />
            </Group>
            <Text size="xs" c="dimmed">
              {t("sessions.schedule.zoneHelp", { zone })}
            </Text>
          </Stack>
        )}
        {modes.length > 1 ? (
          <Radio.Group
            label={t("sessions.schedule.mode")}
            value={mode}
            onChange={(value) => form.setFieldValue("mode", value as SessionMode)}
            error={form.errors.mode}
          >
            <Stack gap="xs" mt="xs">
              {modes.map((m) => (
                <Radio key={m} value={m} label={t(`sessions.mode.${m}`)} />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Text size="sm">{t("sessions.schedule.modeOnly", { mode: t(`sessions.mode.${mode}`) })}</Text>
        )}
        <TextInput
          label={t(mode === "online" ? "sessions.schedule.linkLabel" : "sessions.schedule.placeLabel")}
          description={t(mode === "online" ? "sessions.schedule.linkHelp" : "sessions.schedule.placeHelp")}
          placeholder={mode === "online" ? "https://" : t("sessions.schedule.placePlaceholder")}
          maxLength={SESSION_LOCATION_MAX_LENGTH}
          {...form.getInputProps("location")}
        />
        <FormActions
          submitLabel={t(session ? "sessions.schedule.submitMove" : "sessions.schedule.submit")}
          loading={mutation.isPending}
          disabled={!session && proposals.isPending}
          onCancel={onClose}
          note={t("sessions.schedule.partnerTold", { name: partnerName })}
        />
      </Stack>
    </form>
  );
}
