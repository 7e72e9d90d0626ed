import type { Config } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../clock/clock.ts";
import type { MailSettings } from "../mail/index.ts";

/** What every module's routes receive: no globals, so tests build an app on any database and clock. */
export type AppDeps = { database: Database; clock: Clock; config: Config; mail: MailSettings };
