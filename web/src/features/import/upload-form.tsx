import { Alert, Button, Card, FileInput, Stack, Switch, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PeopleImport } from "../../../../contracts/people.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { LabelledProgress } from "../../components/labelled-progress.tsx";
import { setServerFieldErrors } from "../../lib/forms.ts";
import { useUploadImport } from "./queries.ts";

/** Choose the HR file and the sync mode, send it with a progress bar; the server answers with a preview. */
export function UploadForm({ onPreview }: { onPreview: (preview: PeopleImport) => void }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(0);
  const form = useForm<{ file: File | null; fullSync: boolean }>({
    initialValues: { file: null, fullSync: false },
    validate: { file: (file) => (file ? null : t("import.upload.chooseFile")) },
  });
  const upload = useUploadImport(setSent);

  return (
    <Card withBorder>
      <form
        onSubmit={form.onSubmit(({ file, fullSync }) => {
          if (!file) return;
          setSent(0);
          upload.mutate({ file, fullSync }, { onSuccess: onPreview, onError: (error) => setServerFieldErrors(form, error) });
        })}
        noValidate
      >
        <Stack>
          <FileInput
            label={t("import.upload.file")}
            description={t("import.upload.fileHelp")}
            placeholder={t("import.upload.filePlaceholder")}
            accept=".csv,.txt,text/csv,text/plain"
            clearable
            {...form.getInputProps("file")}
          />
          <Switch
            label={t("import.upload.fullSync")}
            description={t("import.upload.fullSyncHelp")}
            {...form.getInputProps("fullSync", { type: "checkbox" })}
          />
          {form.values.fullSync && (
            <Alert color="orange" variant="light" title={t("import.upload.fullSyncWarningTitle")}>
              {t("import.upload.fullSyncWarning")}
            </Alert>
          )}
          <ErrorAlert error={upload.error} />
          {upload.isPending && (
            <Stack gap={4}>
              <Text size="sm">{sent < 1 ? t("import.upload.sending") : t("import.upload.reading")}</Text>
              <LabelledProgress
                value={Math.round(sent * 100)}
                animated={sent >= 1}
                label={t("import.upload.progress")}
                valueText={`${Math.round(sent * 100)} %`}
              />
            </Stack>
          )}
          <Button type="submit" loading={upload.isPending} style={{ alignSelf: "flex-start" }}>
            {t("import.upload.submit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
