import { and, count, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { NotificationKind } from "../../../contracts/notifications.ts";
import type { Tx } from "../../db/client.ts";
import { notifications, userRoles, users } from "../../db/schema.ts";

/** To a person of the directory (`personId`) or to an account (`userId`). */
export type NewNotification = ({ personId: string; userId?: undefined } | { userId: string; personId?: undefined }) & {
  kind: NotificationKind;
  params?: Record<string, string>;
  link?: string | null;
};

export async function insertNotifications(tx: Tx, items: NewNotification[], now: Date): Promise<void> {
  // In batches: a whole cohort's notices would pass PostgreSQL's 65,535 parameters in one statement.
  for (let k = 0; k < items.length; k += 1000) await insertBatch(tx, items.slice(k, k + 1000), now);
}

async function insertBatch(tx: Tx, items: NewNotification[], now: Date): Promise<void> {
  await tx.insert(notifications).values(
    items.map((n) => ({
      personId: n.personId ?? null,
      userId: n.userId ?? null,
      kind: n.kind,
      params: n.params ?? {},
      link: n.link ?? null,
      createdAt: now,
    })),
  );
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
