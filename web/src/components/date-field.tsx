import { DateInput, type DateInputProps } from "@mantine/dates";
import { useTranslation } from "react-i18next";
import dayjs from "../lib/dayjs.ts";

/** How each UI language writes a date in a field, and the other ways of typing one that it accepts. */
const FORMATS = {
  fr: { shown: "DD/MM/YYYY", accepted: ["DD/MM/YYYY", "D/M/YYYY", "YYYY-MM-DD"] },
  en: { shown: "MMM D, YYYY", accepted: ["MMM D, YYYY", "MMMM D, YYYY", "MM/DD/YYYY", "M/D/YYYY", "YYYY-MM-DD"] },
} as const;

export type DateFieldProps = Omit<DateInputProps, "value" | "defaultValue" | "onChange" | "valueFormat" | "dateParser"> & {
  /** An ISO date ("2026-12-20"); "" or undefined when empty. */
  value?: string;
  onChange: (value: string) => void;
};

/**
 * A date field in the UI language, whatever the browser's: "20/12/2026" in French, "Dec 20, 2026" in
 * English, with a calendar. Its value stays an ISO date ("2026-12-20"), as the API sends and expects.
 * Use it rather than `<input type="date">`, which follows the browser's language.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "fr";
  const formats = FORMATS[language];
  return (
    <DateInput
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ?? "")}
      valueFormat={formats.shown}
      // Strict parsing: "20/12/2" is no date yet, rather than 20 December of year 2.
      dateParser={(text) => {
        for (const format of formats.accepted) {
          const date = dayjs(text.trim(), format, language, true);
          if (date.isValid()) return date.format("YYYY-MM-DD");
        }
        return null;
      }}
    />
  );
}
