/**
 * Notifications: the bell, and by each person's choice an email at once or a line in a daily digest.
 * Other contexts call `notify` inside their own transaction, so a notification (and its email) exists
 * exactly when the change it announces was committed.
 */
import { DEFAULT_NOTIFICATION_CHANNEL, type Notification, type NotificationChannel } from "../../../contracts/notifications.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { type NewMail, queueMail } from "../../platform/mail/index.ts";
import * as repo from "./notifications.repository.ts";

export type NotificationsDeps = { database: Database; clock: Clock };

/** The email of a notification, in its recipient's language (template "notification" of server/platform/mail). */
export function notificationMail(recipient: repo.Recipient, n: repo.NewNotification): NewMail {
  return {
    category: "notification",
    template: "notification",
    params: { ...n.params, notificationKind: n.kind, path: n.link ?? "/", name: recipient.displayName },
    toAddress: recipient.email,
    toUserId: recipient.userId,
    locale: recipient.locale,
    calendar: n.calendar ?? null,
  };
}

/**
 * Records notifications in the caller's transaction and, for people with an active account, queues
 * the email of those they want by email and marks for their digest those they want once a day.
 */
export async function notify(tx: Tx, items: repo.NewNotification[], now: Date): Promise<void> {
  if (!items.length) return;
  const personIds = [...new Set(items.flatMap((n) => (n.personId ? [n.personId] : [])))];
  const userIds = [...new Set(items.flatMap((n) => (n.userId ? [n.userId] : [])))];
  const recipients = await repo.activeRecipients(tx, personIds, userIds);
  const byPerson = new Map(recipients.flatMap((r) => (r.personId ? [[r.personId, r] as const] : [])));
  const byUser = new Map(recipients.map((r) => [r.userId, r]));
  const chosen = await repo.chosenChannels(
    tx,
    recipients.map((r) => r.userId),
  );
  const channelOf = (r: repo.Recipient, kind: string): NotificationChannel =>
    chosen.get(`${r.userId}:${kind}`) ?? DEFAULT_NOTIFICATION_CHANNEL;
  const mails: NewMail[] = [];
  const rows = items.map((n) => {
    const recipient = n.personId ? byPerson.get(n.personId) : byUser.get(n.userId as string);
    if (!recipient) return n;
    const channel = channelOf(recipient, n.kind);
    if (channel === "email") mails.push(notificationMail(recipient, n));
    return { ...n, isDigestPending: channel === "digest" };
  });
  await repo.insertNotifications(tx, rows, now);
  await queueMail(tx, mails, now);
}

/** Tells every programme manager (active accounts with the manager role), in the caller's transaction. */
export async function notifyManagers(
  tx: Tx,
  notification: { kind: repo.NewNotification["kind"]; params?: Record<string, string>; link?: string | null },
  now: Date,
): Promise<void> {
  const managers = await repo.managerUserIds(tx);
  await notify(
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
