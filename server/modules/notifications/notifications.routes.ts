import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  MarkReadBody,
  NotificationList,
  NotificationPreferences,
  UpdateNotificationPreferencesBody,
} from "../../../contracts/notifications.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { getMyNotificationPreferences, updateMyNotificationPreferences } from "./notification-preferences.ts";
import * as service from "./notifications.service.ts";
import { unsubscribeRoutes } from "./unsubscribe.routes.ts";

/** My notifications and my preferences only: the URL names no one. And the emails' unsubscribe links. */
export const notificationsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/me/notifications",
    { schema: { tags: ["notifications"], summary: "My latest notifications and the unread count", response: { 200: NotificationList } } },
    async (req) => service.listMyNotifications(currentUser(req), deps),
  );
  app.post(
    "/api/me/notifications/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark some (ids) or all of my notifications read",
        body: MarkReadBody,
        response: { 200: NotificationList },
      },
    },
    async (req) => {
      await service.markMyNotificationsRead(currentUser(req), req.body.ids, deps);
      return service.listMyNotifications(currentUser(req), deps);
    },
  );
  app.get(
    "/api/me/notification-preferences",
    {
      schema: {
        tags: ["notifications"],
        summary: "How I hear of each kind of notification that concerns me (in the app, by email, in the daily digest)",
        response: { 200: NotificationPreferences },
      },
    },
    async (req) => getMyNotificationPreferences(currentUser(req), deps),
  );
  app.put(
    "/api/me/notification-preferences",
    {
      schema: {
        tags: ["notifications"],
        summary: "Choose the channel of some kinds of notification (the others keep theirs); answers all of them",
        body: UpdateNotificationPreferencesBody,
        response: { 200: NotificationPreferences },
      },
    },
    async (req) => updateMyNotificationPreferences(currentUser(req), req.body.items, deps),
  );
  await app.register(unsubscribeRoutes, deps);
};
