/** SQL of invitations: their links (and reminders), bulk invitations and the accounts these create. */
import { and, asc, eq, exists, gt, gte, inArray, isNull, max, not, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Locale, Role } from "../../../contracts/accounts.ts";
import type { InvitationBatchSource } from "../../../contracts/invitations.ts";
import type { Tx } from "../../db/client.ts";
import { invitationBatches, invitations, people, userRoles, users } from "../../db/schema.ts";
import type { InvitationRound } from "./invitations.domain.ts";

export type InvitationRow = typeof invitations.$inferSelect;
export type BatchRow = typeof invitationBatches.$inferSelect;

/**
 * What a bulk invitation stores in `source`: the source asked for, with the role it grants riding along
 * (the table has no column of its own for it; missing = participant).
 */
export type StoredBatchSource = InvitationBatchSource & { role?: Role };

export async function insertInvitations(
  tx: Tx,
  rows: {
    tokenHash: string;
    userId: string;
    invitedBy: string | null;
    createdAt: Date;
    expiresAt: Date;
    round: InvitationRound;
    batchId: string | null;
  }[],
): Promise<InvitationRow[]> {
  if (!rows.length) return [];
  return tx.insert(invitations).values(rows).returning();
}

/** Every open link of these accounts stops working (a new invitation replaces them, an accepted one ends them). */
export async function voidOpenInvitations(tx: Tx, userIds: string[], now: Date): Promise<void> {
  if (!userIds.length) return;
  await tx
    .update(invitations)
    .set({ usedAt: now })
    .where(and(inArray(invitations.userId, userIds), isNull(invitations.usedAt)));
}

/** The open invitation behind a token (unused, unexpired), with its account. */
export async function findOpenInvitation(db: Tx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.usedAt),
        sql`${invitations.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
  return row;
}

export async function markInvitationUsed(db: Tx, invitationId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/**
 * Invited accounts for people of the directory (linked to them, in French), with their role. A person
 * who got an account meanwhile (its email or its link taken, by a concurrent run) is left out: returns
 * the accounts created.
 */
export async function insertInvitedUsers(
  tx: Tx,
  people: { personId: string; email: string; displayName: string }[],
  role: Role,
  now: Date,
): Promise<{ id: string; email: string; displayName: string; locale: Locale }[]> {
  if (!people.length) return [];
  const created = await tx
    .insert(users)
    .values(
      people.map((p) => ({
        email: p.email,
        displayName: p.displayName,
        passwordHash: null,
        status: "invited" as const,
        locale: "fr" as const,
        personId: p.personId,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale });
  if (created.length) await tx.insert(userRoles).values(created.map((u) => ({ userId: u.id, role })));
  return created;
}

/** The account (`users` of the outer query) holds a link still open at `now`: unused, unexpired. */
const hasOpenLink = (tx: Tx, now: Date) =>
  exists(
    tx
      .select({ one: sql`1` })
      .from(invitations)
      .where(
        and(
          eq(invitations.userId, users.id),
          isNull(invitations.usedAt),
          sql`${invitations.expiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      ),
  );

/** An account never activated, as an invitation email needs it. */
export type InvitedAccount = { id: string; email: string; displayName: string; locale: Locale };

/**
 * The accounts never activated ("invited") of these directory entries, each with whether it holds a
 * link still open at `now` (unused, unexpired: the invitation's or a reminder's). An account counts as a
 * person's when it is linked to them or has their work email, as the people and programmes contexts
 * count "has an account".
 */
export async function invitedAccountsOf(
  tx: Tx,
  personIds: string[],
  now: Date,
): Promise<{ personId: string; account: InvitedAccount; hasOpenInvitation: boolean }[]> {
  const found: { personId: string; account: InvitedAccount; hasOpenInvitation: boolean }[] = [];
  for (let k = 0; k < personIds.length; k += 1000) {
    const rows = await tx
      .select({
        personId: people.id,
        account: { id: users.id, email: users.email, displayName: users.displayName, locale: users.locale },
        hasOpenInvitation: sql<boolean>`${hasOpenLink(tx, now)}`.mapWith(Boolean),
      })
      .from(people)
      .innerJoin(users, or(eq(users.personId, people.id), eq(users.email, people.email)))
      .where(and(inArray(people.id, personIds.slice(k, k + 1000)), eq(users.status, "invited")))
      .orderBy(asc(users.id));
    found.push(...rows);
  }
  return found;
}

/**
 * Locks these accounts until the transaction ends, and returns those still invited without an open
 * link at `now`, read after the lock: two bulk invitations choosing the same person take turns, and the
 * second sees the first one's link (a new statement reads what was committed before it began).
 */
