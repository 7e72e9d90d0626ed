import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CalendarFeedLink, CalendarFeedParams, CalendarFeedStatus, SessionCalendarParams } from "../../../contracts/calendar.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { createCalendarFeed } from "./create-calendar-feed.ts";
import { downloadSessionCalendar } from "./download-session-calendar.ts";
import { myCalendarFeed } from "./my-calendar-feed.ts";
import { readCalendarFeed } from "./read-calendar-feed.ts";
import { revokeCalendarFeed } from "./revoke-calendar-feed.ts";

const CALENDAR_TYPE = "text/calendar; charset=utf-8";
/** An .ics answer in the OpenAPI document: RFC 5545 text, not JSON. */
const IcsFile = (description: string) => ({ description, content: { "text/calendar": { schema: z.string() } } });

/**
 * Calendars: one session's .ics for its pair's two people, and my private subscription feed (create or
 * replace, status, revoke), whose URL works without a session (the token is the key).
 */
export const calendarRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ["calendar"];
  app.get(
    "/api/sessions/:id/calendar.ics",
    {
      schema: {
        tags,
        summary: "A session as a calendar file (.ics), for the pair's two people",
        description:
          "In the reader's language and time zone (VTIMEZONE embedded). The UID never changes; SEQUENCE rises with every change; a cancelled session is STATUS:CANCELLED.",
        params: SessionCalendarParams,
        response: { 200: IcsFile("The session's event (RFC 5545)") },
      },
    },
    async (req, reply) => {
      const file = await downloadSessionCalendar(req.params.id, currentUser(req), deps);
      return reply
        .type(CALENDAR_TYPE)
        .header("cache-control", "private, no-store")
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  app.get(
    "/api/me/calendar-feed",
    {
      schema: {
        tags,
        summary: "Whether I have a calendar subscription feed (its URL is shown only when created)",
        response: { 200: CalendarFeedStatus },
      },
    },
    async (req) => myCalendarFeed(currentUser(req), deps),
  );
  app.post(
    "/api/me/calendar-feed",
    {
      schema: {
        tags,
        summary: "Create my calendar subscription feed, or replace it (the previous URL stops working)",
        description: "The answer is the only time the URL is shown: only its token's hash is stored.",
        response: { 200: CalendarFeedLink },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return createCalendarFeed(currentUser(req), deps);
    },
  );
  app.delete(
    "/api/me/calendar-feed",
    { schema: { tags, summary: "Revoke my calendar subscription feed: its URL answers 404", response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeCalendarFeed(currentUser(req), deps);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/calendar/:token.ics",
    {
      schema: {
        tags,
        summary: "A calendar subscription feed: all its owner's sessions (public: the secret token is the key)",
        description:
          "For calendar applications (Outlook, Google Calendar, Apple Calendar): no session cookie, no CSRF token. An unknown or revoked token is a 404.",
        params: CalendarFeedParams,
        response: { 200: IcsFile("Every session of the owner's pairs (RFC 5545)") },
      },
    },
    async (req, reply) => {
      const content = await readCalendarFeed(req.params.token, deps);
      return reply.type(CALENDAR_TYPE).header("cache-control", "private, no-cache").header("x-robots-tag", "noindex").send(content);
    },
  );
};
