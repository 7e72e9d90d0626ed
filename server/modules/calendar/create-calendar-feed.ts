import type { CalendarFeedLink } from "../../../contracts/calendar.ts";
import { hashToken, newToken } from "../../platform/auth/tokens.ts";
import * as repo from "./calendar.repository.ts";
import type { CalendarDeps } from "./calendar-deps.ts";
import { calendarFeedUrl } from "./calendar-feed.domain.ts";

/**
 * Creates my subscription feed, or replaces it: a new secret URL (256 random bits), shown this once;
 * only its SHA-256 is stored, so the previous URL stops working at once.
 */
export async function createCalendarFeed(user: { id: string }, deps: CalendarDeps): Promise<CalendarFeedLink> {
  const token = newToken();
  await deps.database.db.transaction((tx) => repo.saveFeed(tx, user.id, hashToken(token), deps.clock.now()));
  return { url: calendarFeedUrl(deps.mail.publicUrl, token) };
}
