import type { Tx } from "../../db/client.ts";
import * as repo from "./invitations.repository.ts";

/**
 * The invited person unsubscribed from an invitation email (one-click, List-Unsubscribe): in the
 * caller's transaction, the account's open invitations get no more reminders. Their links keep working,
 * and a new invitation (a manager's, a programme's) starts its own reminders. Returns how many invitations
 * it stopped (0 done twice, or for an account with none open).
 */
export function stopInvitationReminders(tx: Tx, userId: string, now: Date): Promise<number> {
  return repo.stopReminders(tx, userId, now);
}
