import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { yieldToEventLoop } from "../../platform/threads/yield-to-event-loop.ts";
import { findUserById } from "./accounts.repository.ts";
import { nextAccountsToInviteAgain, nextPeopleToInvite, programmeNameOf } from "./invitation-batch-people.ts";
import { finishedCounts, INVITATION_SLICE, INVITATION_VALIDITY_MS, inviterName } from "./invitations.domain.ts";
import * as repo from "./invitations.repository.ts";
import { issueInvitations } from "./issue-invitation.ts";

/**
 * The "invitation-batch" job: invites the people of a bulk invitation's source who have no account, a
 * slice of INVITATION_SLICE at a time, each slice in a short transaction of its own (the embedded
 * database is one connection: other requests get their turn in between). Each person gets an invited
 * account linked to their directory entry (their directory name, in French) and an email naming who
 * invites and, from a programme, which one. The batch row shows the progress. From a programme, once
 * everyone without an account is invited, the accounts of its people never activated whose invitation
 * expired get a new one (the same email, to the same account); those with a link that still works are
 * left alone: they can use it.
 *
 * Idempotent: people are chosen by "no account yet" (then "no link that works"), so a job run again, or
 * resumed after a crash, invites nobody twice; a finished batch is left as it is. The batch row is locked by each slice, so two
 * runs at once take turns. On its last failed try the batch is marked "failed".
 */
export async function runInvitationBatch(
  batchId: string,
  job: { retryCount: number; retryLimit: number },
  deps: { database: Database; clock: Clock },
): Promise<void> {
  try {
    // Within one run, people are taken in id order: someone who could not be invited is not met again.
    let afterId: string | undefined;
    for (;;) {
      const next = await inviteSlice(batchId, afterId, deps);
      if (next === null) return;
      afterId = next.afterId;
      await yieldToEventLoop();
    }
  } catch (err) {
    if (job.retryCount >= job.retryLimit) {
      await deps.database.db.transaction(async (tx) => {
        await repo.updateBatch(tx, batchId, { status: "failed", finishedAt: deps.clock.now() });
      });
    }
    throw err;
  }
}

/** One slice; returns where the next one starts (after the last person id taken), or null once the batch is finished. */
async function inviteSlice(
  batchId: string,
  afterId: string | undefined,
  deps: { database: Database; clock: Clock },
): Promise<{ afterId: string | undefined } | null> {
  return deps.database.db.transaction(async (tx) => {
    const batch = await repo.lockBatch(tx, batchId);
    if (!batch || batch.status === "done" || batch.status === "failed") return null;
    const now = deps.clock.now();
    const source = batch.source as repo.StoredBatchSource;
    const people = await nextPeopleToInvite(tx, source, { afterId, limit: INVITATION_SLICE });
    if (batch.status === "queued") await repo.updateBatch(tx, batch.id, { status: "running" });
    // Everyone without an account is invited: then those invited before whose link no longer works, a
    // slice at a time (invited again, they hold a working link and are not chosen again).
    const created = people.length
      ? await repo.insertInvitedUsers(
          tx,
          people.map((p) => ({ personId: p.id, email: p.email, displayName: `${p.firstName} ${p.lastName}` })),
          source.role ?? "participant",
          now,
        )
      : await nextAccountsToInviteAgain(tx, source, now, INVITATION_SLICE);
    if (!people.length && !created.length) {
      await repo.updateBatch(tx, batch.id, { status: "done", ...finishedCounts(batch), finishedAt: now });
      return null;
    }
    const inviter = batch.createdBy ? await findUserById(tx, batch.createdBy) : undefined;
    const programmeName = await programmeNameOf(tx, source);
    await issueInvitations(
      tx,
      created.map((user) => ({
        user,
        round: 0 as const,
        expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS),
        invitedBy: inviter?.id ?? null,
        inviter: inviterName(inviter?.displayName),
        programmeName,
        batchId: batch.id,
      })),
      now,
    );
    await repo.updateBatch(tx, batch.id, { done: batch.done + created.length });
    return { afterId: people.at(-1)?.id ?? afterId };
  });
}
