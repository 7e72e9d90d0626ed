import { notifyManagers } from "../../notifications/index.ts";
import { digestPeriod, isoWeekOf, reminderWindows, weeklyDigestNotice } from "./reminders.domain.ts";
import * as repo from "./reminders.repository.ts";
import type { RemindersDeps } from "./reminders-deps.ts";

/**
 * The managers' weekly digest ("sessions-weekly-digest" job, Mondays at 8:00 Paris time): for each running
 * programme with pairs, once per ISO week whoever runs it (a session_digests row claims it), the last seven
 * days' sessions held, the sessions of those days that started with an empty agenda, and the pairs with no
 * session for three weeks. Returns how many programmes' digests went out.
 */
export async function sendWeeklySessionDigests(deps: Pick<RemindersDeps, "database" | "clock">): Promise<number> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const weeks = await repo.programmeWeeks(tx, digestPeriod(now), reminderWindows(now).quietSince);
    const claimed = await repo.claimDigests(
      tx,
      weeks.map((w) => w.programmeId),
      isoWeekOf(now),
      now,
    );
    const due = weeks.filter((w) => claimed.has(w.programmeId));
    for (const week of due) await notifyManagers(tx, weeklyDigestNotice(week), now);
    return due.length;
  });
}
