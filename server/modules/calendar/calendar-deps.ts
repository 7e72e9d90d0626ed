import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";

/** What the calendar's use cases need: the database, the clock, and the mail settings (links and organizer). */
export type CalendarDeps = { database: Database; clock: Clock; mail: { from: string; publicUrl: string } };
