/**
 * How "Mes notifications" groups the kinds of notification, in the order people read them; each kind's
 * label is `notificationPreferences.kinds.<kind>` (messages.<language>.json).
 */
import type { NotificationKind } from "../../../../contracts/notifications.ts";

export const KIND_GROUPS = ["pairs", "sessions", "proposals", "managers"] as const;
export type KindGroup = (typeof KIND_GROUPS)[number];

const SESSION_PREFIXES = ["session_", "agenda_", "action_item_", "goal_", "pair_no_session"];

/** The group of a kind: the managers' kinds start with "managers_", the proposals' with "proposal_", the sessions' and goals' with theirs. */
export function groupOf(kind: NotificationKind): KindGroup {
  if (kind.startsWith("managers_")) return "managers";
  if (kind.startsWith("proposal_")) return "proposals";
  if (SESSION_PREFIXES.some((prefix) => kind.startsWith(prefix))) return "sessions";
  return "pairs";
}

/** The i18n key of a kind's short label ("Une proposition a été acceptée"). */
export const kindLabelKey = (kind: NotificationKind) => `notificationPreferences.kinds.${kind}`;
