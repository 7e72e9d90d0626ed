/**
 * In-app notifications (the bell). Other contexts call `notify` inside their own transaction, so a
 * notification exists exactly when the change it announces was committed.
 */
import type { Notification } from "../../../contracts/notifications.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import * as repo from "./notifications.repository.ts";

export type NotificationsDeps = { database: Database; clock: Clock };

/** Queues notifications in the caller's transaction. */
export function notify(tx: Tx, items: repo.NewNotification[], now: Date): Promise<void> {
  return repo.insertNotifications(tx, items, now);
}

/** Tells every programme manager (active accounts with the manager role), in the caller's transaction. */
export async function notifyManagers(
  tx: Tx,
  notification: { kind: repo.NewNotification["kind"]; params?: Record<string, string>; link?: string | null },
  now: Date,
): Promise<void> {
  const managers = await repo.managerUserIds(tx);
  await repo.insertNotifications(
    tx,
    managers.map((userId) => ({ userId, ...notification })),
    now,
  );
}

const LIST_LIMIT = 50;

/** My notifications: those to my account (`id`) and to my directory entry (`personId`, the session's). */
export async function listMyNotifications(
  user: { id: string; personId: string | null },
  deps: NotificationsDeps,
): Promise<{ unread: number; items: Notification[] }> {
  const { db } = deps.database;
  const { id: userId, personId } = user;
  const rows = await repo.listNotifications(db, userId, personId, LIST_LIMIT);
  return {
    unread: await repo.countUnread(db, userId, personId),
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      params: n.params,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
  };
}

export async function markMyNotificationsRead(
  user: { id: string; personId: string | null },
  ids: string[] | undefined,
  deps: NotificationsDeps,
): Promise<void> {
  await repo.markRead(deps.database.db, user.id, user.personId, ids, deps.clock.now());
}
