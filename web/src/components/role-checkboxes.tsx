import { Checkbox, Stack } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../contracts/accounts.ts";

/** The roles an account holds (several may be ticked), bound to a form field. */
export function RoleCheckboxes(inputProps: GetInputPropsReturnType) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t("fields.roles")} required {...inputProps}>
      <Stack gap="xs" mt="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
