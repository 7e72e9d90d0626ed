/**
 * The sentence of a notification, from its kind and params, in one language: the bell (web) and the
 * email (server/platform/mail) say the same thing. Texts: contracts/i18n/notifications.<language>.json.
 */
import { NOTIFICATION_KINDS, type Notification } from "./notifications.ts";
import { END_REASONS } from "./pairs.ts";

/** i18next's `t`, reduced to what the sentences need. */
export type Translate = (key: string, values?: Record<string, string>) => string;
/** How dates are written where the sentence is read (the browser's zone, or the recipient's in an email). */
export type DateWriters = { dateTime(iso: string): string; relative(iso: string): string };

const isEndReason = (reason: string | undefined) => (END_REASONS as readonly (string | undefined)[]).includes(reason);

export function notificationText(notification: Pick<Notification, "kind" | "params">, t: Translate, dates: DateWriters): string {
  const { kind, params } = notification;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return t("notifications.kinds.unknown");
  const values: Record<string, string> = { programmeName: "", partnerName: "", menteeName: "", ...params };
  if (params.role === "mentor" || params.role === "mentee") values.role = t(`notifications.roles.${params.role}`);
  if (params.at) values.at = dates.dateTime(params.at);
  if (params.expiresAt) values.expiresAt = dates.relative(params.expiresAt);
  if (kind === "pair_ended") {
    if (params.reason === "programme_closed") return t("notifications.kinds.pair_ended_programme_closed", values);
    if (isEndReason(params.reason))
      return t("notifications.kinds.pair_ended_with_reason", { ...values, reason: t(`notifications.endReasons.${params.reason}`) });
  }
  if (kind === "managers_pair_ended" && isEndReason(params.reason))
    return t("notifications.kinds.managers_pair_ended", { ...values, reason: t(`notifications.endReasons.${params.reason}`) });
  // The pair closed: nobody in particular cancelled its sessions to come.
  if (kind === "session_cancelled" && params.reason === "pair_closed")
    return t("notifications.kinds.session_cancelled_pair_closed", values);
  if (kind === "programme_invited" && !values.role) return t("notifications.kinds.programme_invited_no_role", values);
  return t(`notifications.kinds.${kind}`, values);
}
