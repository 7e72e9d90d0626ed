/** The French texts: the UI's ("translation" namespace) and the API's catalogue ("server"). They come with the app. */
import server from "../../../contracts/i18n/messages.fr.json";
import base from "./fr.json";
import { type Messages, mergeMessages } from "./merge-messages.ts";

export const translation = mergeMessages(
  base,
  import.meta.glob<Messages>("../features/*/messages.fr.json", { eager: true, import: "default" }),
);
export { server };
