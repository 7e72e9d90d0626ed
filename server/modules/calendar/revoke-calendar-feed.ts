import * as repo from "./calendar.repository.ts";
import type { CalendarDeps } from "./calendar-deps.ts";

/** Revokes my subscription feed: its URL answers 404 from now on. Nothing to revoke is fine too. */
export async function revokeCalendarFeed(user: { id: string }, deps: Pick<CalendarDeps, "database">): Promise<void> {
  await deps.database.db.transaction((tx) => repo.deleteFeed(tx, user.id));
}
