import { Button, Card, Divider, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  CreateGoalBody,
  GOAL_MAX_SKILLS,
  GOAL_STATEMENT_MAX_LENGTH,
  GOAL_TARGET_MAX_LENGTH,
  type Goal,
  type GoalTemplate,
} from "../../../../contracts/goals.ts";
import type { Pair } from "../../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import { DateField } from "../../components/date-field.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import dayjs from "../../lib/dayjs.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { DEFAULT_TIME_ZONE, todayInZone } from "../../lib/zoned-time.ts";
import { localized, skillOptions, useCatalogue } from "../skills/index.ts";
import { familyOf, firstNameOf, otherRole, useDirectionTitle } from "./goal-people.ts";
import { useCreateGoal, useEditGoal, useGoalTemplates } from "./queries.ts";

const FormSchema = z.object({
  skillIds: CreateGoalBody.shape.skillIds,
  statement: CreateGoalBody.shape.statement,
  target: CreateGoalBody.shape.target,
  dueOn: z.string().min(1, { error: "fields.required" }),
});
type FormValues = { skillIds: string[]; statement: string; target: string; dueOn: string; templateId: string | null };

/**
 * Writes a goal for a direction (`learnerRole`), from a template of a skill or from a blank page, or
 * edits `goal`. Closed when `opened` is false; the form starts afresh each time it opens.
 */
export function GoalFormModal({
  pair,
  learnerRole,
  goal,
  opened,
  onClose,
}: {
  pair: Pair;
  learnerRole: ParticipantRole | null;
  goal: Goal | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleOf = useDirectionTitle(pair);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={goal ? t("goals.form.editTitle") : learnerRole ? t("goals.form.createTitle", { direction: titleOf(learnerRole) }) : ""}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && learnerRole && (
        <GoalForm key={goal?.id ?? learnerRole} pair={pair} learnerRole={learnerRole} goal={goal} onDone={onClose} />
      )}
    </Modal>
  );
}

function GoalForm({
  pair,
  learnerRole,
  goal,
  onDone,
}: {
  pair: Pair;
  learnerRole: ParticipantRole;
  goal: Goal | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const create = useCreateGoal(pair.id);
  const edit = useEditGoal(pair.id);
  const save = goal ? edit : create;
  const partner = firstNameOf(pair, otherRole(pair.myRole));
  const form = useForm<FormValues>({
    initialValues: {
      skillIds: goal?.skillIds ?? [],
      statement: goal?.statement ?? "",
      target: goal?.target ?? "",
      dueOn: goal?.dueOn ?? "",
      templateId: null,
    },
    validate: zodValidate(FormSchema),
  });
  const options = skillOptions(catalogue.data, familyOf(learnerRole));

  const submit = form.onSubmit((values) => {
    const body = { skillIds: values.skillIds, statement: values.statement.trim(), target: values.target.trim(), dueOn: values.dueOn };
    const onError = (error: Error) => setServerFieldErrors(form, error);
    if (goal)
      edit.mutate(
        { id: goal.id, ...body },
        {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("goals.form.saved") });
            onDone();
          },
          onError,
        },
      );
    else
      create.mutate(
        { learnerRole, ...body, ...(values.templateId ? { templateId: values.templateId } : {}) },
        {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("goals.form.created", { name: partner }) });
            onDone();
          },
          onError,
        },
      );
  });

  const applyTemplate = (template: GoalTemplate) =>
    form.setValues({
      skillIds: [template.skillId],
      statement: localized(template.statement),
      target: localized(template.target),
      dueOn: dayjs(todayInZone(DEFAULT_TIME_ZONE)).add(template.weeks, "week").format("YYYY-MM-DD"),
      templateId: template.id,
    });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        {!goal && (
          <>
            <TemplatePicker learnerRole={learnerRole} options={options} onPick={applyTemplate} />
            <Divider label={t("goals.form.orWrite")} labelPosition="center" />
          </>
        )}
        <MultiSelect
          label={t("goals.form.skills")}
          placeholder={form.values.skillIds.length ? undefined : t("goals.form.skillsPlaceholder", { max: GOAL_MAX_SKILLS })}
          data={options}
          searchable
          maxValues={GOAL_MAX_SKILLS}
          nothingFoundMessage={t("goals.form.noSkill")}
          {...form.getInputProps("skillIds")}
        />
        <Textarea
          label={t("goals.form.statement")}
          description={t("goals.form.statementHelp")}
          autosize
          minRows={2}
          maxLength={GOAL_STATEMENT_MAX_LENGTH}
          {...form.getInputProps("statement")}
        />
        <TextInput
          label={t("goals.form.target")}
          description={t("goals.form.targetHelp")}
          maxLength={GOAL_TARGET_MAX_LENGTH}
          {...form.getInputProps("target")}
        />
        <DateField
          label={t("goals.form.dueOn")}
          // The server checks the due date against today in Paris, not the browser's today.
          minDate={todayInZone(DEFAULT_TIME_ZONE)}
          ariaLabels={{
            nextMonth: t("goals.form.calendar.nextMonth"),
            previousMonth: t("goals.form.calendar.previousMonth"),
            monthLevelControl: t("goals.form.calendar.chooseMonth"),
            yearLevelControl: t("goals.form.calendar.chooseYear"),
            nextYear: t("goals.form.calendar.nextYear"),
            previousYear: t("goals.form.calendar.previousYear"),
            nextDecade: t("goals.form.calendar.nextDecade"),
            previousDecade: t("goals.form.calendar.previousDecade"),
          }}
          w={{ base: "100%", sm: 220 }}
          {...form.getInputProps("dueOn")}
        />
        <FormActions
          submitLabel={t(goal ? "goals.form.save" : "goals.form.create")}
          loading={save.isPending}
          onCancel={onDone}
          note={t(goal ? "goals.form.editAsksAgain" : "goals.form.partnerTold", { name: partner })}
        />
      </Stack>
    </form>
  );
}

/** Choose a skill, then one of its templates: it fills the form, to adapt. */
function TemplatePicker({
  learnerRole,
  options,
  onPick,
}: {
  learnerRole: ParticipantRole;
  options: ReturnType<typeof skillOptions>;
  onPick: (template: GoalTemplate) => void;
}) {
  const { t } = useTranslation();
  const [skillId, setSkillId] = useState<string | null>(null);
  const templates = useGoalTemplates(skillId, learnerRole);
  return (
    <Stack gap="xs">
      <Select
        label={t("goals.form.templateSkill")}
        description={t("goals.form.templateSkillHelp")}
        placeholder={t("goals.form.templateSkillPlaceholder")}
        data={options}
        searchable
        clearable
        value={skillId}
        onChange={setSkillId}
        nothingFoundMessage={t("goals.form.noSkill")}
      />
      <ErrorAlert error={templates.error} />
      {skillId && templates.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("goals.form.noTemplate")}
        </Text>
      )}
      {templates.data?.items.map((template) => (
        <Card key={template.id} withBorder padding="xs">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="sm" fw={500}>
                {localized(template.statement)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("goals.card.target", { target: localized(template.target) })}
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              onClick={() => onPick(template)}
              aria-label={t("goals.form.useTemplateNamed", { statement: localized(template.statement) })}
            >
              {t("goals.form.useTemplate")}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
