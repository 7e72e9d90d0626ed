import type { Database } from "../../../db/client.ts";
import type { Clock } from "../../../platform/clock/clock.ts";

/** What the reminders need: the database, the clock, and the mail settings the calendar files link and sign with. */
export type RemindersDeps = { database: Database; clock: Clock; mail: { from: string; publicUrl: string } };
