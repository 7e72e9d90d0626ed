import type { Tx } from "../../db/client.ts";
import { enqueueMany } from "../jobs/job-queue.ts";
import { insertMessages, type NewMail } from "./mail.repository.ts";

export type { NewMail } from "./mail.repository.ts";

/**
 * Queues emails in the caller's transaction, each with its delivery job: they exist (and go out)
 * exactly when the change they tell about is committed. Returns the messages' ids.
 */
export async function queueMail(tx: Tx, items: NewMail[], now: Date): Promise<string[]> {
  if (!items.length) return [];
  const ids = await insertMessages(tx, items, now);
  // A second run of a delivery job sends nothing: deliverMail claims the message first.
  await enqueueMany(
    tx,
    "mail-deliver",
    ids.map((messageId) => ({ messageId })),
  );
  return ids;
}
