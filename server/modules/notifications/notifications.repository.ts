import { and, asc, count, desc, eq, exists, gt, inArray, isNull, notExists, or, sql } from "drizzle-orm";
import type { Locale } from "../../../contracts/accounts.ts";
import type { MailCalendar } from "../../../contracts/mail.ts";
import type { NotificationChannel, NotificationKind } from "../../../contracts/notifications.ts";
import type { Tx } from "../../db/client.ts";
import { notificationPreferences, notifications, userRoles, users } from "../../db/schema.ts";

/** To a person of the directory (`personId`) or to an account (`userId`). */
export type NewNotification = ({ personId: string; userId?: undefined } | { userId: string; personId?: undefined }) & {
  kind: NotificationKind;
  params?: Record<string, string>;
  link?: string | null;
  /** Sent with the email only (a session's .ics as an invitation); the bell has no use for it. */
  calendar?: MailCalendar;
};

export async function insertNotifications(tx: Tx, items: (NewNotification & { isDigestPending?: boolean })[], now: Date): Promise<void> {
  // In batches: a whole cohort's notices would pass PostgreSQL's 65,535 parameters in one statement.
  for (let k = 0; k < items.length; k += 1000) await insertBatch(tx, items.slice(k, k + 1000), now);
}

async function insertBatch(tx: Tx, items: (NewNotification & { isDigestPending?: boolean })[], now: Date): Promise<void> {
  await tx.insert(notifications).values(
    items.map((n) => ({
      personId: n.personId ?? null,
      userId: n.userId ?? null,
      kind: n.kind,
      params: n.params ?? {},
      link: n.link ?? null,
      createdAt: now,
      isDigestPending: n.isDigestPending ?? false,
    })),
  );
}

/** An active account that notifications may reach by email. */
export type Recipient = { userId: string; personId: string | null; email: string; displayName: string; locale: Locale };

/** The active accounts of these directory entries and these accounts (others get no email: no account, or not active). */
export async function activeRecipients(tx: Tx, personIds: string[], userIds: string[]): Promise<Recipient[]> {
  if (!personIds.length && !userIds.length) return [];
  const found: Recipient[] = [];
  const columns = { userId: users.id, personId: users.personId, email: users.email, displayName: users.displayName, locale: users.locale };
  for (let k = 0; k < Math.max(personIds.length, userIds.length); k += 1000) {
    const persons = personIds.slice(k, k + 1000);
    const accounts = userIds.slice(k, k + 1000);
    const which = [
      persons.length ? inArray(users.personId, persons) : undefined,
      accounts.length ? inArray(users.id, accounts) : undefined,
    ].filter((c) => c !== undefined);
    found.push(
      ...(await tx
        .select(columns)
        .from(users)
        .where(and(eq(users.status, "active"), or(...which)))),
    );
  }
  return found;
}

/** The channels people chose, per account and kind (no row: the default). */
export async function chosenChannels(tx: Tx, userIds: string[]): Promise<Map<string, NotificationChannel>> {
  const chosen = new Map<string, NotificationChannel>();
  for (let k = 0; k < userIds.length; k += 1000) {
    const rows = await tx
      .select()
      .from(notificationPreferences)
      .where(inArray(notificationPreferences.userId, userIds.slice(k, k + 1000)));
    for (const row of rows) chosen.set(`${row.userId}:${row.kind}`, row.channel);
  }
  return chosen;
}

/** Active accounts holding the manager role: the programmes' managers. */
export async function managerUserIds(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, "manager"), eq(users.status, "active")));
  return rows.map((r) => r.id);
}

/** Mine: addressed to my directory entry or to my account. */
const mine = (userId: string, personId: string | null) =>
  personId ? or(eq(notifications.userId, userId), eq(notifications.personId, personId)) : eq(notifications.userId, userId);

export async function listNotifications(db: Tx, userId: string, personId: string | null, limit: number) {
  return db.select().from(notifications).where(mine(userId, personId)).orderBy(desc(notifications.seq)).limit(limit);
}

