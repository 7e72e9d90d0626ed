import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CreateSkillBody, type Skill, UpdateSkillBody } from "../../../../contracts/skills.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { api } from "../../lib/api.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { type CatalogueIndex, catalogueQueryKey, categoriesOf, localized } from "../skills/catalogue.ts";
import { FAMILIES } from "../skills/families.ts";

type Labels = { label: { fr: string; en: string } };

function LabelFields<T extends Labels>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t("skillsAdmin.form.labelFr")} required {...form.getInputProps("label.fr")} />
      <TextInput label={t("skillsAdmin.form.labelEn")} required {...form.getInputProps("label.en")} />
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
  return <TagsInput label={label} description={description} clearable maxTags={50} {...form.getInputProps(path)} />;
}

function FormButtons({ onCancel, loading, submit }: { onCancel: () => void; loading: boolean; submit: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}

/** Saves through `mutationFn`, refreshes the catalogue, says so and closes; field errors go next to their inputs. */
function useSkillMutation<V>(
  form: { setFieldError: (path: never, error: string) => void },
  mutationFn: (values: V) => Promise<Skill>,
  onDone: () => void,
  message: string,
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (skill) => {
      void queryClient.invalidateQueries({ queryKey: catalogueQueryKey });
      notifications.show({ color: "green", message: t(message, { skill: localized(skill.label) }) });
      onDone();
    },
    onError: (error) => setServerFieldErrors(form, error),
  });
}

function CreateSkillForm({ catalogue, onDone }: { catalogue: CatalogueIndex; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { categoryId: "", label: { fr: "", en: "" }, description: { fr: "", en: "" }, synonyms: [] as string[] },
    validate: zodValidate(CreateSkillBody.extend({ categoryId: z.string().min(1, { error: "fields.required" }) })),
  });
  const save = useSkillMutation(
    form,
    (values: typeof form.values) => api.post<Skill>("/api/admin/skills", values),
    onDone,
    "skillsAdmin.created",
  );
  const categories = FAMILIES.map((family) => ({
    group: t(`skills.families.${family}`),
    items: categoriesOf(catalogue, family).map((category) => ({ value: category.id, label: localized(category.label) })),
  }));
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
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
            maxLength={300}
            {...form.getInputProps("description.fr")}
          />
          <Textarea
            label={t("skillsAdmin.form.descriptionEn")}
            autosize
            minRows={2}
            maxLength={300}
            {...form.getInputProps("description.en")}
          />
        </SimpleGrid>
        <SynonymsField
          form={form}
          path="synonyms"
          label={t("skillsAdmin.form.synonyms")}
          description={t("skillsAdmin.form.synonymsHelp")}
        />
        <FormButtons onCancel={onDone} loading={save.isPending} submit={t("skillsAdmin.add")} />
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
  const save = useSkillMutation(
    form,
    (values: typeof form.values) => api.patch<Skill>(`/api/admin/skills/${skill.id}`, values),
    onDone,
    "skillsAdmin.saved",
  );
  const builtIn = [...skill.synonyms.fr, ...skill.synonyms.en];
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
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
        <FormButtons onCancel={onDone} loading={save.isPending} submit={t("common.save")} />
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
