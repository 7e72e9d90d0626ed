/** All SQL of "forgot password": the one-time links (password_resets) and the accounts they are for. */
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { passwordResets, users } from "../../db/schema.ts";
import type { UserRow } from "./accounts.repository.ts";

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * The active account with this email, its row locked until the transaction ends: two requests for
 * the same address at once are handled one after the other, so the hourly limit holds.
 */
export async function lockActiveUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.email, email), eq(users.status, "active")))
    .for("update");
  return row;
}

/** How many links were issued to an account since `since` (used, replaced or not). */
export async function countResetsSince(tx: Tx, userId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), sql`${passwordResets.createdAt} > ${at(since)}`));
  return row?.n ?? 0;
}

/**
 * Ends an account's links still open: they expire now. The rows stay, so that they still count
 * toward the hourly limit.
 */
export async function expireOpenResets(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx
    .update(passwordResets)
    .set({ expiresAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), sql`${passwordResets.expiresAt} > ${at(now)}`));
}

export async function insertReset(tx: Tx, values: { tokenHash: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  await tx
    .insert(passwordResets)
    .values({ tokenHash: values.tokenHash, userId: values.userId, createdAt: values.now, expiresAt: values.expiresAt });
}

/** An open link (unused, not expired) of an active account, with that account. */
export async function findOpenReset(tx: Tx, tokenHash: string, now: Date) {
  const [row] = await tx
    .select({ resetId: passwordResets.id, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        sql`${passwordResets.expiresAt} > ${at(now)}`,
        eq(users.status, "active"),
      ),
    );
  return row;
}

/**
 * Marks a link used, if it is still open and its account still active: true for the one caller
 * that did it. The atomic step of a reset: of two concurrent uses of a link, one wins.
 */
export async function markResetUsed(tx: Tx, resetId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.id, resetId),
        isNull(passwordResets.usedAt),
        sql`${passwordResets.expiresAt} > ${at(now)}`,
        sql`exists (select 1 from ${users} where ${users.id} = ${passwordResets.userId} and ${users.status} = 'active')`,
      ),
    )
    .returning({ id: passwordResets.id });
  return rows.length === 1;
}
