/** The notifications context as other contexts may use it: `notify` inside their transaction; the daily digest job. */
export type { NewNotification } from "./notifications.repository.ts";
export { notify, notifyManagers } from "./notifications.service.ts";
export { sendDigests } from "./send-digests.ts";
