import { hashToken } from "../../platform/auth/tokens.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import * as repo from "./calendar.repository.ts";
import type { CalendarDeps } from "./calendar-deps.ts";
import { isWellFormedFeedToken } from "./calendar-feed.domain.ts";
import { accountCalendarFeed, calendarOptions } from "./session-events.ts";

/**
 * The subscription feed a token opens (no session: the token is the key), as its owner reads it: their
 * language and time zone, every session of their pairs. An unknown or revoked token, or a disabled
 * account's, is a 404: nothing tells them apart; so is a token not even of a token's form (cut or mangled).
 */
export async function readCalendarFeed(token: string, deps: Pick<CalendarDeps, "database" | "mail">): Promise<string> {
  const { db } = deps.database;
  if (!isWellFormedFeedToken(token)) throw notFound();
  const owner = await repo.feedOwner(db, hashToken(token));
  if (!owner) throw notFound();
  return accountCalendarFeed(db, owner, calendarOptions(deps.mail));
}
