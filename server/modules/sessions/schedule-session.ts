import type { PairSession, ScheduleSessionBody } from "../../../contracts/sessions.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { canStartSessions, pairAccess, pairMember } from "../pairs/index.ts";
import { memberSession } from "./list-pair-sessions.ts";
import { agendaDueAt, checkSessionsOpen, modeAndLocationProblems, sessionTimeProblems, throwIfProblems } from "./sessions.domain.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";
import { tellPartner } from "./tell-partner.ts";

/**
 * Either person of the pair schedules a session: once sessions may start, to come, within the programme,
 * clear of the pair's other sessions, in a mode the programme allows. The partner is told, with the
 * invitation (.ics, METHOD:REQUEST). The pair's row is locked: two people scheduling at once do not overlap.
 */
export async function scheduleSession(
  pairId: string,
  body: Pick<ScheduleSessionBody, "startsAt" | "mode" | "location"> & { minutes?: number | undefined },
  user: CurrentUser,
  deps: SessionsDeps,
): Promise<PairSession> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const access = await pairAccess(tx, pairId, user, { forUpdate: true });
    const member = pairMember(access);
    checkSessionsOpen({ state: access.state, canStartSessions: await canStartSessions(tx, access) });
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(startsAt.getTime() + (body.minutes ?? access.programme.sessionMinutes) * 60_000);
    const location = body.location.trim();
    throwIfProblems([
      ...sessionTimeProblems(
        { startsAt, endsAt },
        { now, programme: access.programme, others: await repo.scheduledSlotsOfPair(tx, pairId) },
      ),
      ...modeAndLocationProblems(body.mode, location, access.programme.format),
    ]);
    const session = await repo.insertSession(tx, {
      pairId,
      startsAt,
      endsAt,
      mode: body.mode,
      location,
      agendaDueAt: agendaDueAt(startsAt, access.programme.agendaDeadlineHours),
      createdByPersonId: member.personId,
      createdAt: now,
      updatedAt: now,
    });
    await tellPartner(tx, "session_scheduled", session, member, deps, now);
    return memberSession(tx, pairId, session.id);
  });
}
