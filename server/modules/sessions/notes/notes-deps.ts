import type { Database } from "../../../db/client.ts";
import type { Clock } from "../../../platform/clock/clock.ts";

/** What the notes' use cases need: the database and the clock. */
export type NotesDeps = { database: Database; clock: Clock };
