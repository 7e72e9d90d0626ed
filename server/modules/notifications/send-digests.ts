import { DEFAULT_NOTIFICATION_CHANNEL } from "../../../contracts/notifications.ts";
import { type NewMail, queueMail } from "../../platform/mail/index.ts";
import { digestMail, listedInDigest } from "./notifications.domain.ts";
import * as repo from "./notifications.repository.ts";
import type { NotificationsDeps } from "./notifications.service.ts";

/** Recipients per transaction: short transactions (PGlite has one connection), few round trips. */
const BATCH = 50;

/**
 * The "mail-digest" job (daily, 08:00 Paris time): each active account with notifications waiting
 * for its digest gets one email listing them, newest first, in its language; they stop waiting in the
 * same transaction as the email is queued, so a second run (or a retry) sends nothing again.
 * Notifications waiting for someone who no longer has an active account stop waiting, without email.
 *
 * What is listed follows the person's choices as they are now, read in the transaction that sends:
 * a notification of a kind since moved off "digest" stops waiting without being emailed. Deciding here
 * rather than clearing the waiting flag when a choice changes is what holds under concurrency: a
 * `notify` that read the old choice may commit its "waiting" row after the change was saved (and after
 * any clearing it did), and only the send-time check catches that row.
 */
export async function sendDigests(deps: NotificationsDeps): Promise<{ sent: number; cleared: number }> {
  const { db } = deps.database;
  let sent = 0;
  for (let after: string | null = null; ; ) {
    const batch = await db.transaction(async (tx) => {
      const recipients = await repo.digestRecipients(tx, after, BATCH);
      const pending = await repo.lockPendingDigest(tx, recipients);
      const byUser = new Map(recipients.map((r) => [r.userId, r]));
      const byPerson = new Map(recipients.flatMap((r) => (r.personId ? [[r.personId, r] as const] : [])));
      const perRecipient = new Map<string, repo.PendingRow[]>();
      for (const row of pending) {
        const recipient = (row.userId && byUser.get(row.userId)) || (row.personId && byPerson.get(row.personId));
        if (!recipient) continue;
        const rows = perRecipient.get(recipient.userId) ?? [];
        rows.push(row);
        perRecipient.set(recipient.userId, rows);
      }
      const chosen = await repo.chosenChannels(tx, [...perRecipient.keys()]);
      const mails: NewMail[] = [];
      for (const [userId, rows] of perRecipient) {
        const listed = listedInDigest(rows, (kind) => chosen.get(`${userId}:${kind}`) ?? DEFAULT_NOTIFICATION_CHANNEL);
        if (listed.length) mails.push(digestMail(byUser.get(userId) as repo.Recipient, listed));
      }
      await queueMail(tx, mails, deps.clock.now());
      await repo.clearDigestPending(
        tx,
        [...perRecipient.values()].flatMap((rows) => rows.map((r) => r.id)),
      );
      return { last: recipients.at(-1)?.userId ?? null, isFull: recipients.length === BATCH, mails: mails.length };
    });
    sent += batch.mails;
    if (!batch.isFull || !batch.last) break;
    after = batch.last;
  }
  const cleared = await db.transaction((tx) => repo.clearUnreachableDigestPending(tx));
  return { sent, cleared };
}
