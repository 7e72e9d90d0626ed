/**
 * The subscription feed's URL: under /api (no session cookie, no CSRF token: calendar applications send
 * none; route-access.ts makes it public), the secret token in the path, ".ics" at the end because some
 * calendar applications look at it. app.ts keeps the token out of the logs (redactUrl).
 */

/** The path prefix of every feed URL, before the token. */
const CALENDAR_FEED_PREFIX = "/api/calendar/";

/**
 * Whether a request is for a feed URL. app.ts answers 404 for one the router itself refuses (a token over its
 * 100 characters, a broken %-escape): a link a calendar cut or mangled opens nothing, like a wrong token.
 */
export const isCalendarFeedPath = (url: string) => url.startsWith(CALENDAR_FEED_PREFIX);

/** The URL to paste into a calendar application: `${PASSERELLE_PUBLIC_URL}/api/calendar/<token>.ics`. */
export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${CALENDAR_FEED_PREFIX}${token}.ics`;
}

/** A feed token as newToken() writes it: 32 random bytes in base64url, 43 characters. */
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Whether a token could be a feed's: anything else (cut, mangled, padded) opens nothing, without a lookup. */
export const isWellFormedFeedToken = (token: string) => FEED_TOKEN.test(token);
