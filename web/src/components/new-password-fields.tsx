import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN_LENGTH } from "../../../contracts/accounts.ts";
import { PasswordField } from "./password-field.tsx";

/**
 * A new password and its confirmation, with the one rule stated next to the field (pair with
 * `withPasswordConfirmation` in the form's schema).
 */
export function NewPasswordFields({
  password,
  confirmation,
  labels = { password: "fields.password", confirmation: "fields.confirmPassword" },
}: {
  password: GetInputPropsReturnType;
  confirmation: GetInputPropsReturnType;
  labels?: { password: string; confirmation: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t(labels.password)}
        description={t("password.rule", { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        {...password}
      />
      <PasswordField label={t(labels.confirmation)} autoComplete="new-password" required {...confirmation} />
    </>
  );
}
