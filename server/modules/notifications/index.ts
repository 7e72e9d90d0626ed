/** The notifications context as other contexts may use it: `notify` inside their transaction. */
export type { NewNotification } from "./notifications.repository.ts";
export { notify } from "./notifications.service.ts";
