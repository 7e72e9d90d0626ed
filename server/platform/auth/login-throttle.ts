import { isIPv6 } from "node:net";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
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
 *
 * Every attempt is counted as a failure before its password is checked (`countLoginAttempt`, atomic
 * under concurrent requests), and refused or counted in the same transaction; a success then takes
 * its attempt back (`recordLoginSuccess`). Checking first and counting after the slow password
 * check let a burst of parallel attempts all pass the check: 60 at once got 60 guesses, not 10.
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

type Counter = { failures: number; endsAt: number };
type CountedRow = { key: string; failures: number; windowStartedAt: Date };

/** A counter as of `now`: a window that has ended counts nothing. */
function counterOf(row: { failures: number; windowStartedAt: Date } | undefined, now: Date): Counter {
  const endsAt = (row?.windowStartedAt.getTime() ?? 0) + LOGIN_LIMITS.windowMs;
  return endsAt > now.getTime() ? { failures: row?.failures ?? 0, endsAt } : { failures: 0, endsAt: 0 };
}

/**
 * The rules above, on the counters as they stood before this attempt: minutes until the caller may
 * try again, or 0 when it may try now.
 */
function retryAfterMinutes(before: { pair: Counter; account: Counter; address: Counter; isKnown: boolean }, now: Date): number {
  const { pair, account, address, isKnown } = before;
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

/** Adds one failure to a counter (a window that has ended starts again at 1); returns the row as it now is, locked until commit. */
async function countFailure(db: Tx, key: string, now: Date): Promise<CountedRow> {
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
    .returning();
  if (!row) throw new Error(`counting a login failure under ${key} returned nothing`);
  return row;
}

/**
 * An attempt counted as a failure before its password was checked: what a success or an attempt
 * that does not count (a disabled account) takes back. `counted` holds each counter it added one
 * to (the pair's first), with that counter's window: a counter whose window has started again since
 * is left alone.
 */
export type LoginAttempt = { keys: ReturnType<typeof keysOf>; counted: { key: string; windowStartedAt: Date }[] };

/** Thrown inside the counting transaction to roll this attempt's counts back. */
class Refused extends Error {
  constructor(readonly minutes: number) {
    super("login attempt refused");
  }
}

/**
 * Counts a login attempt as a failure BEFORE its password is checked, or refuses it (then it counts
 * nothing). One transaction: each counter is added to by an upsert that locks its row until commit,
 * the rules are applied to the counts as they stood before this attempt, and a refusal rolls the
 * counts back. Concurrent attempts therefore queue on the rows and each sees the ones before it: a
 * burst of parallel attempts gets no more guesses than the same attempts one after another.
 * Rows are always locked in the same order (pair, account, address), so attempts never deadlock.
 * The caller settles the attempt: nothing more for a wrong password, `recordLoginSuccess` for a
 * right one, `cancelLoginAttempt` for one that must not count.
 */
export async function countLoginAttempt(
  db: Db,
  email: string,
  ip: string,
  now: Date,
): Promise<{ isRefused: true; retryAfterMinutes: number } | { isRefused: false; attempt: LoginAttempt }> {
  const keys = keysOf(email, ip);
  try {
    const attempt = await db.transaction(async (tx) => {
      const pair = await countFailure(tx, keys.pair, now);
      const account = await countFailure(tx, keys.account, now);
      // The address counts accounts, not attempts: only the pair's first attempt in its window adds to it.
      const address = pair.failures === 1 ? await countFailure(tx, keys.address, now) : undefined;
      const read = await tx
        .select()
        .from(loginFailures)
        .where(inArray(loginFailures.key, address ? [keys.known] : [keys.known, keys.address]));
      const knownSince = read.find((r) => r.key === keys.known)?.windowStartedAt.getTime();
      const addressRow = read.find((r) => r.key === keys.address);
      const minusThisOne = (row: CountedRow) => ({ ...counterOf(row, now), failures: row.failures - 1 });
      const before = {
        pair: minusThisOne(pair),
        account: minusThisOne(account),
        address: address ? minusThisOne(address) : counterOf(addressRow, now),
        isKnown: knownSince !== undefined && knownSince + LOGIN_LIMITS.knownForMs > now.getTime(),
      };
      const minutes = retryAfterMinutes(before, now);
      if (minutes > 0) throw new Refused(minutes);
      const counted = [pair, account, ...(address ? [address] : [])];
      return { keys, counted: counted.map(({ key, windowStartedAt }) => ({ key, windowStartedAt })) };
    });
    return { isRefused: false, attempt };
  } catch (err) {
    if (err instanceof Refused) return { isRefused: true, retryAfterMinutes: err.minutes };
    throw err;
  }
}

/** Takes an attempt's counts back (in the same order as they were taken); a counter back at 0 goes. */
async function uncount(db: Tx, counted: LoginAttempt["counted"]): Promise<void> {
  for (const { key, windowStartedAt } of counted) {
    const [row] = await db
      .update(loginFailures)
      .set({ failures: sql`${loginFailures.failures} - 1` })
      .where(and(eq(loginFailures.key, key), eq(loginFailures.windowStartedAt, windowStartedAt), gt(loginFailures.failures, 0)))
      .returning({ failures: loginFailures.failures });
    if (row?.failures === 0) await db.delete(loginFailures).where(and(eq(loginFailures.key, key), eq(loginFailures.failures, 0)));
  }
}

/** An attempt that must not count as a failure although it did not log in (the right password of a disabled account). */
export async function cancelLoginAttempt(db: Tx, attempt: LoginAttempt): Promise<void> {
  await uncount(db, attempt.counted);
}

/**
 * A successful login clears the pair's failures, takes its own attempt back off the account's and
 * the address's counters, and makes the address known for the account. The account's and the
 * address's earlier failures stay (the attacker's addresses stay where they are; one good account
 * must not unlock guessing others).
 */
export async function recordLoginSuccess(db: Tx, attempt: LoginAttempt, now: Date): Promise<void> {
  const { keys } = attempt;
  await db.delete(loginFailures).where(eq(loginFailures.key, keys.pair));
  const accountAndAddress = attempt.counted.filter((c) => c.key !== keys.pair);
  await uncount(db, accountAndAddress);
  await db
    .insert(loginFailures)
    .values({ key: keys.known, failures: 0, windowStartedAt: now })
    .onConflictDoUpdate({ target: loginFailures.key, set: { windowStartedAt: now } });
}
