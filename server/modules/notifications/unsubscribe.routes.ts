import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { MailCategory } from "../../../contracts/mail.ts";
import { NotificationKind } from "../../../contracts/notifications.ts";
import { text } from "../../../contracts/text.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { previewUnsubscribe, unsubscribe } from "./unsubscribe.ts";

/** The message's id, as written in the email (any text: a link cut by a mail client is a 404, not a 400). */
const MessageIdParams = z.object({ id: text().max(200) });
/** What an unsubscribe link stops: a kind of notification, or (kind null) the daily digest, or (kind null) an invitation's reminders. */
const UnsubscribeTarget = z.object({ kind: NotificationKind.nullable(), category: MailCategory });

/**
 * One-click unsubscribe (RFC 8058), public: the List-Unsubscribe header of every non-security email
 * points here (server/platform/mail/render-mail.ts). Mail clients POST `List-Unsubscribe=One-Click`
 * as a form, without cookie or CSRF token (auth-plugin.ts exempts this route); the body is accepted
 * and ignored. Registered in a scope of its own, so that the form parsers apply to these routes only.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.addContentTypeParser(["application/x-www-form-urlencoded", "multipart/form-data"], { parseAs: "string" }, (_req, _body, done) =>
    done(null, undefined),
  );
  const tags = ["notifications"];
  app.get(
    "/api/mail/unsubscribe/:id",
    {
      schema: {
        tags,
        summary: "What an email's unsubscribe link would stop (public: the message id is the key)",
        params: MessageIdParams,
        response: { 200: UnsubscribeTarget },
      },
    },
    async (req) => previewUnsubscribe(req.params.id, deps),
  );
  app.post(
    "/api/mail/unsubscribe/:id",
    {
      schema: {
        tags,
        summary:
          "One-click unsubscribe (RFC 8058): that kind of email (or the digest) now stays in the app; an invitation gets no more reminders",
        description:
          "Public, no session and no CSRF token. Accepts an empty body or the form `List-Unsubscribe=One-Click` (urlencoded or multipart), which it ignores.",
        params: MessageIdParams,
        response: { 200: UnsubscribeTarget },
      },
    },
    async (req) => unsubscribe(req.params.id, deps),
  );
};
