import { Modal, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  CreateSkillBody,
  SKILL_DESCRIPTION_MAX_LENGTH,
  SKILL_FAMILIES,
  SKILL_LABEL_MAX_LENGTH,
  SKILL_MAX_SYNONYMS,
  SKILL_SYNONYM_MAX_LENGTH,
  type Skill,
  UpdateSkillBody,
} from "../../../../contracts/skills.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { type CatalogueIndex, categoriesOf, localized } from "../skills/index.ts";
import { useCreateSkill, useUpdateSkill } from "./queries.ts";

type Labels = { label: { fr: string; en: string } };

function LabelFields<T extends Labels>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t("skillsAdmin.form.labelFr")} required maxLength={SKILL_LABEL_MAX_LENGTH} {...form.getInputProps("label.fr")} />
      <TextInput label={t("skillsAdmin.form.labelEn")} required maxLength={SKILL_LABEL_MAX_LENGTH} {...form.getInputProps("label.en")} />
    </SimpleGrid>
  );
}

function SynonymsField<T>({
  form,
  path,
  label,
  description,
}: {
  form: UseFormReturnType<T>;
  path: string;
  label: string;
  description: string;
}) {
  return (
    <TagsInput
      label={label}
      description={description}
      clearable
      maxTags={SKILL_MAX_SYNONYMS}
      maxLength={SKILL_SYNONYM_MAX_LENGTH}
      {...form.getInputProps(path)}
    />
  );
}

/** After a save: say so and close; the API's field errors go next to their inputs. */
function useSaveCallbacks(form: { setFieldError: (path: never, error: string) => void }, onDone: () => void, message: string) {
  const { t } = useTranslation();
  return {
    onSuccess: (skill: Skill) => {
      notifications.show({ color: "green", message: t(message, { skill: localized(skill.label) }) });
      onDone();
    },
    onError: (error: unknown) => setServerFieldErrors(form, error),
  };
}

function CreateSkillForm({ catalogue, onDone }: { catalogue: CatalogueIndex; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { categoryId: "", label: { fr: "", en: "" }, description: { fr: "", en: "" }, synonyms: [] as string[] },
    validate: zodValidate(CreateSkillBody.extend({ categoryId: z.string().min(1, { error: "fields.required" }) })),
  });
  const save = useCreateSkill();
  const callbacks = useSaveCallbacks(form, onDone, "skillsAdmin.created");
  const categories = SKILL_FAMILIES.map((family) => ({
    group: t(`skills.families.${family}`),
    items: categoriesOf(catalogue, family).map((category) => ({ value: category.id, label: localized(category.label) })),
  }));
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values, callbacks))} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <Select
          label={t("skillsAdmin.form.category")}
          data={categories}
          required
          allowDeselect={false}
          {...form.getInputProps("categoryId")}
        />
        <LabelFields form={form} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t("skillsAdmin.form.descriptionFr")}
            autosize
            minRows={2}
            maxLength={SKILL_DESCRIPTION_MAX_LENGTH}
            {...form.getInputProps("description.fr")}
          />
          <Textarea
            label={t("skillsAdmin.form.descriptionEn")}
            autosize
            minRows={2}
            maxLength={SKILL_DESCRIPTION_MAX_LENGTH}
            {...form.getInputProps("description.en")}
          />
        </SimpleGrid>
        <SynonymsField
          form={form}
          path="synonyms"
          label={t("skillsAdmin.form.synonyms")}
          description={t("skillsAdmin.form.synonymsHelp")}
        />
        <FormActions submitLabel={t("skillsAdmin.add")} loading={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function EditSkillForm({ skill, onDone }: { skill: Skill; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { label: skill.label, customSynonyms: skill.customSynonyms },
    validate: zodValidate(UpdateSkillBody),
  });
  const save = useUpdateSkill();
  const callbacks = useSaveCallbacks(form, onDone, "skillsAdmin.saved");
  const builtIn = [...skill.synonyms.fr, ...skill.synonyms.en];
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate({ id: skill.id, ...values }, callbacks))} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <LabelFields form={form} />
        {builtIn.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t("skillsAdmin.form.catalogueSynonyms")}
            </Text>
            <Text size="sm" c="dimmed">
              {builtIn.join(", ")}
            </Text>
          </Stack>
        )}
        <SynonymsField
          form={form}
          path="customSynonyms"
          label={t("skillsAdmin.form.customSynonyms")}
          description={t("skillsAdmin.form.customSynonymsHelp")}
        />
        <FormActions submitLabel={t("common.save")} loading={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Adds an organisation skill (`skill` undefined) or edits one: labels and the organisation's synonyms. */
export function SkillFormModal({
  opened,
  skill,
  catalogue,
  onClose,
}: {
  opened: boolean;
  skill?: Skill;
  catalogue: CatalogueIndex;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={skill ? t("skillsAdmin.editTitle", { skill: localized(skill.label) }) : t("skillsAdmin.addTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {skill ? <EditSkillForm skill={skill} onDone={onClose} /> : <CreateSkillForm catalogue={catalogue} onDone={onClose} />}
    </Modal>
  );
}
