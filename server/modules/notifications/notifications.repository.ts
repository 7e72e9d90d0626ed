import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { NotificationKind } from "../../../contracts/notifications.ts";
import type { Tx } from "../../db/client.ts";
import { notifications } from "../../db/schema.ts";

export type NewNotification = { personId: string; kind: NotificationKind; params?: Record<string, string>; link?: string | null };

export async function insertNotifications(tx: Tx, items: NewNotification[], now: Date): Promise<void> {
  if (!items.length) return;
  await tx
    .insert(notifications)
    .values(items.map((n) => ({ personId: n.personId, kind: n.kind, params: n.params ?? {}, link: n.link ?? null, createdAt: now })));
}

export async function listNotifications(db: Tx, personId: string, limit: number) {
  return db.select().from(notifications).where(eq(notifications.personId, personId)).orderBy(desc(notifications.seq)).limit(limit);
}

export async function countUnread(db: Tx, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks some (or all) of a person's notifications read; ids of other people's notifications are ignored. */
export async function markRead(db: Tx, personId: string, ids: string[] | undefined, now: Date): Promise<void> {
  const mine = and(eq(notifications.personId, personId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids ? and(mine, inArray(notifications.id, ids)) : mine);
}
