import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PeopleImport } from "../../../../contracts/people.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { LabelledProgress } from "../../components/labelled-progress.tsx";
import { ImportHelp } from "./import-help.tsx";
import { ImportHistory } from "./import-history.tsx";
import { ImportCounts, ImportPreview } from "./import-preview.tsx";
import { useApplyImport, useImport, useRememberImport } from "./queries.ts";
import { UploadForm } from "./upload-form.tsx";

/** "HR import": upload an HR file, preview what it changes, apply it and follow its progress. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("import.title")} · Passerelle`);
  const [id, setId] = useState<string | null>(null);
  const current = useImport(id);
  const remember = useRememberImport();
  const show = (view: PeopleImport) => {
    remember(view);
    setId(view.id);
  };
  const apply = useApplyImport();
  const applyNow = (importId: string) => apply.mutate(importId, { onSuccess: show });
  const restart = () => {
    apply.reset();
    setId(null);
  };
  const view = id ? current.data : undefined;

  return (
    <Stack>
      <Title order={1}>{t("import.title")}</Title>
      <Text>{t("import.intro")}</Text>
      {!view && (
        <>
          <UploadForm onPreview={show} />
          <ImportHistory onOpen={setId} />
          <ImportHelp />
        </>
      )}
      {view?.status === "previewed" && (
        <>
          <ImportPreview preview={view} />
          <ErrorAlert error={apply.error} />
          {view.summary.rejectedCount > 0 && (
            <Alert color="red" variant="light" title={t("import.preview.refusedTitle")}>
              {t("import.preview.refused")}
            </Alert>
          )}
          <Group>
            <Button onClick={() => applyNow(view.id)} loading={apply.isPending} disabled={view.summary.rejectedCount > 0}>
              {t("import.apply")}
            </Button>
            <Button variant="default" onClick={restart}>
              {t("import.otherFile")}
            </Button>
          </Group>
        </>
      )}
      {view?.status === "applying" && <ApplyProgress view={view} />}
      {(view?.status === "applied" || view?.status === "failed") && (
        <>
          {view.status === "applied" ? (
            <Alert color="green" variant="light" title={t("import.applied.title")}>
              {t("import.applied.text", { fileName: view.summary.fileName })}
            </Alert>
          ) : (
            <Alert color="red" variant="light" title={t("import.failed.title")}>
              {t(failureTextKey(view), { fileName: view.summary.fileName })}
            </Alert>
          )}
          {view.status === "applied" && <ImportCounts summary={view.summary} done />}
          <ErrorAlert error={apply.error} />
          <Group>
            {view.status === "failed" && view.canApply && (
              <Button onClick={() => applyNow(view.id)} loading={apply.isPending}>
                {t("import.applyAgain")}
              </Button>
            )}
            <Button variant="light" onClick={restart}>
              {t("import.another")}
            </Button>
          </Group>
        </>
      )}
      <ErrorAlert error={current.error} />
    </Stack>
  );
}

/** Why an import failed and what to do: apply it again when its file is kept, else upload it again. */
function failureTextKey(view: PeopleImport): string {
  if (view.failure === "expired") return "import.failure.expired.text";
  if (!view.canApply) return "import.failure.notKept";
  return `import.failure.${view.failure ?? "error"}.text`;
}

/** What the import's row says while it is applied: waiting for its job ("queued"), then each phase's rows done. */
function progressText(progress: PeopleImport["progress"], t: TFunction, language: string): string {
  if (!progress) return t("import.starting");
  if (progress.phase === "queued") return t("import.queued");
  return t("import.progress", {
    phase: t(`import.phase.${progress.phase}`),
    done: progress.done.toLocaleString(language),
    total: progress.total.toLocaleString(language),
  });
}

function ApplyProgress({ view }: { view: PeopleImport }) {
  const { t, i18n } = useTranslation();
  const progress = view.progress;
  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Stack gap={6}>
      <Text fw={500}>{t("import.applying")}</Text>
      <Text size="sm" c="dimmed" aria-live="polite">
        {progressText(progress, t, i18n.language)}
      </Text>
      <LabelledProgress value={percent} animated label={t("import.applying")} valueText={`${percent} %`} />
    </Stack>
  );
}
