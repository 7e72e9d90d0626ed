/**
 * All the UI texts, both languages, for the tests that check them (i18n.test.ts). The app itself loads
 * one language at a time (index.ts): each is merged in its own module, messages-fr.ts (+ messages-fr-app.ts,
 * loaded after login) and messages-en.ts.
 */
import * as en from "./messages-en.ts";
import * as fr from "./messages-fr.ts";
import * as frApp from "./messages-fr-app.ts";

export const messages = { fr: { ...fr.translation, ...frApp.translation }, en: en.translation };
