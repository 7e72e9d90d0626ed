/** The French texts: the UI's ("translation" namespace) and the API's catalogue ("server"). They come with the app. */
import server from "../../../contracts/i18n/messages.fr.json";
import notificationTexts from "../../../contracts/i18n/notifications.fr.json";
import base from "./fr.json";
import { type Messages, mergeMessages } from "./merge-messages.ts";

/** The notifications' sentences are shared with the server's emails (contracts/notification-text.ts). */
export const translation = mergeMessages(
  base,
  import.meta.glob<Messages>("../features/*/messages.fr.json", { eager: true, import: "default" }),
  notificationTexts,
);
export { server };
