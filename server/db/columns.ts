/** Column builders shared by the tables of server/db/schema/. */
import { customType, timestamp } from "drizzle-orm/pg-core";

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Bytes (drizzle has no bytea column of its own). Big values travel as base64 text: see people-import.repository.ts. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
