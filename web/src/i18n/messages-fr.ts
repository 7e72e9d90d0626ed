/**
 * The French texts the first page needs, bundled with it: the shared ones (fr.json), the features of the
 * pages one sees before logging in, and the API's catalogue ("server"). The other features' texts are in
 * messages-fr-app.ts, loaded with the logged-in app's layout (index.ts `loadAppTexts`): the login page
 * stays within its budget (scripts/check-bundle-budget.ts) however many features the app grows.
 * The list of features here and the list left out in messages-fr-app.ts are the same: keep them so.
 */
import server from "../../../contracts/i18n/messages.fr.json";
import base from "./fr.json";
import { type Messages, mergeMessages } from "./merge-messages.ts";

export const translation = mergeMessages(
  base,
  import.meta.glob<Messages>(
    "../features/{auth,setup,password-reset,invitations,unsubscribe,not-found,notification-preferences}/messages.fr.json",
    { eager: true, import: "default" },
  ),
);
export { server };
