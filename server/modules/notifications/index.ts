/** The notifications context as other contexts may use it: `notify` inside their transaction. */
export type { NewNotification } from "./notifications.repository.ts";
export { notify, notifyManagers } from "./notifications.service.ts";
