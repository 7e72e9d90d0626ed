import type { CalendarFeedStatus } from "../../../contracts/calendar.ts";
import * as repo from "./calendar.repository.ts";
import type { CalendarDeps } from "./calendar-deps.ts";

/** Whether I have a subscription feed and since when; its URL cannot be shown again (only its hash is kept). */
export async function myCalendarFeed(user: { id: string }, deps: Pick<CalendarDeps, "database">): Promise<CalendarFeedStatus> {
  const feed = await repo.feedOf(deps.database.db, user.id);
  return { isActive: feed !== undefined, createdAt: feed?.createdAt.toISOString() ?? null };
}
