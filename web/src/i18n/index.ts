/**
 * i18next setup. The "translation" namespace holds the UI texts (fr.json, en.json and the features'
 * messages.*.json); the "server" namespace is the API's message catalogue, so the field error keys of
 * the shared zod schemas ("fields.passwordTooShort") can be translated before anything is sent.
 * French comes with the app; English loads the first time it is shown (some 20 kB gzipped that a
 * French session never needs), before the language changes.
 */
import i18n, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import * as french from "./messages-fr.ts";

export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "passerelle.language";

function readStoredLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "fr";
}

const loadLanguage: BackendModule = {
  type: "backend",
  init: () => {},
  read: (language, namespace, callback) => {
    const texts = language === "en" ? import("./messages-en.ts") : Promise.resolve(french);
    texts.then(
      (module) => callback(null, namespace === "server" ? module.server : module.translation),
      (error: Error) => callback(error, null),
    );
  },
};

/** Resolves once the texts of the language to show are there: main.tsx renders after it. */
export const i18nReady = i18n
  .use(initReactI18next)
  .use(loadLanguage)
  .init({
    resources: { fr: { translation: french.translation, server: french.server } },
    // French is bundled: only the languages missing from `resources` go through `loadLanguage`.
    partialBundledLanguages: true,
    lng: readStoredLanguage(),
    fallbackLng: "fr",
    supportedLngs: LANGUAGES,
    ns: ["translation", "server"],
    defaultNS: "translation",
    // French is there at once: no first render with raw keys.
    initAsync: false,
    interpolation: { escapeValue: false },
  });

document.documentElement.lang = i18n.language;
i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(STORAGE_KEY, language);
});

let appTextsLoaded = false;
/**
 * The French texts of the logged-in app's features (messages-fr-app.ts), added to the first page's:
 * the app's layout waits for them before it renders (router.tsx). English comes whole (messages-en.ts).
 */
export async function loadAppTexts(): Promise<void> {
  if (appTextsLoaded) return;
  const { translation } = await import("./messages-fr-app.ts");
  i18n.addResourceBundle("fr", "translation", translation, true, false);
  appTextsLoaded = true;
}

export function currentLanguage(): Language {
  return i18n.language === "en" ? "en" : "fr";
}

export default i18n;
