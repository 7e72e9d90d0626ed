import type { Locale } from "../../../contracts/accounts.ts";
import type { Tx } from "../../db/client.ts";
import { hashToken, newToken } from "../../platform/auth/tokens.ts";
import { queueMail } from "../../platform/mail/index.ts";
import { type InvitationRound, invitationMail } from "./invitations.domain.ts";
import * as repo from "./invitations.repository.ts";

export type InvitationToIssue = {
  user: { id: string; email: string; displayName: string; locale: Locale };
  /** 0: an invitation, which voids the account's earlier links; 1 or 2: a reminder, a new link beside the first. */
  round: InvitationRound;
  expiresAt: Date;
  /** The account of who invites (null when gone) and the name the email gives them. */
  invitedBy: string | null;
  inviter: string;
  programmeName?: string | null | undefined;
  batchId?: string | null | undefined;
};

/** A link just issued: its token exists only here and in the email. */
export type IssuedInvitation = { id: string; email: string; token: string; expiresAt: Date };

/**
 * Issues one-time links in the caller's transaction and queues their emails (template "invitation" or
 * "invitation_reminder", in each account's language), which go out exactly when it commits. Only the
 * token's hash is stored. Returns the links in the order given.
 */
export async function issueInvitations(tx: Tx, items: InvitationToIssue[], now: Date): Promise<IssuedInvitation[]> {
  if (!items.length) return [];
  // A new invitation replaces any link still open, reminders included; a reminder leaves the first link working.
  await repo.voidOpenInvitations(
    tx,
    items.filter((item) => item.round === 0).map((item) => item.user.id),
    now,
  );
  const tokens = items.map(() => newToken());
  const hashes = tokens.map(hashToken);
  const rows = await repo.insertInvitations(
    tx,
    items.map((item, k) => ({
      tokenHash: hashes[k] as string,
      userId: item.user.id,
      invitedBy: item.invitedBy,
      createdAt: now,
      expiresAt: item.expiresAt,
      round: item.round,
      batchId: item.batchId ?? null,
    })),
  );
  await queueMail(
    tx,
    items.map((item, k) => invitationMail({ ...item, token: tokens[k] as string })),
    now,
  );
  const byHash = new Map(rows.map((row) => [row.tokenHash, row]));
  return items.map((item, k) => {
    const row = byHash.get(hashes[k] as string) as repo.InvitationRow;
    return { id: row.id, email: item.user.email, token: tokens[k] as string, expiresAt: row.expiresAt };
  });
}
