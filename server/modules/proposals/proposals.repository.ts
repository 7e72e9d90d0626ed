/** SQL of self-service proposals. Listing them joins the programme (its name) read-only. */
import { and, count, desc, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { programmes, proposals } from "../../db/schema.ts";
import type { ProposalChange } from "./proposals.domain.ts";

export type ProposalRow = typeof proposals.$inferSelect;

export async function insertProposal(tx: Tx, values: typeof proposals.$inferInsert): Promise<ProposalRow> {
  const [row] = await tx.insert(proposals).values(values).returning();
  if (!row) throw new Error("insert into proposals returned nothing");
  return row;
}

export async function findProposal(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ProposalRow | undefined> {
  const query = db.select().from(proposals).where(eq(proposals.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function countOpenProposals(db: Tx, programmeId: string, menteeId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.programmeId, programmeId), eq(proposals.menteeId, menteeId), eq(proposals.status, "open")));
  return row?.n ?? 0;
}

export async function openProposalsOfMentee(db: Tx, programmeId: string, menteeId: string): Promise<ProposalRow[]> {
  return db
    .select()
    .from(proposals)
    .where(and(eq(proposals.programmeId, programmeId), eq(proposals.menteeId, menteeId), eq(proposals.status, "open")));
}

/** Moves open proposals to a decision; proposals no longer open are left as they are. Returns those changed. */
export async function setProposalStatus(tx: Tx, change: ProposalChange & { pairId?: string | null }): Promise<ProposalRow[]> {
  const { ids, ...values } = change;
  if (!ids.length) return [];
  return tx
    .update(proposals)
    .set(values)
    .where(and(inArray(proposals.id, ids), eq(proposals.status, "open")))
    .returning();
}

/** Withdraws the open proposals of a programme sent by or to these people (all of them without `personIds`). */
export async function withdrawOpenProposals(tx: Tx, programmeId: string, personIds: string[] | null, now: Date): Promise<ProposalRow[]> {
  if (personIds && !personIds.length) return [];
  const whose = personIds ? or(inArray(proposals.menteeId, personIds), inArray(proposals.mentorId, personIds)) : undefined;
  return tx
    .update(proposals)
    .set({ status: "withdrawn", decidedAt: now })
    .where(and(eq(proposals.programmeId, programmeId), eq(proposals.status, "open"), whose))
    .returning();
}

/** Proposals a person sent or received, newest first, with the programme's name. */
export async function proposalsOfPerson(db: Tx, personId: string) {
  return db
    .select({ proposal: proposals, programmeName: programmes.name })
    .from(proposals)
    .innerJoin(programmes, eq(programmes.id, proposals.programmeId))
    .where(or(eq(proposals.menteeId, personId), eq(proposals.mentorId, personId)))
    .orderBy(desc(proposals.createdAt));
}

/** Open proposals past their expiry date, locked so that two sweeps never expire one twice. */
export async function expiredOpenProposals(tx: Tx, now: Date): Promise<ProposalRow[]> {
  return tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.status, "open"), lte(proposals.expiresAt, now)))
    .for("update", { skipLocked: true });
}

/** Open proposals expiring before `before` whose mentor has not been reminded yet. */
export async function proposalsToRemind(tx: Tx, before: Date): Promise<ProposalRow[]> {
  return tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.status, "open"), lte(proposals.expiresAt, before), isNull(proposals.expiryNoticeAt)))
    .for("update", { skipLocked: true });
}

export async function markReminded(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length) await tx.update(proposals).set({ expiryNoticeAt: now }).where(inArray(proposals.id, ids));
}

/**
 * The mentors a mentee has an open proposal to, in a programme; with `now`, only those not past their
 * date (the sweep may not have closed one yet: proposal-status.ts).
 */
export async function openProposalMentorIds(db: Tx, programmeId: string, menteeId: string, now?: Date): Promise<Set<string>> {
  const rows = await db
    .select({ mentorId: proposals.mentorId })
    .from(proposals)
    .where(
      and(
        eq(proposals.programmeId, programmeId),
        eq(proposals.menteeId, menteeId),
        eq(proposals.status, "open"),
        now ? gt(proposals.expiresAt, now) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.mentorId));
}
