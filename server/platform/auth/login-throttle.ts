import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { loginFailures } from "../../db/schema.ts";

/**
 * Failed logins are counted per account and per IP address in the database (shared by every app
 * instance). Past the limit within the window, logins are refused until the window ends, even with
 * the right password: an attacker cannot keep guessing.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccount: 10,
  perIp: 50,
};

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Minutes until the caller may try again, or 0 when not throttled. */
export async function loginRetryAfterMinutes(db: Tx, email: string, ip: string, now: Date): Promise<number> {
  const rows = await db
    .select()
    .from(loginFailures)
    .where(sql`${loginFailures.key} in (${accountKey(email)}, ${ipKey(ip)})`);
  let waitMs = 0;
  for (const row of rows) {
    const limit = row.key.startsWith("account:") ? LOGIN_LIMITS.perAccount : LOGIN_LIMITS.perIp;
    const endsAt = row.windowStartedAt.getTime() + LOGIN_LIMITS.windowMs;
    if (row.failures >= limit && endsAt > now.getTime()) waitMs = Math.max(waitMs, endsAt - now.getTime());
  }
  return Math.ceil(waitMs / 60_000);
}

/** Counts one failure for the account and the IP; a window that has ended starts again at 1. */
export async function recordLoginFailure(db: Tx, email: string, ip: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  for (const key of [accountKey(email), ipKey(ip)]) {
    await db
      .insert(loginFailures)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginFailures.key,
        set: {
          failures: sql`case when ${loginFailures.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz then 1 else ${loginFailures.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginFailures.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginFailures.windowStartedAt} end`,
        },
      });
  }
}

/** A successful login clears the account's counter (not the IP's: one good account must not unlock guessing others). */
export async function clearAccountFailures(db: Tx, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, accountKey(email)));
}
