import { Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import {
  GOAL_EVIDENCE_TEXT_MAX_LENGTH,
  GOAL_EVIDENCE_URL_MAX_LENGTH,
  GOAL_NOTE_MAX_LENGTH,
  GOAL_TRANSITIONS,
  type Goal,
  type GoalStatus,
} from "../../../../contracts/goals.ts";
import type { Pair } from "../../../../contracts/pairs.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import i18n from "../../i18n/index.ts";
import { setServerFieldErrors } from "../../lib/forms.ts";
import { firstNameOf, otherRole } from "./goal-people.ts";
import { useAddGoalUpdate } from "./queries.ts";

type FormValues = { status: GoalStatus; note: string; evidenceUrl: string; evidenceText: string };

const isHttpUrl = (value: string) => /^https?:\/\/\S+$/i.test(value);

/** Records progress on `goal`: a new status, words, evidence (a link or text). Closed when `goal` is null. */
export function GoalProgressModal({ pair, goal, onClose }: { pair: Pair; goal: Goal | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={goal !== null}
      onClose={onClose}
      size="lg"
      title={t("goals.progress.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {goal && <ProgressForm key={goal.id} pair={pair} goal={goal} onDone={onClose} />}
    </Modal>
  );
}

function ProgressForm({ pair, goal, onDone }: { pair: Pair; goal: Goal; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddGoalUpdate(pair.id);
  const partner = firstNameOf(pair, otherRole(pair.myRole));
  // The statuses this goal may take now: its own, and those a progress update may set (achieved: the learner only).
  const statuses = [goal.status, ...GOAL_TRANSITIONS[goal.status].filter((s) => s !== "achieved" || goal.can.achieve)];
  const form = useForm<FormValues>({
    initialValues: { status: goal.status, note: "", evidenceUrl: "", evidenceText: "" },
    validate: {
      note: (note, values) =>
        values.status === goal.status && !note.trim() && !values.evidenceUrl.trim() && !values.evidenceText.trim()
          ? i18n.t("fields.required", { ns: "server" })
          : null,
      evidenceUrl: (url) => (url.trim() && !isHttpUrl(url.trim()) ? i18n.t("fields.httpUrl", { ns: "server" }) : null),
    },
  });
  const isAchieving = form.values.status === "achieved" && goal.status !== "achieved";

  const submit = form.onSubmit((values) =>
    add.mutate(
      {
        id: goal.id,
        ...(values.status !== goal.status ? { status: values.status } : {}),
        note: values.note.trim(),
        evidenceUrl: values.evidenceUrl.trim() || null,
        evidenceText: values.evidenceText.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t(isAchieving ? "goals.progress.achieved" : "goals.progress.saved", { name: partner }),
          });
          onDone();
        },
        onError: (error) => setServerFieldErrors(form, error),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fw={600}>{goal.statement}</Text>
        <ErrorAlert error={add.error} />
        {statuses.length > 1 && (
          <Select
            label={t("goals.progress.status")}
            data={statuses.map((status) => ({ value: status, label: t(`goals.status.${status}`) }))}
            allowDeselect={false}
            w={{ base: "100%", sm: 260 }}
            {...form.getInputProps("status")}
          />
        )}
        <Textarea
          label={t("goals.progress.note")}
          description={t("sessionNotes.privacyHint")}
          autosize
          minRows={3}
          maxLength={GOAL_NOTE_MAX_LENGTH}
          {...form.getInputProps("note")}
        />
        <TextInput
          label={t("goals.progress.evidenceUrl")}
          description={t("goals.progress.evidenceUrlHelp")}
          placeholder="https://"
          type="url"
          maxLength={GOAL_EVIDENCE_URL_MAX_LENGTH}
          {...form.getInputProps("evidenceUrl")}
        />
        <Textarea
          label={t("goals.progress.evidenceText")}
          description={t("sessionNotes.privacyHint")}
          autosize
          minRows={2}
          maxLength={GOAL_EVIDENCE_TEXT_MAX_LENGTH}
          {...form.getInputProps("evidenceText")}
        />
        <FormActions
          submitLabel={t("goals.progress.submit")}
          loading={add.isPending}
          onCancel={onDone}
          note={isAchieving ? t("goals.progress.achievedNote", { name: partner }) : undefined}
        />
      </Stack>
    </form>
  );
}
