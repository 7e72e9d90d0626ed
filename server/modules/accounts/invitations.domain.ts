/**
 * Rules of invitations, without a database: how long a link lives, when a reminder is due and which
 * one, what the email says, and what a manager is shown of an invitation. The use cases
 * (issue-invitation.ts, run-invitation-batch.ts, send-invitation-reminders.ts…) load the facts,
 * open the transaction and carry these out.
 */
import type { Invitation, Locale } from "../../../contracts/accounts.ts";
import type { InvitationBatch } from "../../../contracts/invitations.ts";
import type { NewMail } from "../../platform/mail/index.ts";

const DAY_MS = 24 * 3_600_000;

/** An invitation link is valid 7 days; its reminders' links end at the same time. */
export const INVITATION_VALIDITY_MS = 7 * DAY_MS;

/** The web app's page that opens a link (web/src/features/invitations/accept-invitation-page.tsx). */
export const INVITATION_PATH = "/invitation";

/** 0: the invitation; 1 and 2: its reminders (invitations.round). */
export type InvitationRound = 0 | 1 | 2;

/** How long after the invitation each reminder is sent, if the account is still not activated. */
export const REMINDER_DELAYS_MS: Record<Exclude<InvitationRound, 0>, number> = { 1: 3 * DAY_MS, 2: 6 * DAY_MS };

/** People invited per transaction of a bulk invitation, or reminded per transaction of the sweep. */
export const INVITATION_SLICE = 100;

/**
 * The reminder due for an invitation sent at `sentAt`, given the last round already sent for it (0:
 * none): round 2 from 6 days on, round 1 from 3 days on, each once. A sweep that missed day 3 (the
 * server was down) sends only round 2: one email, not two at once.
 */
export function reminderRoundDue(sentAt: Date, now: Date, lastRoundSent: number): 1 | 2 | null {
  const age = now.getTime() - sentAt.getTime();
  if (age >= REMINDER_DELAYS_MS[2] && lastRoundSent < 2) return 2;
  if (age >= REMINDER_DELAYS_MS[1] && lastRoundSent < 1) return 1;
  return null;
}

/** Who the email says invites: the inviter's name, or Passerelle when their account is gone. */
export function inviterName(displayName: string | null | undefined): string {
  return displayName?.trim() || "Passerelle";
}

/**
 * The email of an invitation (round 0) or of a reminder, in the invited account's language: who
 * invites, to what (a programme, when the invitation comes from one), the link and until when.
 */
export function invitationMail(input: {
  round: InvitationRound;
  user: { id: string; email: string; displayName: string; locale: Locale };
  token: string;
  expiresAt: Date;
  inviter: string;
  programmeName?: string | null | undefined;
}): NewMail {
  return {
    category: "invitation",
    template: input.round === 0 ? "invitation" : "invitation_reminder",
    params: {
      inviter: input.inviter,
      ...(input.programmeName ? { programmeName: input.programmeName } : {}),
      path: `${INVITATION_PATH}/${input.token}`,
      expiresAt: input.expiresAt.toISOString(),
      name: input.user.displayName,
    },
    toAddress: input.user.email,
    toUserId: input.user.id,
    locale: input.user.locale,
  };
}

/**
 * What the manager who invited is answered. With an SMTP server the email is the only way to the link:
 * no link in the answer, so that nobody but its owner can open the account. Without one (the outbox)
 * the link is returned once, for the manager to hand over.
 */
export function presentInvitation(
  issued: { id: string; email: string; token: string; expiresAt: Date },
  context: { publicUrl: string; isEmailed: boolean },
): Invitation {
  return {
    id: issued.id,
    email: issued.email,
    link: context.isEmailed ? null : `${context.publicUrl}${INVITATION_PATH}/${issued.token}`,
    isEmailed: context.isEmailed,
    expiresAt: issued.expiresAt.toISOString(),
  };
}

/**
 * The end of a bulk invitation: everyone of the total not invited by it was skipped (they got an account,
 * or left the directory, meanwhile); people added to the directory while it ran are counted in the total.
 */
export function finishedCounts(batch: { total: number; done: number }): { total: number; skipped: number } {
  return { total: Math.max(batch.total, batch.done), skipped: Math.max(0, batch.total - batch.done) };
}

/** A bulk invitation as the API shows it. */
export function presentBatch(row: {
  id: string;
  status: InvitationBatch["status"];
  total: number;
  done: number;
  skipped: number;
  createdAt: Date;
  finishedAt: Date | null;
}): InvitationBatch {
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    done: row.done,
    skipped: row.skipped,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
