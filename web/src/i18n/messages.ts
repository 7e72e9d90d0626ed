/**
 * The UI texts: fr.json / en.json hold the shared ones, and each feature may keep its own in
 * features/<feature>/messages.{fr,en}.json (a top-level key named after the feature). They are
 * merged here, so that i18n.test.ts checks them all.
 */
import en from "./en.json";
import fr from "./fr.json";

type Messages = Record<string, unknown>;

const featureFiles = import.meta.glob<Messages>("../features/*/messages.*.json", { eager: true, import: "default" });

function merged(base: Messages, language: "fr" | "en"): Messages {
  const out: Messages = { ...base };
  for (const [path, messages] of Object.entries(featureFiles)) {
    if (!path.endsWith(`.${language}.json`)) continue;
    for (const [key, value] of Object.entries(messages)) {
      if (key in out) throw new Error(`${path}: the key "${key}" is already defined`);
      out[key] = value;
    }
  }
  return out;
}

export const messages = { fr: merged(fr, "fr"), en: merged(en, "en") };
