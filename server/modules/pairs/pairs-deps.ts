import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";

/** What the pairs' use cases need: the database and the clock. */
export type PairsDeps = { database: Database; clock: Clock };
