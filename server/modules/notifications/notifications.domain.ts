/**
 * The rules of notification preferences, the daily digest and one-click unsubscribe, without a
 * database: which kinds concern whom, what an update may contain, what an unsubscribe link switches
 * off, what a digest email says. The use cases load the facts and carry the decisions out.
 */
import type { Locale, Role } from "../../../contracts/accounts.ts";
import type { MailCategory } from "../../../contracts/mail.ts";
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreference,
} from "../../../contracts/notifications.ts";
import { type ErrorDetail, invalidFields } from "../../platform/errors/app-error.ts";
import type { NewMail } from "../../platform/mail/index.ts";

const isManagersKind = (kind: NotificationKind) => kind.startsWith("managers_");

/** What the programme managers are told (pairs that end, form by proposal, invitations declined…). */
export const MANAGERS_NOTIFICATION_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter(isManagersKind);
/** What participants are told about their programmes, pairs and proposals. */
export const PARTICIPANT_NOTIFICATION_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter((k) => !isManagersKind(k));

/**
 * The kinds someone may receive, so may choose a channel for: a participant's kinds when they have a
 * directory entry or the participant role; the managers' kinds with the manager role, the accounts that
 * `notifyManagers` tells (an administrator without it is never told, so has nothing to choose).
 */
export function kindsConcerning(user: { roles: readonly Role[]; personId: string | null }): NotificationKind[] {
  const isParticipant = user.personId !== null || user.roles.includes("participant");
  return NOTIFICATION_KINDS.filter((kind) => (isManagersKind(kind) ? user.roles.includes("manager") : isParticipant));
}

/** Every kind that concerns me with my choice, or the default where I made none. */
export function withDefaults(
  kinds: readonly NotificationKind[],
  chosen: ReadonlyMap<NotificationKind, NotificationChannel>,
): NotificationPreference[] {
  return kinds.map((kind) => ({ kind, channel: chosen.get(kind) ?? DEFAULT_NOTIFICATION_CHANNEL }));
}

/**
 * An update names only kinds that concern me, each once; otherwise a 400 naming each faulty item
 * (`items.3.kind`), nothing saved.
 */
export function checkPreferenceUpdate(items: readonly NotificationPreference[], allowed: readonly NotificationKind[]): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<NotificationKind>();
  items.forEach((item, index) => {
    const path = `items.${index}.kind`;
    if (!allowed.includes(item.kind)) details.push({ path, messageKey: "fields.notificationKindNotYours" });
    else if (seen.has(item.kind)) details.push({ path, messageKey: "fields.duplicateNotificationKind" });
    seen.add(item.kind);
  });
  if (details.length) throw invalidFields(details);
}

/** What an email's unsubscribe link reads of the message (server/platform/mail). */
export type UnsubscribeMessage = { category: MailCategory; template: string; params: Record<string, string> };

/**
 * What an email's unsubscribe link stops: a notification's email stops that kind (`kind`); a digest
 * stops the digest (no kind). Invitations and security messages are not sent by preference: no kind
 * to stop (an invitation's link stops its reminders instead, see unsubscribe.ts).
 */
export function unsubscribeTarget(message: UnsubscribeMessage): { kind: NotificationKind | null; category: MailCategory } {
  const kind = message.params.notificationKind as NotificationKind | undefined;
  const isKnownKind = kind !== undefined && NOTIFICATION_KINDS.includes(kind);
  return { kind: message.category === "notification" && isKnownKind ? kind : null, category: message.category };
}

/**
 * The preferences one-click unsubscribe writes (RFC 8058): the kind of a notification's email goes to
 * "app" (the bell still shows it); a digest sends every kind now on "digest" to "app"; anything else
 * changes nothing.
 */
export function unsubscribeChanges(
  message: UnsubscribeMessage,
  current: ReadonlyMap<NotificationKind, NotificationChannel>,
): NotificationPreference[] {
  const { kind, category } = unsubscribeTarget(message);
  if (kind) return [{ kind, channel: "app" }];
  if (category !== "digest") return [];
  return [...current].filter(([, channel]) => channel === "digest").map(([k]) => ({ kind: k, channel: "app" }));
}

/** At most this many notifications are listed in one digest email (the newest); the bell has them all. */
export const DIGEST_MAX_ITEMS = 50;

/** A notification waiting for its recipient's digest. */
export type PendingNotification = { kind: NotificationKind; params: Record<string, string> };

/**
 * Of the notifications waiting for someone's digest, those the digest lists: of a kind they have on
 * "digest" at the moment it is sent. Their choice when the notification was made only marked it as
 * waiting; a kind since moved to "app" or "email" (on "Mes notifications", or by unsubscribing from a
 * digest) is not emailed any more, and the bell has it.
 */
export function listedInDigest<P extends PendingNotification>(
  pending: readonly P[],
  channelOf: (kind: NotificationKind) => NotificationChannel,
): P[] {
  return pending.filter((n) => channelOf(n.kind) === "digest");
}

/**
 * The digest email of one recipient, in their language: their pending notifications, newest first
 * (given in that order), at most DIGEST_MAX_ITEMS of them listed; `count` is how many there are in all,
 * `more` how many are not listed (only when some are not).
 */
export function digestMail(
  recipient: { userId: string; email: string; displayName: string; locale: Locale },
  pendingNewestFirst: readonly PendingNotification[],
): NewMail {
  const items = pendingNewestFirst.slice(0, DIGEST_MAX_ITEMS).map(({ kind, params }) => ({ kind, params }));
  const more = pendingNewestFirst.length - items.length;
  return {
    category: "digest",
    template: "digest",
    params: {
      items: JSON.stringify(items),
      count: String(pendingNewestFirst.length),
      ...(more > 0 ? { more: String(more) } : {}),
      name: recipient.displayName,
    },
    toAddress: recipient.email,
    toUserId: recipient.userId,
    locale: recipient.locale,
  };
}
