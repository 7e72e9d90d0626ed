import type { Database } from "../../db/client.ts";
import type { Clock } from "../clock/clock.ts";
import * as repo from "./mail.repository.ts";
import type { MailSettings } from "./mail-transport.ts";
import { type RenderedMail, renderMail } from "./render-mail.ts";
import { maskedParams, maskedRendering, secretTokenOf } from "./secret-links.ts";

export type MailDeps = { database: Database; clock: Clock; mail: MailSettings };

/** Organisation name when none is recorded yet. */
const DEFAULT_ORGANISATION = "Passerelle";

/** Renders a stored message as it is (or would be) sent, in its recipient's language and time zone. */
export async function renderStored(row: repo.MailRow, deps: Pick<MailDeps, "database" | "mail">): Promise<RenderedMail> {
  const [organisation, timeZone] = await Promise.all([
    repo.organisationName(deps.database.db).then((name) => name ?? DEFAULT_ORGANISATION),
    repo.timeZoneOfUser(deps.database.db, row.toUserId),
  ]);
  return renderMail(
    { id: row.id, template: row.template, params: row.params, locale: row.locale, category: row.category, timeZone },
    { organisation, publicUrl: deps.mail.publicUrl },
  );
}

/**
 * The "mail-deliver" job: renders the message, then hands it to the SMTP server (or keeps it in the
 * outbox when there is none) and records the answer. A refusal is recorded and thrown, so that
 * pg-boss retries with backoff; after the last retry the message stays "failed" with the server's answer.
 */
export async function deliverMail(messageId: string, job: { retryCount: number; retryLimit: number }, deps: MailDeps): Promise<void> {
  const { db } = deps.database;
  const row = await db.transaction((tx) => repo.claimForDelivery(tx, messageId));
  if (!row) return; // sent already, or kept: a second run of the job sends nothing
  const { transport } = deps.mail;
  const isLastTry = job.retryCount >= job.retryLimit;
  try {
    const rendered = await renderStored(row, deps);
    if (!transport) {
      await repo.finishDelivery(db, row.id, { status: "outbox", lastResponse: null, ...rendered });
      return;
    }
    const icalEvent = row.calendar ? { ...row.calendar, filename: "invite.ics" } : undefined;
    const sent = await transport.send({ from: deps.mail.from, to: row.toAddress, ...rendered, ...(icalEvent ? { icalEvent } : {}) });
    // With an SMTP server, a link that opens an account is for its recipient alone: the stored copy is
    // masked, and once sent no retry needs the token again, so the message keeps none.
    const token = secretTokenOf(row.template, row.params);
    await repo.finishDelivery(db, row.id, {
      status: "sent",
      lastResponse: sent.response,
      sentAt: deps.clock.now(),
      ...(token ? { ...maskedRendering(rendered, token), params: maskedParams(row.params, token) } : rendered),
    });
  } catch (err) {
    // Whatever failed (rendering, the SMTP server's refusal, the connection), the message is never
    // left "sending": queued again for the job's retry, or failed with the answer after the last one.
    const answer = err instanceof Error ? err.message : String(err);
    await repo.finishDelivery(db, row.id, { status: isLastTry ? "failed" : "queued", lastResponse: answer.slice(0, 2000) });
    throw err;
  }
}
