import { Alert, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Programme } from "../../../../contracts/programmes.ts";
import { setServerFieldErrors } from "../../lib/forms.ts";
import { focusFirstError, ProgrammeFormFields, toProgrammeFields, useProgrammeForm, valuesFromProgramme } from "./programme-form.tsx";
import { useUpdateProgramme } from "./queries.ts";

/** The creation form again, to edit the programme; read-only once it is closed. */
export function SettingsTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const form = useProgrammeForm(valuesFromProgramme(programme));
  const update = useUpdateProgramme(programme.id);
  const isClosed = programme.phase === "closed";

  return (
    <Stack>
      {isClosed && (
        <Alert color="gray" title={t("programmes.settings.closedTitle")}>
          {t("programmes.settings.closedText")}
        </Alert>
      )}
      <ProgrammeFormFields
        form={form}
        readOnly={isClosed}
        submitLabel={t("programmes.settings.submit")}
        isSaving={update.isPending}
        error={update.error}
        onSubmit={(values) =>
          update.mutate(toProgrammeFields(values), {
            onSuccess: (saved) => {
              form.setValues(valuesFromProgramme(saved));
              form.resetDirty(valuesFromProgramme(saved));
              notifications.show({ color: "green", message: t("programmes.settings.saved") });
            },
            onError: (error) => {
              setServerFieldErrors(form, error);
              focusFirstError();
            },
          })
        }
      />
    </Stack>
  );
}
