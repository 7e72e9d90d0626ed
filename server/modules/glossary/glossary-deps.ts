import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";

/** What the glossary's use cases need: the database and the clock. */
export type GlossaryDeps = { database: Database; clock: Clock };
