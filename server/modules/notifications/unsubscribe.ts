/**
 * One-click unsubscribe (RFC 8058) from an email's List-Unsubscribe header or its footer link: the
 * message's id is the only key (no session: mail clients send none), and the only thing it can do is
 * stop emails of one kind, which its recipient may turn on again on "Mes notifications", or the reminders
 * of an invitation.
 */
import type { MailCategory } from "../../../contracts/mail.ts";
import type { NotificationKind } from "../../../contracts/notifications.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { findMessageForUnsubscribe } from "../../platform/mail/index.ts";
import { stopInvitationReminders } from "../accounts/index.ts";
import { unsubscribeChanges, unsubscribeTarget } from "./notifications.domain.ts";
import * as repo from "./notifications.repository.ts";
import type { NotificationsDeps } from "./notifications.service.ts";

export type UnsubscribeAnswer = { kind: NotificationKind | null; category: MailCategory };

/** What the link would stop, for the page that asks for confirmation; 404 for an unknown message. */
export async function previewUnsubscribe(messageId: string, deps: NotificationsDeps): Promise<UnsubscribeAnswer> {
  const message = await findMessageForUnsubscribe(deps.database.db, messageId);
  if (!message) throw notFound();
  return unsubscribeTarget(message);
}

/**
 * Stops what the link names, for the message's recipient: the kind of a notification's email, or every
 * kind in the digest, goes to "app"; an invitation's reminders stop (its link keeps working). A message to
 * no account changes nothing: OK all the same (a mail client needs no explanation). Done twice, the second
 * does nothing new.
 */
export async function unsubscribe(messageId: string, deps: NotificationsDeps): Promise<UnsubscribeAnswer> {
  return deps.database.db.transaction(async (tx) => {
    const message = await findMessageForUnsubscribe(tx, messageId);
    if (!message) throw notFound();
    if (message.toUserId && message.category === "invitation") {
      await stopInvitationReminders(tx, message.toUserId, deps.clock.now());
    } else if (message.toUserId) {
      const changes = unsubscribeChanges(message, await repo.preferencesOf(tx, message.toUserId));
      await repo.savePreferences(tx, message.toUserId, changes);
    }
    return unsubscribeTarget(message);
  });
}
