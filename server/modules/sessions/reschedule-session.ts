import type { PairSession, RescheduleSessionBody } from "../../../contracts/sessions.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { canStartSessions } from "../pairs/index.ts";
import { memberSession } from "./list-pair-sessions.ts";
import { sessionForMember } from "./session-access.ts";
import { checkSessionsOpen, decideReschedule, modeAndLocationProblems, sessionTimeProblems, throwIfProblems } from "./sessions.domain.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";
import { tellPartner } from "./tell-partner.ts";

/**
 * Moves a scheduled session or changes where it happens. The new time follows the scheduling rules; the
 * calendar's SEQUENCE goes up, the agenda's deadline follows the time and the reminders are re-armed;
 * the partner gets the updated invitation. Nothing is written (nor sent) when nothing changes.
 */
export async function rescheduleSession(
  sessionId: string,
  body: RescheduleSessionBody,
  user: CurrentUser,
  deps: SessionsDeps,
): Promise<PairSession> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { session, access, member } = await sessionForMember(tx, sessionId, user, { forUpdate: true });
    checkSessionsOpen({ state: access.state, canStartSessions: await canStartSessions(tx, access) });
    const decision = decideReschedule(
      session,
      {
        startsAt: body.startsAt === undefined ? undefined : new Date(body.startsAt),
        minutes: body.minutes,
        mode: body.mode,
        location: body.location?.trim(),
      },
      { deadlineHours: access.programme.agendaDeadlineHours, now },
    );
    if (!decision) return memberSession(tx, session.pairId, session.id);
    const { change, timeChanged } = decision;
    throwIfProblems([
      ...(timeChanged
        ? sessionTimeProblems(change, {
            now,
            programme: access.programme,
            others: await repo.scheduledSlotsOfPair(tx, session.pairId, session.id),
          })
        : []),
      ...(body.mode !== undefined || body.location !== undefined
        ? modeAndLocationProblems(change.mode, change.location, access.programme.format)
        : []),
    ]);
    await repo.updateSession(tx, session.id, change);
    await tellPartner(tx, "session_rescheduled", { ...session, startsAt: change.startsAt }, member, deps, now);
    return memberSession(tx, session.pairId, session.id);
  });
}
