import { OPEN_PAIR_STATES, type PairState } from "../../../contracts/pairs.ts";
import { PAIR_CLOSED_CANCEL_REASON } from "../../../contracts/sessions.ts";
import { calendarOptions, sessionCalendarFile } from "../calendar/index.ts";
import { type NewNotification, notify } from "../notifications/index.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";
import { sessionLink } from "./tell-partner.ts";

const isOpen = (state: PairState) => (OPEN_PAIR_STATES as readonly PairState[]).includes(state);

/**
 * A pair closed (ended early, completed, not a fit, its programme closed): the "pair-sessions-close" job
 * the pairs context enqueues in the closing transaction. Its sessions still to come and scheduled are
 * cancelled (SEQUENCE + 1, a reason written by the app, nobody's name on it) and both people are told, each
 * with the calendar file that removes the session (METHOD:CANCEL). Sessions already started stay as they
 * are (their people may still mark them held or missed). Idempotent: a second run finds nothing to cancel.
 * Returns how many sessions were cancelled.
 */
export async function cancelSessionsOfClosedPair(pairId: string, deps: SessionsDeps): Promise<number> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    // The pair's row first, then its sessions: the order every change of a session takes.
    const pair = await repo.pairForUpdate(tx, pairId);
    if (!pair || isOpen(pair.state)) return 0;
    const cancelled = await repo.cancelSessionsAfter(tx, pairId, now, {
      status: "cancelled",
      cancelReason: PAIR_CLOSED_CANCEL_REASON,
      statusByPersonId: null,
      statusAt: now,
      updatedAt: now,
    });
    if (!cancelled.length) return 0;
    const names = new Map<string, string>();
    for (const personId of [pair.mentorId, pair.menteeId]) names.set(personId, (await repo.personOf(tx, personId))?.name ?? "");
    const notices: NewNotification[] = [];
    for (const session of cancelled) {
      for (const [personId, partnerId] of [
        [pair.mentorId, pair.menteeId],
        [pair.menteeId, pair.mentorId],
      ] as const) {
        const content = await sessionCalendarFile(tx, session.id, personId, { ...calendarOptions(deps.mail), method: "CANCEL" });
        notices.push({
          personId,
          kind: "session_cancelled",
          params: { partnerName: names.get(partnerId) ?? "", at: session.startsAt.toISOString(), reason: "pair_closed" },
          link: sessionLink(pairId, session.id),
          ...(content ? { calendar: { method: "CANCEL" as const, content } } : {}),
        });
      }
    }
    await notify(tx, notices, now);
    return cancelled.length;
  });
}
