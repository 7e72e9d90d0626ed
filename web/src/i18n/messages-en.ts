/** The English texts: the UI's ("translation" namespace) and the API's catalogue ("server"). Loaded when first shown. */
import server from "../../../contracts/i18n/messages.en.json";
import notificationTexts from "../../../contracts/i18n/notifications.en.json";
import base from "./en.json";
import { type Messages, mergeMessages } from "./merge-messages.ts";

/** The notifications' sentences are shared with the server's emails (contracts/notification-text.ts). */
export const translation = mergeMessages(
  base,
  import.meta.glob<Messages>("../features/*/messages.en.json", { eager: true, import: "default" }),
  notificationTexts,
);
export { server };
