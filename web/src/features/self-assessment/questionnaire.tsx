import { Alert, Card, Divider, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Profile, type SelfAssessment, skillListsFor } from "../../../../contracts/profiles.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { type CatalogueIndex, categoriesOf, localized } from "../skills/index.ts";
import { CategoryChooser } from "./category-chooser.tsx";
import { useTakeSelfAssessment } from "./queries.ts";
import { SKIP, SkillQuestion } from "./skill-question.tsx";

/** The categories of the skills in the profile's lists for the person's roles, and of their last answers. */
function initialCategories(catalogue: CatalogueIndex, profile: Profile, latest: SelfAssessment | undefined): string[] {
  const lists = skillListsFor(profile.roles);
  const skillIds = [
    ...(lists.includes("teach") ? profile.teach.map((item) => item.skillId) : []),
    ...profile.learn.map((item) => item.skillId),
    ...(lists.includes("offer") ? profile.offer : []),
    ...(latest?.answers.map((answer) => answer.skillId) ?? []),
  ];
  const ids = new Set(skillIds.map((id) => catalogue.skillById.get(id)?.categoryId).filter((id) => id !== undefined));
  return catalogueOrder(catalogue, [...ids]);
}

function catalogueOrder(catalogue: CatalogueIndex, categoryIds: string[]): string[] {
  return categoriesOf(catalogue)
    .map((category) => category.id)
    .filter((id) => categoryIds.includes(id));
}

/** The self-assessment questionnaire; the previous answers, if any, are the starting point. */
export function Questionnaire({
  catalogue,
  profile,
  latest,
  onDone,
  onCancel,
}: {
  catalogue: CatalogueIndex;
  profile: Profile;
  latest: SelfAssessment | undefined;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [fromProfile] = useState(() => initialCategories(catalogue, profile, latest));
  const [categoryIds, setCategoryIds] = useState(fromProfile);
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(latest?.answers.map((answer) => [answer.skillId, String(answer.level)]) ?? []),
  );
  const categories = catalogueOrder(catalogue, categoryIds)
    .map((id) => catalogue.categoryById.get(id))
    .filter((c) => c !== undefined);
  const askedSkills = catalogue.skills.filter((skill) => !skill.isArchived && categoryIds.includes(skill.categoryId));
  const answered = askedSkills.filter((skill) => answers[skill.id] !== undefined && answers[skill.id] !== SKIP);

  const save = useTakeSelfAssessment();
  const submit = () =>
    save.mutate(
      answered.map((skill) => ({ skillId: skill.id, level: Number(answers[skill.id]) })),
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("selfAssessment.saved") });
          onDone();
        },
      },
    );

  return (
    <Stack>
      <Text>{t("selfAssessment.intro")}</Text>
      {fromProfile.length === 0 && (
        <Alert variant="light" title={t("selfAssessment.categories.noneTitle")}>
          {t("selfAssessment.categories.none")}
        </Alert>
      )}
      <Card withBorder>
        <CategoryChooser catalogue={catalogue} value={categoryIds} onChange={setCategoryIds} />
      </Card>
      {categories.map((category) => (
        <Card withBorder key={category.id} component="section" aria-label={localized(category.label)}>
          <Title order={2} size="h3" mb="md">
            {t("selfAssessment.categoryTitle", { category: localized(category.label) })}
          </Title>
          <Stack>
            {askedSkills
              .filter((skill) => skill.categoryId === category.id)
              .map((skill, index) => (
                <Fragment key={skill.id}>
                  {index > 0 && <Divider />}
                  <SkillQuestion
                    skill={skill}
                    value={answers[skill.id] ?? ""}
                    onChange={(value) => setAnswers((current) => ({ ...current, [skill.id]: value }))}
                  />
                </Fragment>
              ))}
          </Stack>
        </Card>
      ))}
      <ErrorAlert error={save.error} />
      <FormActions
        submitLabel={t("selfAssessment.submit")}
        loading={save.isPending}
        disabled={answered.length === 0}
        onSubmit={submit}
        onCancel={onCancel}
        note={t("selfAssessment.answeredCount", { count: answered.length, total: askedSkills.length })}
      />
    </Stack>
  );
}