export async function countUnread(db: Tx, userId: string, personId: string | null): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(userId, personId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks some (or all) of my notifications read; ids of other people's notifications are ignored. */
export async function markRead(db: Tx, userId: string, personId: string | null, ids: string[] | undefined, now: Date): Promise<void> {
  const unread = and(mine(userId, personId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids ? and(unread, inArray(notifications.id, ids)) : unread);
}

/* ---------------------------------------------------------------- preferences */

/** One account's chosen channels, by kind (kinds without a row follow the default). */
export async function preferencesOf(tx: Tx, userId: string): Promise<Map<NotificationKind, NotificationChannel>> {
  const rows = await tx
    .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return new Map(rows.map((r) => [r.kind, r.channel]));
}

/** Records one account's choices (a kind chosen again replaces its channel). */
export async function savePreferences(tx: Tx, userId: string, items: { kind: NotificationKind; channel: NotificationChannel }[]) {
  if (!items.length) return;
  await tx
    .insert(notificationPreferences)
    .values(items.map((item) => ({ userId, ...item })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { channel: sql`excluded.channel` },
    });
}

/* ---------------------------------------------------------------- the daily digest */

/** Waiting for its recipient's digest, and addressed to this account (by id or by its directory entry). */
const pendingFor = (account: { id: typeof users.id; personId: typeof users.personId }) =>
  and(eq(notifications.isDigestPending, true), or(eq(notifications.userId, account.id), eq(notifications.personId, account.personId)));

/** Active accounts with notifications waiting for their digest, by account id, the next `limit` after `afterUserId`. */
export async function digestRecipients(tx: Tx, afterUserId: string | null, limit: number): Promise<Recipient[]> {
  const hasPending = tx.select({ one: sql`1` }).from(notifications).where(pendingFor(users));
  return tx
    .select({ userId: users.id, personId: users.personId, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(and(eq(users.status, "active"), afterUserId ? gt(users.id, afterUserId) : undefined, exists(hasPending)))
    .orderBy(asc(users.id))
    .limit(limit);
}

export type PendingRow = {
  id: string;
  userId: string | null;
  personId: string | null;
  kind: NotificationKind;
  params: Record<string, string>;
};

/**
 * The notifications waiting for these accounts' digests, newest first, locked: a second run of the
 * job at the same time skips them instead of sending them twice.
 */
export async function lockPendingDigest(tx: Tx, recipients: Recipient[]): Promise<PendingRow[]> {
  if (!recipients.length) return [];
  const personIds = recipients.flatMap((r) => (r.personId ? [r.personId] : []));
  const which = [
    inArray(
      notifications.userId,
      recipients.map((r) => r.userId),
    ),
    personIds.length ? inArray(notifications.personId, personIds) : undefined,
  ];
  return tx
    .select({
      id: notifications.id,
      userId: notifications.userId,
      personId: notifications.personId,
      kind: notifications.kind,
      params: notifications.params,
    })
    .from(notifications)
    .where(and(eq(notifications.isDigestPending, true), or(...which.filter((c) => c !== undefined))))
    .orderBy(desc(notifications.seq))
    .for("update", { skipLocked: true });
}

/** These notifications no longer wait for a digest. */
export async function clearDigestPending(tx: Tx, ids: string[]): Promise<void> {
  for (let k = 0; k < ids.length; k += 1000)
    await tx
      .update(notifications)
      .set({ isDigestPending: false })
      .where(inArray(notifications.id, ids.slice(k, k + 1000)));
}

/** Notifications waiting for a digest no one can receive (no active account any more): no longer waiting. Returns how many. */
export async function clearUnreachableDigestPending(tx: Tx): Promise<number> {
  const reachable = tx
    .select({ one: sql`1` })
    .from(users)
    .where(and(eq(users.status, "active"), or(eq(users.id, notifications.userId), eq(users.personId, notifications.personId))));
  const cleared = await tx
    .update(notifications)
    .set({ isDigestPending: false })
    .where(and(eq(notifications.isDigestPending, true), notExists(reachable)))
    .returning({ id: notifications.id });
  return cleared.length;
}
