/** Tables of the deployment itself (server/modules/system). */
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "../columns.ts";

/** The organisation this deployment serves: one row (id = 1). */
export const organisation = pgTable("organisation", {
  id: integer("id").primaryKey().default(1),
  name: text("name").notNull(),
  createdAt: createdAt(),
});
