/** "Mes notifications" as other features use it: its address, and each kind's label (the unsubscribe page names what it stops). */
export { kindLabelKey } from "./kind-groups.ts";

/** The page "Mes notifications" (emails link to it too: server/platform/mail/render-mail.ts). */
export const NOTIFICATION_PREFERENCES_PATH = "/account/notifications";
