/** All SQL of the mail platform: the messages (queue, history and outbox). */
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Locale } from "../../../contracts/accounts.ts";
import type { MailCalendar, MailCategory, MailStatus } from "../../../contracts/mail.ts";
import type { Tx } from "../../db/client.ts";
import { mailMessages, organisation, people, users } from "../../db/schema.ts";

export type MailRow = typeof mailMessages.$inferSelect;
export type NewMail = {
  category: MailCategory;
  template: string;
  params: Record<string, string>;
  toAddress: string;
  toUserId?: string | null;
  locale: Locale;
  /** A calendar invitation sent with it (a session's .ics). */
  calendar?: MailCalendar | null;
};

export async function insertMessages(tx: Tx, items: NewMail[], now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let k = 0; k < items.length; k += 1000) {
    const rows = await tx
      .insert(mailMessages)
      .values(items.slice(k, k + 1000).map((m) => ({ ...m, toUserId: m.toUserId ?? null, createdAt: now })))
      .returning({ id: mailMessages.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/**
 * Takes a message for delivery: queued (or left "sending" by a delivery that died) becomes "sending",
 * one attempt more. Undefined when it was sent (or kept) already: a job run twice sends once.
 * A message left "sending" is taken again only by its own job's retry, which pg-boss starts once the
 * job has expired (5 minutes, far beyond an SMTP exchange): a delivery that died after the SMTP
 * server took the message may then send it twice — at least once, never lost.
 */
export async function claimForDelivery(tx: Tx, id: string): Promise<MailRow | undefined> {
  const [row] = await tx
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.id, id), inArray(mailMessages.status, ["queued", "sending", "failed"])))
    .for("update", { skipLocked: true });
  if (!row) return undefined;
  await tx
    .update(mailMessages)
    .set({ status: "sending", attempts: row.attempts + 1 })
    .where(eq(mailMessages.id, id));
  return { ...row, status: "sending", attempts: row.attempts + 1 };
}

export async function finishDelivery(
  tx: Tx,
  id: string,
  values: {
    status: Extract<MailStatus, "sent" | "outbox" | "queued" | "failed">;
    lastResponse: string | null;
    sentAt?: Date | null;
    params?: Record<string, string>;
  } & Partial<{ subject: string; html: string; text: string; headers: Record<string, string> }>,
): Promise<void> {
  await tx.update(mailMessages).set(values).where(eq(mailMessages.id, id));
}

export async function findMessage(tx: Tx, id: string): Promise<MailRow | undefined> {
  const [row] = await tx.select().from(mailMessages).where(eq(mailMessages.id, id));
  return row;
}

/** Newest first, by pages of `limit` before the sequence number `beforeSeq`. */
export async function listMessages(
  tx: Tx,
  filter: { status?: MailStatus | undefined; to?: string | undefined; beforeSeq?: number | undefined; limit: number },
): Promise<MailRow[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(mailMessages.status, filter.status));
  if (filter.to) conditions.push(eq(mailMessages.toAddress, filter.to));
  if (filter.beforeSeq) conditions.push(lt(mailMessages.seq, filter.beforeSeq));
  return tx
    .select()
    .from(mailMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(mailMessages.seq))
    .limit(filter.limit);
}

/**
 * A failed message goes back to "queued" for a new delivery. Conditional on its status, so of two
 * retries at once only one succeeds; false when the message is not (or no longer) failed.
 */
export async function requeueFailed(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .update(mailMessages)
    .set({ status: "queued" })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, "failed")))
    .returning({ id: mailMessages.id });
  return rows.length > 0;
}

/** The organisation's name, as emails write it. */
/** The time zone of an account's directory entry (undefined without one). */
export async function timeZoneOfUser(tx: Tx, userId: string | null): Promise<string | undefined> {
  if (!userId) return undefined;
  const [row] = await tx
    .select({ timeZone: people.timeZone })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, userId));
  return row?.timeZone;
}

export async function organisationName(tx: Tx): Promise<string | undefined> {
  const [row] = await tx.select({ name: organisation.name }).from(organisation).limit(1);
  return row?.name;
}
