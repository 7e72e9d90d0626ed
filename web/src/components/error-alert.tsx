import { Alert, type AlertProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../lib/forms.ts";

/** A red alert for an error (an ApiError's translated message, or a text); renders nothing without one. */
export function ErrorAlert({ error, title, ...props }: Omit<AlertProps, "children"> & { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" title={title ?? t("errors.title")} {...props}>
      {typeof error === "string" ? error : errorMessage(error)}
    </Alert>
  );
}
