/**
 * The subscription feed's URL: under /api (no session cookie, no CSRF token: calendar applications send
 * none; route-access.ts makes it public), the secret token in the path, ".ics" at the end because some
 * calendar applications look at it. app.ts keeps the token out of the logs (redactUrl).
 */

/** The path prefix of every feed URL, before the token. */
const CALENDAR_FEED_PREFIX = "/api/calendar/";

/** The URL to paste into a calendar application: `${PASSERELLE_PUBLIC_URL}/api/calendar/<token>.ics`. */
export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${CALENDAR_FEED_PREFIX}${token}.ics`;
}
