import { createInstance, type TFunction } from "i18next";
import { LOCALES, type Locale } from "../../../contracts/accounts.ts";
import en from "../../../contracts/i18n/messages.en.json" with { type: "json" };
import fr from "../../../contracts/i18n/messages.fr.json" with { type: "json" };

export { LOCALES, type Locale } from "../../../contracts/accounts.ts";
export const DEFAULT_LOCALE: Locale = "fr";

const i18n = createInstance();
void i18n.init({
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  resources: { fr: { translation: fr }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The server's messages (errors, validation) in one language. */
export function translator(locale: Locale): TFunction {
  return i18n.getFixedT(locale);
}

export function hasMessage(key: string): boolean {
  return i18n.exists(key);
}

/** A message as written in the catalogue, its placeholders ("{{email}}") left in: for documentation. */
export function messageTemplate(locale: Locale, key: string): string | undefined {
  const found: unknown = i18n.getResource(locale, "translation", key);
  return typeof found === "string" ? found : undefined;
}

/** Picks the first supported language of an Accept-Language header, else French. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: (tag ?? "").trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((x) => x.lang && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) {
    if ((LOCALES as readonly string[]).includes(lang as string)) return lang as Locale;
  }
  return DEFAULT_LOCALE;
}
