import type { Role } from "../../../contracts/accounts.ts";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";

/** What the goals' use cases need: the database and the clock. */
export type GoalsDeps = { database: Database; clock: Clock };

/** Who acts: the session's user (`CurrentUser`), or the demo seed acting as one of the pair. */
export type GoalsUser = { personId: string | null; roles: readonly Role[] };
