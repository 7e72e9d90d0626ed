import type { Me, Role } from "../../../contracts/accounts.ts";
import type { CreateInvitationBatchBody, InvitationBatch, InvitationBatchSource } from "../../../contracts/invitations.ts";
import type { Tx } from "../../db/client.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { enqueue } from "../../platform/jobs/job-queue.ts";
import { type AccountsDeps, assertMayGrant } from "./accounts.service.ts";
import { countSource } from "./invitation-batch-people.ts";
import { presentBatch } from "./invitations.domain.ts";
import * as repo from "./invitations.repository.ts";

/**
 * Invites in bulk: the people of the source without an account get an invited account and an email
 * (from a programme, those whose invitation expired get a new one), by the "invitation-batch" job
 * (run-invitation-batch.ts); the answer is the batch, queued, whose
 * progress the caller reads. A manager invites participants only, as one by one.
 */
export async function createInvitationBatch(
  body: CreateInvitationBatchBody,
  actor: Me,
  deps: Pick<AccountsDeps, "database" | "clock">,
): Promise<InvitationBatch> {
  assertMayGrant(actor, [body.role]);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const batch = await startInvitationBatch(tx, { source: body.source, role: body.role, createdBy: actor.id }, now);
    if (!batch) throw notFound();
    return presentBatch(batch);
  });
}

/**
 * In the caller's transaction: the batch row ("queued", with how many people it should reach) and its
 * job, which exists exactly when the transaction commits. Undefined for an unknown programme.
 */
export async function startInvitationBatch(
  tx: Tx,
  input: { source: InvitationBatchSource; role: Role; createdBy: string | null },
  now: Date,
): Promise<repo.BatchRow | undefined> {
  const counts = await countSource(tx, input.source, now);
  if (!counts) return undefined;
  return queueBatch(tx, { ...input, total: counts.toInvite }, now);
}

async function queueBatch(
  tx: Tx,
  input: { source: InvitationBatchSource; role: Role; createdBy: string | null; total: number },
  now: Date,
): Promise<repo.BatchRow> {
  const source: repo.StoredBatchSource = { ...input.source, role: input.role };
  const batch = await repo.insertBatch(tx, { createdBy: input.createdBy, createdAt: now, source, total: input.total });
  await enqueue(tx, "invitation-batch", { batchId: batch.id });
  return batch;
}

/**
 * Publishing a matching run: the programme's enrolled people who have no account are invited, as
 * participants, by a bulk invitation (in the publication's transaction), and so are those whose account
 * was never activated and whose invitation expired (a new one, to the same account): otherwise the
 * notifications of the publication would wait in an account nobody can open. Those with a link that
 * still works are left alone. Null when nobody needs one.
 */
export async function inviteEnrolledWithoutAccount(
  tx: Tx,
  programmeId: string,
  createdBy: string,
  now: Date,
): Promise<{ batchId: string; total: number } | null> {
  const source: InvitationBatchSource = { kind: "programme", programmeId };
  const total = (await countSource(tx, source, now))?.toInvite ?? 0;
  if (!total) return null;
  const batch = await queueBatch(tx, { source, role: "participant", createdBy, total }, now);
  return { batchId: batch.id, total };
}
