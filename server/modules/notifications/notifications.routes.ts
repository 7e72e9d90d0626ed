import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { MarkReadBody, NotificationList } from "../../../contracts/notifications.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import * as service from "./notifications.service.ts";

/** My notifications only: the URL names no one. */
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
};
