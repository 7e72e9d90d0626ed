/** Tables of the onboarding context (server/modules/onboarding): modules read, charters accepted. */
import { sql } from "drizzle-orm";
import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { programmes } from "./programmes.ts";

/** Onboarding modules read (catalogue/onboarding.yaml ids). Reflection answers stay the person's own. */
export const onboardingProgress = pgTable(
  "onboarding_progress",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    reflections: jsonb("reflections").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moduleId] })],
);

/** A person's acceptance of a programme's charter (the version they read is its text at that time). */
export const charterAcceptances = pgTable(
  "charter_acceptances",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.personId] })],
);
