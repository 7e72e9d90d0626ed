/**
 * The French texts of the logged-in app's features, loaded with its layout (index.ts `loadAppTexts`);
 * those of the pages before login are in messages-fr.ts (the same list of features is left out here).
 * The notifications' sentences are shared with the server's emails (contracts/notification-text.ts).
 */
import notificationTexts from "../../../contracts/i18n/notifications.fr.json";
import { type Messages, mergeMessages } from "./merge-messages.ts";

export const translation = mergeMessages(
  {},
  import.meta.glob<Messages>(
    [
      "../features/*/messages.fr.json",
      "!../features/{auth,setup,password-reset,invitations,unsubscribe,not-found,notification-preferences}/messages.fr.json",
    ],
    { eager: true, import: "default" },
  ),
  notificationTexts,
);
