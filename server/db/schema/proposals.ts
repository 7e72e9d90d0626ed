/** Tables of the proposals context (server/modules/proposals): a mentee's self-service proposals to mentors. */

import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PROPOSAL_STATUSES } from "../../../contracts/pairs.ts";
import { pairs } from "./pairs.ts";
import { people } from "./people.ts";
import { programmes } from "./programmes.ts";

/** A mentee's self-service proposal to a mentor of the same programme. */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    menteeId: uuid("mentee_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    goals: text("goals").notNull(),
    offer: text("offer").notNull(),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull(),
    declineReason: text("decline_reason"),
    pairId: uuid("pair_id").references(() => pairs.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the mentor was told the proposal expires soon. */
    expiryNoticeAt: timestamp("expiry_notice_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("proposals_open_key").on(t.programmeId, t.menteeId, t.mentorId).where(sql`status = 'open'`),
    index("proposals_mentor_idx").on(t.mentorId, t.status),
    index("proposals_mentee_idx").on(t.menteeId, t.status),
  ],
);
