/**
 * The administrators' outbox ("Courriels"): every email, sent, failed or kept here when no SMTP server
 * is configured, read as it was (or would be) sent; a failed one sent again; the background jobs that
 * failed every retry. Use cases: plain values in, results out (mail.routes.ts presents them).
 */
import type { FailedJob, ListMailQuery, MailMessage, MailMessageSummary, MailPage, MailSettingsView } from "../../../contracts/mail.ts";
import { AppError } from "../errors/app-error.ts";
import { enqueue, listFailedJobs } from "../jobs/job-queue.ts";
import { type MailDeps, renderStored } from "./deliver-mail.ts";
import * as repo from "./mail.repository.ts";
import { maskedRendering, secretTokenOf } from "./secret-links.ts";

export type OutboxDeps = Pick<MailDeps, "database" | "mail">;

function toSummary(row: repo.MailRow): MailMessageSummary {
  return {
    id: row.id,
    category: row.category,
    template: row.template,
    to: row.toAddress,
    locale: row.locale,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastResponse: row.lastResponse,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** Newest first; one row more than the page tells whether another page follows. */
export async function listOutbox(query: ListMailQuery, deps: OutboxDeps): Promise<MailPage> {
  const rows = await repo.listMessages(deps.database.db, {
    status: query.status,
    to: query.to || undefined,
    beforeSeq: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toSummary), nextBefore: rows.length > query.limit && last ? last.seq : null };
}

/**
 * A message as it was sent (or kept), or, not delivered yet, as it would be sent now: rendered on the
 * fly, nothing written (a GET writes nothing). A session's email shows the calendar invitation it carries.
 */
export async function readMail(id: string, deps: OutboxDeps): Promise<MailMessage> {
  const row = await repo.findMessage(deps.database.db, id);
  if (!row) throw new AppError("NOT_FOUND");
  const isRendered = row.subject !== null && row.html !== null && row.text !== null && row.headers !== null;
  const stored = isRendered
    ? { subject: row.subject as string, html: row.html as string, text: row.text as string, headers: row.headers ?? {} }
    : await renderStored(row, deps);
  // With an SMTP server, a link that opens an account is never shown to an administrator (secret-links.ts).
  const token = deps.mail.transport ? secretTokenOf(row.template, row.params) : undefined;
  const rendered = token ? maskedRendering(stored, token) : stored;
  return {
    ...toSummary(row),
    subject: rendered.subject,
    from: deps.mail.from,
    headers: rendered.headers,
    html: rendered.html,
    text: rendered.text,
    calendar: row.calendar ?? null,
  };
}

/**
 * Sends a failed message again: back to "queued" with a new delivery job, in one transaction. Only a
 * failed message: one sent or kept would go out twice, one queued or sending has its job already.
 */
export async function retryMail(id: string, deps: OutboxDeps): Promise<MailMessageSummary> {
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findMessage(tx, id);
    if (!row) throw new AppError("NOT_FOUND");
    if (!(await repo.requeueFailed(tx, id))) throw new AppError("MAIL_NOT_FAILED", { params: { status: row.status } });
    await enqueue(tx, "mail-deliver", { messageId: id });
    return toSummary({ ...row, status: "queued" });
  });
}

/** Whether emails go out through an SMTP server or stay in the outbox, and their From header; never the server's URL. */
export function outboxSettings(deps: Pick<OutboxDeps, "mail">): MailSettingsView {
  return { mode: deps.mail.transport ? "smtp" : "outbox", from: deps.mail.from };
}

/** Jobs that failed every retry, without their payload. */
export async function failedJobs(deps: Pick<OutboxDeps, "database">): Promise<{ items: FailedJob[] }> {
  const jobs = await listFailedJobs(deps.database);
  return { items: jobs.map(({ id, queue, error, retryCount, failedAt }) => ({ id, queue, error, retryCount, failedAt })) };
}
