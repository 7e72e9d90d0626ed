import type { Tx } from "../../../db/client.ts";
import { type CalendarOptions, calendarOptions, sessionCalendarFile } from "../../calendar/index.ts";
import { type NewNotification, notify } from "../../notifications/index.ts";
import {
  actionItemReminder,
  agendaDueReminder,
  quietPairReminders,
  reminderWindows,
  sessionTomorrowReminders,
} from "./reminders.domain.ts";
import * as repo from "./reminders.repository.ts";
import type { RemindersDeps } from "./reminders-deps.ts";

/** What one sweep sent: sessions reminded the day before, empty agendas, action items, quiet pairs. */
export type ReminderCounts = { tomorrow: number; agendaDue: number; actionItems: number; quiet: number };

/** Items claimed and told per transaction: short transactions, and a bounded number of notices per `notify`. */
const BATCH = 200;
/** Calendar files prepared at once (on PostgreSQL, over as many of the pool's connections). */
const CALENDAR_READS = 4;

/**
 * The hourly sweep ("session-reminders" job): each reminder goes out once, in its recipient's language and
 * by their choice of channel (`notify`), claimed by writing its marker in the transaction that records it:
 * - session tomorrow (its date in Paris): both people, with the session's calendar file as an invitation;
 * - agenda due: the mentee, when the agenda is still empty at its deadline and the session is to come;
 * - action items due tomorrow (Paris date): their owner;
 * - no session for three weeks (none planned either): both people of an active pair of a running
 *   programme, again three weeks later if nothing changed.
 * Returns how many sessions, sessions, action items and pairs were reminded.
 */
export async function sendSessionReminders(deps: RemindersDeps): Promise<ReminderCounts> {
  const now = deps.clock.now();
  const windows = reminderWindows(now);
  const calendar = { ...calendarOptions(deps.mail), method: "REQUEST" as const };

  const tomorrow = await inBatches(async () => {
    // The calendar files first, outside the claim's transaction: two reads and an .ics per person, a few at a time
    // (on PostgreSQL, over the pool's connections; no transaction waits for them). Only for people with an active
    // account (no one else gets the email), and kept only if the claimed session is still the same (`sequence`).
    const window = { from: windows.tomorrowFrom, to: windows.tomorrowTo };
    const { db } = deps.database;
    const files = await calendarFiles(db, await repo.sessionsStarting(db, window, BATCH), calendar);
    return db.transaction(async (tx) => {
      const sessions = await repo.claimSessionsStarting(tx, window, now, BATCH);
      const notices: NewNotification[] = [];
      for (const session of sessions)
        for (const reminder of sessionTomorrowReminders(session)) {
          const content =
            files.get(fileKey(session, reminder.personId)) ??
            (session.hasAccount.has(reminder.personId)
              ? await sessionCalendarFile(tx, session.id, reminder.personId, calendar)
              : undefined);
          // Sent with the email as an invitation; the bell has no use for it.
          notices.push(content ? { ...reminder, calendar: { method: "REQUEST", content } } : reminder);
        }
      await notify(tx, notices, now);
      return sessions.length;
    });
  });

  const agendaDue = await inBatches(() =>
    deps.database.db.transaction(async (tx) => {
      const sessions = await repo.claimEmptyAgendasDue(tx, now, BATCH);
      await notify(tx, sessions.map(agendaDueReminder), now);
      return sessions.length;
    }),
  );

  const actionItems = await inBatches(() =>
    deps.database.db.transaction(async (tx) => {
      const items = await repo.claimActionItemsDue(tx, windows.tomorrowDate, now, BATCH);
      await notify(tx, items.map(actionItemReminder), now);
      return items.length;
    }),
  );

  const quiet = await inBatches(() =>
    deps.database.db.transaction(async (tx) => {
      const quietPairs = await repo.claimQuietPairs(tx, windows.quietSince, now, BATCH);
      await notify(tx, quietPairs.flatMap(quietPairReminders), now);
      return quietPairs.length;
    }),
  );

  return { tomorrow, agendaDue, actionItems, quiet };
}

/**
 * Runs one batch (a transaction that claims and tells) after another until a batch comes back short: the
 * candidates another instance holds are skipped (SKIP LOCKED) and sent by it.
 */
async function inBatches(run: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await run();
    total += count;
    if (count < BATCH) return total;
  }
}

const fileKey = (session: { id: string; sequence: number }, personId: string) => `${session.id}:${session.sequence}:${personId}`;

/** The invitation of each person of these sessions who has an active account, by `fileKey`. */
async function calendarFiles(db: Tx, sessions: repo.SessionStarting[], options: CalendarOptions & { method: "REQUEST" }) {
  const wanted = sessions.flatMap((session) =>
    [session.mentor.id, session.mentee.id].filter((id) => session.hasAccount.has(id)).map((personId) => ({ session, personId })),
  );
  const contents = await mapConcurrently(wanted, CALENDAR_READS, ({ session, personId }) =>
    sessionCalendarFile(db, session.id, personId, options),
  );
  const files = new Map<string, string>();
  wanted.forEach(({ session, personId }, k) => {
    const content = contents[k];
    if (content) files.set(fileKey(session, personId), content);
  });
  return files;
}

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      results[k] = await fn(items[k] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
