/**
 * "Mes notifications": per kind of notification that concerns me, whether it also comes by email at
 * once, in the daily digest, or only in the app. The bell shows everything whatever the choice, and
 * security emails are always sent (server/platform/mail).
 */

import type { Role } from "../../../contracts/accounts.ts";
import type { NotificationPreference } from "../../../contracts/notifications.ts";
import { checkPreferenceUpdate, kindsConcerning, withDefaults } from "./notifications.domain.ts";
import * as repo from "./notifications.repository.ts";
import type { NotificationsDeps } from "./notifications.service.ts";

/** Who asks: the session's account (its roles and directory entry say which kinds concern it). */
type Me = { id: string; roles: readonly Role[]; personId: string | null };

/** Every kind that concerns me, with my choice or the default. */
export async function getMyNotificationPreferences(user: Me, deps: NotificationsDeps): Promise<{ items: NotificationPreference[] }> {
  const chosen = await repo.preferencesOf(deps.database.db, user.id);
  return { items: withDefaults(kindsConcerning(user), chosen) };
}

/**
 * Saves my choices for the kinds given (the others keep theirs); a kind that does not concern me (a
 * managers' kind for a participant) is a 400 naming that item, and nothing is saved.
 */
export async function updateMyNotificationPreferences(
  user: Me,
  items: NotificationPreference[],
  deps: NotificationsDeps,
): Promise<{ items: NotificationPreference[] }> {
  const kinds = kindsConcerning(user);
  checkPreferenceUpdate(items, kinds);
  const chosen = await deps.database.db.transaction(async (tx) => {
    await repo.savePreferences(tx, user.id, items);
    return repo.preferencesOf(tx, user.id);
  });
  return { items: withDefaults(kinds, chosen) };
}
