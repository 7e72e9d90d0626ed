/** Glue between Mantine forms, the shared zod schemas and API errors. */
import type { FormErrors } from "@mantine/form";
import type { z } from "zod";
import i18n from "../i18n/index.ts";
import { ApiError } from "./api.ts";

function translateIssue(issue: z.core.$ZodIssue): string {
  const params =
    issue.code === "custom"
      ? issue.params
      : issue.code === "too_small"
        ? { min: issue.minimum }
        : issue.code === "too_big"
          ? { max: issue.maximum }
          : {};
  // Contract schemas use keys of the server catalogue; web-only schemas use keys of the UI texts.
  if (issue.message.startsWith("fields.")) return i18n.t(issue.message, { ns: "server", ...params });
  if (i18n.exists(issue.message)) return i18n.t(issue.message);
  const fallback = issue.code === "too_small" ? "fields.tooShort" : issue.code === "too_big" ? "fields.tooLong" : "fields.invalidValue";
  return i18n.t(fallback, { ns: "server", ...params });
}

/** A Mantine `validate` function that checks the values against a zod schema and translates its messages. */
export function zodValidate(schema: z.ZodType): (values: unknown) => FormErrors {
  return (values) => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      errors[path] ??= translateIssue(issue);
    }
    return errors;
  };
}

/**
 * A Mantine validation rule: the field must not be empty (translated when it runs, so it follows a
 * language switch). For the few forms that do without their zod schema, such as the login page.
 */
export function required(value: unknown): string | null {
  return value === "" || value === null || value === undefined ? i18n.t("fields.required", { ns: "server" }) : null;
}

/** Shows the API's field errors next to the matching inputs; the overall message is shown by <ErrorAlert>. */
export function setServerFieldErrors(form: { setFieldError: (path: never, error: string) => void }, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  for (const issue of error.details) form.setFieldError(issue.path as never, issue.message);
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : i18n.t("errors.unexpected");
}
