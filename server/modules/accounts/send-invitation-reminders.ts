import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { programmeNameOf } from "./invitation-batch-people.ts";
import { INVITATION_SLICE, inviterName, REMINDER_DELAYS_MS, reminderRoundDue } from "./invitations.domain.ts";
import * as repo from "./invitations.repository.ts";
import { type InvitationToIssue, issueInvitations } from "./issue-invitation.ts";

/**
 * The "invitation-reminders" job (hourly): an invitation still not accepted after 3 days gets a first
 * reminder, after 6 days a second, each once. A reminder is a new link of the same invitation (round 1
 * or 2, valid until the invitation expires) sent by the "invitation_reminder" email; the first link keeps
 * working. Nothing for an account activated meanwhile, nor for an expired or replaced invitation.
 *
 * Two sweeps at once remind once: each slice takes the sweep's lock before choosing (see
 * invitations.repository.ts). Slices of INVITATION_SLICE, each its own transaction. Returns how many
 * reminders were sent.
 */
export async function sendInvitationReminders(deps: { database: Database; clock: Clock }): Promise<number> {
  let sent = 0;
  for (;;) {
    const slice = await deps.database.db.transaction(async (tx) => {
      await repo.lockReminderSweep(tx);
      const now = deps.clock.now();
      const due = {
        first: new Date(now.getTime() - REMINDER_DELAYS_MS[1]),
        second: new Date(now.getTime() - REMINDER_DELAYS_MS[2]),
      };
      const rows = await repo.invitationsToRemind(tx, now, due, INVITATION_SLICE);
      const programmeNames = new Map<string, string | null>();
      const reminders: InvitationToIssue[] = [];
      for (const row of rows) {
        const round = reminderRoundDue(row.invitation.createdAt, now, row.lastRound);
        if (!round) continue;
        const key = row.source?.kind === "programme" ? row.source.programmeId : "";
        if (!programmeNames.has(key)) programmeNames.set(key, await programmeNameOf(tx, row.source));
        reminders.push({
          user: row.user,
          round,
          expiresAt: row.invitation.expiresAt,
          invitedBy: row.invitation.invitedBy,
          inviter: inviterName(row.inviterName),
          programmeName: programmeNames.get(key),
          batchId: row.invitation.batchId,
        });
      }
      await issueInvitations(tx, reminders, now);
      return { sent: reminders.length, isFull: rows.length === INVITATION_SLICE };
    });
    sent += slice.sent;
    if (!slice.isFull || slice.sent === 0) return sent;
  }
}
