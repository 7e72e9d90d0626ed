import type { Tx } from "../../db/client.ts";
import { calendarOptions, sessionCalendarFile } from "../calendar/index.ts";
import { notify } from "../notifications/index.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";

export type SessionNoticeKind = "session_scheduled" | "session_rescheduled" | "session_cancelled";

/** The link of a session's page in the web app (the calendar file's description points there too). */
export const sessionLink = (pairId: string, sessionId: string) => `/pairs/${pairId}/sessions/${sessionId}`;

/**
 * Tells the partner of the person who scheduled, moved or cancelled a session, with the session's
 * calendar file as they read it (their language and time zone) attached to the email as an invitation:
 * REQUEST for a new or moved session, CANCEL for a cancelled one. Called inside the use case's
 * transaction, after the write, so that the file shows the new SEQUENCE and status.
 */
export async function tellPartner(
  tx: Tx,
  kind: SessionNoticeKind,
  session: { id: string; pairId: string; startsAt: Date },
  people: { personId: string; partnerId: string },
  deps: Pick<SessionsDeps, "mail">,
  now: Date,
): Promise<void> {
  const method = kind === "session_cancelled" ? "CANCEL" : "REQUEST";
  const actor = await repo.personOf(tx, people.personId);
  const content = await sessionCalendarFile(tx, session.id, people.partnerId, { ...calendarOptions(deps.mail), method });
  await notify(
    tx,
    [
      {
        personId: people.partnerId,
        kind,
        params: { partnerName: actor?.name ?? "", at: session.startsAt.toISOString() },
        link: sessionLink(session.pairId, session.id),
        ...(content ? { calendar: { method, content } } : {}),
      },
    ],
    now,
  );
}
