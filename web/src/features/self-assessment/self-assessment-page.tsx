import { Button, Group, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { useMyProfile } from "../profile/index.ts";
import { useCatalogue } from "../skills/index.ts";
import { useMySelfAssessments, useSelfAssessmentScale } from "./queries.ts";
import { Questionnaire } from "./questionnaire.tsx";
import { Results } from "./results.tsx";

/** The self-assessment: the questionnaire the first time, then the results with the option to take it again. */
export function SelfAssessmentPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("selfAssessment.title")} · Passerelle`);
  const catalogue = useCatalogue();
  const profile = useMyProfile();
  const assessments = useMySelfAssessments();
  // Loaded with the rest: the levels' descriptions should not appear under the questions after them.
  const scale = useSelfAssessmentScale();
  const [retaking, setRetaking] = useState(false);
  const items = assessments.data?.items;
  const error = catalogue.error ?? profile.error ?? assessments.error ?? scale.error;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("selfAssessment.title")}</Title>
        {items && items.length > 0 && !retaking && <Button onClick={() => setRetaking(true)}>{t("selfAssessment.retake")}</Button>}
      </Group>
      <ErrorAlert error={error} />
      {catalogue.data && profile.data && items && scale.data ? (
        items.length === 0 || retaking ? (
          <Questionnaire
            catalogue={catalogue.data}
            profile={profile.data}
            latest={items[0]}
            onDone={() => setRetaking(false)}
            onCancel={items.length > 0 ? () => setRetaking(false) : undefined}
          />
        ) : (
          <Results catalogue={catalogue.data} assessments={items} />
        )
      ) : (
        !error && <PageLoader />
      )}
    </Stack>
  );
}
