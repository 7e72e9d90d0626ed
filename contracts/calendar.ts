import { z } from "zod";

/**
 * Calendars (server/modules/calendar): one session's .ics file, and each person's private subscription
 * feed of all their sessions behind a secret, revocable URL. Only the feed token's SHA-256 is stored:
 * the URL is shown once, when it is created; afterwards it can be replaced or revoked, never shown again.
 */

/** `GET /api/sessions/:id/calendar.ics`. */
export const SessionCalendarParams = z.object({ id: z.uuid() });

/**
 * `GET /api/calendar/:token.ics`: the token as written in the URL. Any string (a NUL, any length): a link
 * a calendar cut or mangled is a 404, not a 400 (nothing tells a wrong token from a revoked one); the
 * feed checks its form before any lookup.
 */
export const CalendarFeedParams = z.object({ token: z.string() });

/** What `POST /api/me/calendar-feed` answers, once: the feed's URL, to paste into a calendar application. */
export const CalendarFeedLink = z.object({ url: z.url() });
export type CalendarFeedLink = z.infer<typeof CalendarFeedLink>;

/** `GET /api/me/calendar-feed`: whether I have a feed, and since when (its URL cannot be shown again). */
export const CalendarFeedStatus = z.object({ isActive: z.boolean(), createdAt: z.iso.datetime().nullable() });
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;
