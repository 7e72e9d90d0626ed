import type { MailCategory } from "../../../contracts/mail.ts";
import type { Tx } from "../../db/client.ts";
import { findMessage } from "./mail.repository.ts";

/** What an email's unsubscribe link needs to know of it: to whom it went, why, and with which values. */
export type UnsubscribeMessage = {
  toUserId: string | null;
  category: MailCategory;
  template: string;
  params: Record<string, string>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The message an unsubscribe link names (its id is in the List-Unsubscribe header and the footer
 * link), or undefined when there is none: an id that is not even a UUID (a link cut by a mail client)
 * is unknown too.
 */
export async function findMessageForUnsubscribe(tx: Tx, id: string): Promise<UnsubscribeMessage | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await findMessage(tx, id);
  if (!row) return undefined;
  return { toUserId: row.toUserId, category: row.category, template: row.template, params: row.params };
}
