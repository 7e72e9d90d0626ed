import { and, eq, ne } from "drizzle-orm";
import { type Me, ROLES, type Role } from "../../../contracts/accounts.ts";
import type { Tx } from "../../db/client.ts";
import { sessions, userRoles, users } from "../../db/schema.ts";
import { hashToken, newToken } from "./tokens.ts";

/**
 * The logged-in user of a request: the account (`Me`, as GET /api/me shows it) and the directory entry
 * it is linked to (`personId`, null for an account with no person yet), read with the session in one
 * query so that use cases need not look it up again.
 */
export type CurrentUser = Me & { personId: string | null };
export type SessionLimits = { idleMs: number; absoluteMs: number };

/**
 * How stale last_seen_at may get before it is written again: a page load fires several API calls, so
 * not on every request; at most a minute, and a tenth of the idle limit so that a session in use
 * never expires (with a 1-minute limit, a once-a-minute write would end a session used every 30 s).
 */
export function touchEveryMs(limits: SessionLimits): number {
  return Math.min(60_000, limits.idleMs / 10);
}

/** Opens a session for a user; returns the token for the cookie (only its hash is stored). */
export async function createSession(db: Tx, userId: string, now: Date): Promise<{ token: string; sessionId: string }> {
  const token = newToken();
  const sessionId = hashToken(token);
  await db.insert(sessions).values({ id: sessionId, userId, createdAt: now, lastSeenAt: now });
  return { token, sessionId };
}

/**
 * The logged-in user behind a cookie's token, or null when the session is unknown, idle too long,
 * past its absolute lifetime, or its account is no longer active (the stale row is then deleted).
 */
export async function findSession(
  db: Tx,
  token: string,
  now: Date,
  limits: SessionLimits,
): Promise<{ sessionId: string; user: CurrentUser } | null> {
  const sessionId = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  const { session, user } = row;
  const isExpired =
    now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs || now.getTime() - session.createdAt.getTime() >= limits.absoluteMs;
  if (isExpired || user.status !== "active") {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs(limits)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id));
  return {
    sessionId,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      roles: sortRoles(roles.map((r) => r.role)),
      personId: user.personId,
    },
  };
}

export async function deleteSession(db: Tx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (password change, account disabled), except the caller's own. */
export async function deleteSessionsOfUser(db: Tx, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId));
}

export function sortRoles(roles: Role[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}
