import { Modal, MultiSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import {
  GLOSSARY_DEFINITION_MAX_LENGTH,
  GLOSSARY_EXAMPLE_MAX_LENGTH,
  GLOSSARY_MAX_SKILLS,
  GLOSSARY_TERM_MAX_LENGTH,
  type GlossaryTerm,
  ProposeGlossaryTermBody,
  UpdateGlossaryTermBody,
} from "../../../../contracts/glossary.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { skillOptions, useCatalogue } from "../skills/index.ts";
import { useProposeTerm, useUpdateTerm } from "./queries.ts";

type Values = { term: string; definition: { fr: string; en: string }; example: { fr: string; en: string }; skillIds: string[] };

/** The term's fields: the same for a proposal and a manager's edit. */
function TermForm({ term, onDone }: { term?: GlossaryTerm; onDone: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const propose = useProposeTerm();
  const update = useUpdateTerm();
  const save = term ? update : propose;
  const form = useForm<Values>({
    initialValues: {
      term: term?.term ?? "",
      definition: term?.definition ?? { fr: "", en: "" },
      example: term?.example ?? { fr: "", en: "" },
      skillIds: term?.skillIds ?? [],
    },
    validate: zodValidate(term ? UpdateGlossaryTermBody : ProposeGlossaryTermBody),
  });
  const callbacks = {
    onSuccess: (saved: GlossaryTerm) => {
      notifications.show({ color: "green", message: t(term ? "glossary.actions.saved" : "glossary.form.sent", { term: saved.term }) });
      onDone();
    },
    onError: (error: unknown) => setServerFieldErrors(form, error),
  };
  const submit = (values: Values) => (term ? update.mutate({ id: term.id, ...values }, callbacks) : propose.mutate(values, callbacks));
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <TextInput
          label={t("glossary.form.term")}
          description={t("glossary.form.termHelp")}
          required
          maxLength={GLOSSARY_TERM_MAX_LENGTH}
          data-autofocus
          {...form.getInputProps("term")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t("glossary.form.definitionFr")}
            autosize
            minRows={3}
            maxLength={GLOSSARY_DEFINITION_MAX_LENGTH}
            lang="fr"
            {...form.getInputProps("definition.fr")}
          />
          <Textarea
            label={t("glossary.form.definitionEn")}
            autosize
            minRows={3}
            maxLength={GLOSSARY_DEFINITION_MAX_LENGTH}
            lang="en"
            {...form.getInputProps("definition.en")}
          />
        </SimpleGrid>
        {!term && (
          <Text size="xs" c="dimmed" mt={-8}>
            {t("glossary.form.definitionHelp")}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t("glossary.form.exampleFr")}
            autosize
            minRows={2}
            maxLength={GLOSSARY_EXAMPLE_MAX_LENGTH}
            lang="fr"
            {...form.getInputProps("example.fr")}
          />
          <Textarea
            label={t("glossary.form.exampleEn")}
            autosize
            minRows={2}
            maxLength={GLOSSARY_EXAMPLE_MAX_LENGTH}
            lang="en"
            {...form.getInputProps("example.en")}
          />
        </SimpleGrid>
        <MultiSelect
          label={t("glossary.form.skills")}
          data={skillOptions(catalogue.data)}
          searchable
          clearable
          maxValues={GLOSSARY_MAX_SKILLS}
          {...form.getInputProps("skillIds")}
        />
        <FormActions submitLabel={term ? t("common.save") : t("glossary.form.submit")} loading={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Proposes a term (`term` undefined), or lets a manager edit one. */
export function TermFormModal({ opened, term, onClose }: { opened: boolean; term?: GlossaryTerm; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={term ? t("glossary.form.editTitle", { term: term.term }) : t("glossary.form.proposeTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <TermForm key={term?.id ?? "new"} term={term} onDone={onClose} />
    </Modal>
  );
}
