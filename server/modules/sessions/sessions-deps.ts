import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";

/**
 * What the sessions' use cases need: the database, the clock, and the mail settings (the invitations'
 * organiser and the links of the calendar files). AppDeps fits.
 */
export type SessionsDeps = { database: Database; clock: Clock; mail: { from: string; publicUrl: string } };
