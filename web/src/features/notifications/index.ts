/** The notifications feature as other features and the app's frame may use it: the bell, and the keys to refresh its list. */
export { NotificationBell, notificationText } from "./notification-bell.tsx";
export { notificationKeys } from "./queries.ts";
