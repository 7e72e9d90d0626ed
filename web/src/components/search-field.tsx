import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The search box above a list. */
export function SearchField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("people.search")}
      type="search"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={{ base: "100%", sm: 260 }}
    />
  );
}
