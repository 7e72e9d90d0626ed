import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ProgrammeTemplate } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { setServerFieldErrors } from "../../lib/forms.ts";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { focusFirstError, ProgrammeFormFields, toProgrammeFields, useProgrammeForm, valuesFromTemplate } from "./programme-form.tsx";
import { useCreateProgramme, useTemplates } from "./queries.ts";

/** A new programme: pick a template (kept in the address as ?template=), then adjust every field it pre-fills. */
export function NewProgrammePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("programmes.create.title")} · Passerelle`);
  const templates = useTemplates();
  // Choosing a template is a step of its own: the back button returns to the choice.
  const url = useUrlState({ template: urlParam.text() }, { history: "push" });
  const chosen = templates.data?.items.find((template) => template.id === url.values.template);

  return (
    <Stack>
      <Anchor component={Link} to="/programmes" size="sm">
        {t("programmes.back")}
      </Anchor>
      <Title order={1}>{t("programmes.create.title")}</Title>
      <ErrorAlert error={templates.error} />
      {templates.isPending && <PageLoader />}
      {templates.data &&
        (chosen ? (
          <>
            <Group gap="xs">
              <Text>{t("programmes.create.fromTemplate", { name: chosen.name[currentLanguage()] })}</Text>
              <Anchor component="button" type="button" onClick={() => url.set({ template: "" })} size="sm">
                {t("programmes.create.changeTemplate")}
              </Anchor>
            </Group>
            {/* Filled once, in the language of the moment: switching language later keeps what was typed. */}
            <CreateForm key={chosen.id} template={chosen} />
          </>
        ) : (
          <TemplateChoice templates={templates.data.items} onChoose={(template) => url.set({ template: template.id })} />
        ))}
    </Stack>
  );
}

function TemplateChoice({ templates, onChoose }: { templates: ProgrammeTemplate[]; onChoose: (template: ProgrammeTemplate) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Stack>
      <Text>{t("programmes.create.chooseTemplate")}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {templates.map((template) => (
          <Card key={template.id} withBorder component="article" aria-labelledby={`template-${template.id}`}>
            <Stack gap="sm" h="100%" justify="space-between">
              <Stack gap="xs">
                <Title order={2} size="h3" id={`template-${template.id}`}>
                  {template.name[language]}
                </Title>
                <Text size="sm">{template.description[language]}</Text>
                <List size="sm" c="dimmed">
                  <List.Item>{t("programmes.create.duration", { count: template.durationMonths })}</List.Item>
                  <List.Item>{t("programmes.rhythm", { count: template.cadenceWeeks, minutes: template.sessionMinutes })}</List.Item>
                  <List.Item>{t(`programmes.formats.${template.format}`)}</List.Item>
                  {template.isPilot && (
                    <List.Item>
                      {template.targetPairs === null ? t("programmes.pilot") : t("programmes.pilotTarget", { count: template.targetPairs })}
                    </List.Item>
                  )}
                </List>
              </Stack>
              <Group justify="flex-end">
                <Button
                  onClick={() => onChoose(template)}
                  aria-label={t("programmes.create.useTemplateName", { name: template.name[language] })}
                >
                  {t("programmes.create.useTemplate")}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CreateForm({ template }: { template: ProgrammeTemplate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useProgrammeForm(valuesFromTemplate(template, currentLanguage()));
  const create = useCreateProgramme();

  return (
    <ProgrammeFormFields
      form={form}
      durationMonths={template.durationMonths}
      submitLabel={t("programmes.create.submit")}
      isSaving={create.isPending}
      error={create.error}
      onSubmit={(values) =>
        create.mutate(
          { ...toProgrammeFields(values), templateId: template.id },
          {
            onSuccess: (programme) => {
              notifications.show({ color: "green", message: t("programmes.create.created", { name: programme.name }) });
              void navigate(`/programmes/${programme.id}?tab=enrolment`);
            },
            onError: (error) => {
              setServerFieldErrors(form, error);
              focusFirstError();
            },
          },
        )
      }
    />
  );
}
