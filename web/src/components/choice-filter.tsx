import { Select } from "@mantine/core";

/** A clearable Select over a fixed list of values, above a list: empty means "all". */
export function ChoiceFilter<V extends string>({
  label,
  placeholder,
  values,
  optionLabel,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  values: readonly V[];
  optionLabel: (value: V) => string;
  value: V | null;
  onChange: (value: V | null) => void;
}) {
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={values.map((item) => ({ value: item, label: optionLabel(item) }))}
      value={value}
      onChange={(next) => onChange(next as V | null)}
      clearable
      w={{ base: "100%", sm: 220 }}
    />
  );
}
