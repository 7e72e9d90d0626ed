import type { Role } from "../../../contracts/accounts.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { pairAccess, pairMember } from "../pairs/index.ts";
import * as repo from "./calendar.repository.ts";
import type { CalendarDeps } from "./calendar-deps.ts";
import { calendarOptions, sessionCalendarDownload } from "./session-events.ts";

/**
 * One session's .ics, for one of its pair's two people, in their language and time zone. Someone else
 * gets a 404 (an unknown session too), a programme manager a 403 (pairAccess, pairMember).
 */
export async function downloadSessionCalendar(
  sessionId: string,
  user: { personId: string | null; roles: readonly Role[] },
  deps: Pick<CalendarDeps, "database" | "mail">,
): Promise<{ fileName: string; content: string }> {
  const { db } = deps.database;
  const pairId = await repo.pairOfSession(db, sessionId);
  if (!pairId) throw notFound();
  const { personId } = pairMember(await pairAccess(db, pairId, user));
  const file = await sessionCalendarDownload(db, sessionId, personId, calendarOptions(deps.mail));
  if (!file) throw notFound();
  return file;
}
