import { TextInput, type TextInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DISPLAY_NAME_MAX_LENGTH } from "../../../contracts/accounts.ts";

/** A person's name as others see it in the app (an account's display name), required, within the API's limit. */
export function DisplayNameField(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextInput label={t("fields.displayName")} maxLength={DISPLAY_NAME_MAX_LENGTH} autoComplete="name" required {...props} />;
}
