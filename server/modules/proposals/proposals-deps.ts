import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";

/** What the proposals' use cases need: the database and the clock. */
export type ProposalsDeps = { database: Database; clock: Clock };