export async function lockInvitedWithoutOpenLink(tx: Tx, userIds: string[], now: Date): Promise<InvitedAccount[]> {
  if (!userIds.length) return [];
  await tx.select({ id: users.id }).from(users).where(inArray(users.id, userIds)).orderBy(asc(users.id)).for("update");
  return tx
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.status, "invited"), not(hasOpenLink(tx, now))))
    .orderBy(asc(users.id));
}

/* ---------------------------------------------------------------- bulk invitations */

export async function insertBatch(
  tx: Tx,
  values: { createdBy: string | null; createdAt: Date; source: StoredBatchSource; total: number },
): Promise<BatchRow> {
  const [row] = await tx
    .insert(invitationBatches)
    .values({ ...values, status: "queued" })
    .returning();
  if (!row) throw new Error("insert into invitation_batches returned nothing");
  return row;
}

export async function findBatch(db: Tx, id: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(invitationBatches).where(eq(invitationBatches.id, id));
  return row;
}

/** The batch, locked until the transaction ends: two runs of its job take their slices one after the other. */
export async function lockBatch(tx: Tx, id: string): Promise<BatchRow | undefined> {
  const [row] = await tx.select().from(invitationBatches).where(eq(invitationBatches.id, id)).for("update");
  return row;
}

export async function updateBatch(
  tx: Tx,
  id: string,
  values: Partial<Pick<BatchRow, "status" | "total" | "done" | "skipped" | "finishedAt">>,
): Promise<void> {
  await tx.update(invitationBatches).set(values).where(eq(invitationBatches.id, id));
}

/* ---------------------------------------------------------------- reminders */

/** The account's invitations still open get no more reminders (their links keep working). Returns how many. */
export async function stopReminders(tx: Tx, userId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(invitations)
    .set({ remindersStoppedAt: now })
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.remindersStoppedAt)))
    .returning({ id: invitations.id });
  return rows.length;
}

/** Any constant: the key of the lock that lets one reminder sweep at a time choose whom to remind. */
const REMINDER_SWEEP_LOCK = 0x1a7e_0001;

/**
 * Serialises reminder sweeps until the transaction ends: a second sweep started at once waits, then
 * sees the reminders the first one wrote (each statement reads what was committed before it began).
 */
export async function lockReminderSweep(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_SWEEP_LOCK})`);
}

/**
 * Invitations (round 0) still open on an account not activated yet, at least `firstDue` old, whose
 * person has not unsubscribed from their emails, and whose next reminder has not been sent: round 2 not sent and older than `secondDue`, or no reminder sent at
 * all. With the inviter's name, the bulk invitation's source and the last round sent for it (its
 * reminders share its expiry; those of an earlier invitation of the account, voided by this one, do not count). Locked, skipping those an
 * accept or a new invitation holds at this moment.
 */
export async function invitationsToRemind(tx: Tx, now: Date, due: { first: Date; second: Date }, limit: number) {
  const later = alias(invitations, "later");
  const inviter = alias(users, "inviter");
  const lastSent = tx
    .select({ round: max(later.round) })
    .from(later)
    .where(
      and(
        eq(later.userId, invitations.userId),
        gt(later.round, 0),
        // A reminder ends when its invitation does: that is what ties it to this invitation rather than an earlier one.
        eq(later.expiresAt, invitations.expiresAt),
        gte(later.createdAt, invitations.createdAt),
      ),
    );
  const lastRound = sql<number>`coalesce((${lastSent}), 0)`;
  return tx
    .select({
      invitation: invitations,
      user: { id: users.id, email: users.email, displayName: users.displayName, locale: users.locale },
      inviterName: inviter.displayName,
      source: invitationBatches.source,
      lastRound: lastRound.mapWith(Number),
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .leftJoin(invitationBatches, eq(invitationBatches.id, invitations.batchId))
    .where(
      and(
        eq(invitations.round, 0),
        isNull(invitations.usedAt),
        isNull(invitations.remindersStoppedAt),
        eq(users.status, "invited"),
        sql`${invitations.expiresAt} > ${now.toISOString()}::timestamptz`,
        sql`${invitations.createdAt} <= ${due.first.toISOString()}::timestamptz`,
        sql`(${lastRound} < 1 or (${lastRound} < 2 and ${invitations.createdAt} <= ${due.second.toISOString()}::timestamptz))`,
      ),
    )
    .orderBy(invitations.createdAt, invitations.id)
    .limit(limit)
    .for("update", { of: invitations, skipLocked: true });
}
