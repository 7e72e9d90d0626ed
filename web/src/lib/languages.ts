import { currentLanguage } from "../i18n/index.ts";

/** Languages commonly spoken at work in French companies, as ISO 639-1 codes. */
export const COMMON_LANGUAGES = [
  "fr",
  "en",
  "es",
  "de",
  "it",
  "pt",
  "nl",
  "ar",
  "zh",
  "ja",
  "ko",
  "pl",
  "ro",
  "ru",
  "tr",
  "uk",
  "vi",
  "hi",
  "he",
  "el",
  "sv",
  "da",
  "fi",
  "no",
  "cs",
  "hu",
  "bg",
  "hr",
  "sk",
  "sl",
  "lt",
  "lv",
  "et",
  "ga",
  "mt",
  "ca",
  "eu",
  "br",
  "wo",
  "ln",
];

/** The text with its first letter in upper case ("après-midi" → "Après-midi"). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase(currentLanguage()) + text.slice(1);
}

/** A language's name in the UI language, capitalised ("Français", "Allemand" / "French", "German"). */
export function languageName(code: string): string {
  return capitalize(new Intl.DisplayNames([currentLanguage()], { type: "language" }).of(code) ?? code);
}

/** Options for a language picker, sorted by name, including codes already chosen that are not in the common list. */
export function languageOptions(chosen: readonly string[] = []) {
  return [...new Set([...COMMON_LANGUAGES, ...chosen])]
    .map((code) => ({ value: code, label: languageName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, currentLanguage()));
}
