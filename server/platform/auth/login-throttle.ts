import { isIPv6 } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { loginFailures } from "../../db/schema.ts";

/**
 * Failed logins, counted in the database (shared by every app instance) over a 15-minute window.
 * The rule (docs/adr/0003-sessions-and-authentication.md, "Login throttling, revised"), for an
 * attempt from address A on account X (an email, known or not):
 *
 * 1. A failed 10 times on X → A is refused on X, even with the right password. Only that pair:
 *    the owner elsewhere and A's other users are not concerned.
 * 2. X failed 30 times from all addresses (a distributed guess) → one failure is enough to refuse
 *    A on X, unless A is known for X. An address that has not failed on X still gets in with the
 *    right password: the attacker cannot keep the owner out.
 *    X failed 100 times → only addresses known for X may try it. The ceiling for an attacker with
 *    endless addresses (an IPv6 /48, or a forged X-Forwarded-For under PASSERELLE_TRUST_PROXY=true).
 * 3. A failed on 20 different accounts (password spraying) → A is refused on every account it is
 *    not known for. One noisy address does not lock out the accounts used from it.
 *
 * "A is known for X": X logged in successfully from A within the last 30 days. IPv6 addresses count
 * by /64, the block one subscriber gets: otherwise one attacker is millions of addresses.
 * This works only if the address is the client's: PASSERELLE_TRUST_PROXY (docs/deployment.md).
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  perPair: 10,
  perAccount: 30,
  perAccountKnownOnly: 100,
  perAddressAccounts: 20,
  knownForMs: 30 * 24 * 3_600_000,
};

/** What the limits count an address as: itself for IPv4, its /64 for IPv6 ("2001:db8:0:1::/64"). */
export function throttledAddress(ip: string): string {
  const address = ip.replace(/%.*$/, "").toLowerCase();
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (mapped) return mapped;
  const [head = "", tail] = address.split("::");
  const groups = head ? head.split(":") : [];
  if (tail !== undefined) {
    // An embedded IPv4 address ("64:ff9b::192.0.2.1") takes the last two groups.
    const tailGroups = tail ? tail.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : [];
    groups.push(...Array<string>(8 - groups.length - tailGroups.length).fill("0"), ...tailGroups);
  }
  const prefix = groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16));
  return `${prefix.join(":")}::/64`;
}

/**
 * Keys of the login_failures table. `known:` rows record a success, not failures: their
 * window_started_at is the time of the last successful login of that account from that address.
 */
function keysOf(email: string, ip: string) {
  const address = throttledAddress(ip);
  return {
    pair: `pair:${email}|${address}`,
    account: `account:${email}`,
    address: `address:${address}`,
    known: `known:${email}|${address}`,
  };
}

/** Minutes until the caller may try again, or 0 when not throttled. */
export async function loginRetryAfterMinutes(db: Tx, email: string, ip: string, now: Date): Promise<number> {
  const keys = keysOf(email, ip);
  const rows = await db
    .select()
    .from(loginFailures)
    .where(inArray(loginFailures.key, [keys.pair, keys.account, keys.address, keys.known]));
  const counter = (key: string) => {
    const row = rows.find((r) => r.key === key);
    const endsAt = (row?.windowStartedAt.getTime() ?? 0) + LOGIN_LIMITS.windowMs;
    return endsAt > now.getTime() ? { failures: row?.failures ?? 0, endsAt } : { failures: 0, endsAt: 0 };
  };
  const pair = counter(keys.pair);
  const account = counter(keys.account);
  const address = counter(keys.address);
  const knownSince = rows.find((r) => r.key === keys.known)?.windowStartedAt.getTime();
  const isKnown = knownSince !== undefined && knownSince + LOGIN_LIMITS.knownForMs > now.getTime();

  // Each rule that applies blocks until its own counter's window ends; the caller waits for the last one.
  const blockedUntil: number[] = [];
  if (pair.failures >= LOGIN_LIMITS.perPair) blockedUntil.push(pair.endsAt);
  if (!isKnown && account.failures >= LOGIN_LIMITS.perAccount && pair.failures >= 1)
    blockedUntil.push(Math.min(account.endsAt, pair.endsAt));
  if (!isKnown && account.failures >= LOGIN_LIMITS.perAccountKnownOnly) blockedUntil.push(account.endsAt);
  if (!isKnown && address.failures >= LOGIN_LIMITS.perAddressAccounts) blockedUntil.push(address.endsAt);
  const waitMs = Math.max(0, ...blockedUntil.map((t) => t - now.getTime()));
  return Math.ceil(waitMs / 60_000);
}

/** Adds one failure to a counter (a window that has ended starts again at 1) and returns the new count. */
async function countFailure(db: Tx, key: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const isOver = sql`${loginFailures.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(loginFailures)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginFailures.key,
      set: {
        failures: sql`case when ${isOver} then 1 else ${loginFailures.failures} + 1 end`,
        windowStartedAt: sql`case when ${isOver} then ${now.toISOString()}::timestamptz else ${loginFailures.windowStartedAt} end`,
      },
    })
    .returning({ failures: loginFailures.failures });
  return row?.failures ?? 1;
}

/** Counts one failure for the pair and the account; for the address, only the pair's first (it counts accounts, not attempts). */
export async function recordLoginFailure(db: Tx, email: string, ip: string, now: Date): Promise<void> {
  const keys = keysOf(email, ip);
  const pairFailures = await countFailure(db, keys.pair, now);
  await countFailure(db, keys.account, now);
  if (pairFailures === 1) await countFailure(db, keys.address, now);
}

/**
 * A successful login clears the pair's failures and makes the address known for the account. Not
 * the account's counter (the attacker's addresses stay where they are) nor the address's (one good
 * account must not unlock guessing others).
 */
export async function recordLoginSuccess(db: Tx, email: string, ip: string, now: Date): Promise<void> {
  const keys = keysOf(email, ip);
  await db.delete(loginFailures).where(eq(loginFailures.key, keys.pair));
  await db
    .insert(loginFailures)
    .values({ key: keys.known, failures: 0, windowStartedAt: now })
    .onConflictDoUpdate({ target: loginFailures.key, set: { windowStartedAt: now } });
}
