/**
 * How "Mes notifications" groups the kinds of notification, in the order people read them; each kind's
 * label is `notificationPreferences.kinds.<kind>` (messages.<language>.json).
 */
import type { NotificationKind } from "../../../../contracts/notifications.ts";

export const KIND_GROUPS = ["pairs", "proposals", "managers"] as const;
export type KindGroup = (typeof KIND_GROUPS)[number];

/** The group of a kind: the managers' kinds start with "managers_", the proposals' with "proposal_". */
export function groupOf(kind: NotificationKind): KindGroup {
  if (kind.startsWith("managers_")) return "managers";
  if (kind.startsWith("proposal_")) return "proposals";
  return "pairs";
}

/** The i18n key of a kind's short label ("Une proposition a été acceptée"). */
export const kindLabelKey = (kind: NotificationKind) => `notificationPreferences.kinds.${kind}`;
