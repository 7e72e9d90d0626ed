/**
 * i18next setup. The "translation" namespace holds the UI texts (fr.json, en.json); the "server"
 * namespace is the API's message catalogue, so the field error keys of the shared zod schemas
 * ("fields.passwordTooShort") can be translated before anything is sent.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import serverEn from "../../../contracts/i18n/messages.en.json";
import serverFr from "../../../contracts/i18n/messages.fr.json";
import { messages } from "./messages.ts";

export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "passerelle.language";

function readStoredLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "fr";
}

void i18n.use(initReactI18next).init({
  resources: {
    fr: { translation: messages.fr, server: serverFr },
    en: { translation: messages.en, server: serverEn },
  },
  lng: readStoredLanguage(),
  fallbackLng: "fr",
  supportedLngs: LANGUAGES,
  ns: ["translation", "server"],
  defaultNS: "translation",
  // Resources are bundled: initialising synchronously avoids a first render with raw keys.
  initAsync: false,
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(STORAGE_KEY, language);
});

export function currentLanguage(): Language {
  return i18n.language === "en" ? "en" : "fr";
}

/** Date and time in the current language, e.g. "12 mars 2026, 14:05". */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "long" }).format(new Date(iso));
}

export default i18n;
