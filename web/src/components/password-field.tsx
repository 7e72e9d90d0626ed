import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * PasswordInput with a translated toggle label. The label avoids the words "password"/"mot de passe"
 * so that looking the field up by its label finds only the input.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ "aria-label": t("common.showCharacters") }} {...props} />;
}
