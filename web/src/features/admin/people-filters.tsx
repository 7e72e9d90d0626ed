/** The filters that the lists of people share: role and profile completeness; empty means "any". */
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../../../contracts/accounts.ts";
import { COMPLETENESS_FILTERS, type CompletenessFilter as Completeness } from "../../../../contracts/people.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";

interface FilterProps<V> {
  value: V | null;
  onChange: (value: V | null) => void;
}

/** Filters accounts or people by role. */
export function RoleFilter({ value, onChange }: FilterProps<Role>) {
  const { t } = useTranslation();
  return (
    <ChoiceFilter
      label={t("fields.role")}
      placeholder={t("people.allRoles")}
      values={ROLES}
      optionLabel={(role) => t(`roles.${role}`)}
      value={value}
      onChange={onChange}
    />
  );
}

/** Filters people by how complete their profile is. */
export function CompletenessFilter({ value, onChange }: FilterProps<Completeness>) {
  const { t } = useTranslation();
  return (
    <ChoiceFilter
      label={t("people.completeness")}
      placeholder={t("people.anyCompleteness")}
      values={COMPLETENESS_FILTERS}
      optionLabel={(completeness) => t(`people.completenessFilter.${completeness}`)}
      value={value}
      onChange={onChange}
    />
  );
}
