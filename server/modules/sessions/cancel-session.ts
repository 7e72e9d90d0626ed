import type { PairSession } from "../../../contracts/sessions.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { memberSession } from "./list-pair-sessions.ts";
import { sessionForMember } from "./session-access.ts";
import { decideCancel } from "./sessions.domain.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";
import { tellPartner } from "./tell-partner.ts";

/**
 * Either person cancels a scheduled session, with a reason (the partner reads it on the session). The
 * partner is told, with the calendar file that removes it (METHOD:CANCEL, STATUS:CANCELLED).
 */
export async function cancelSession(
  sessionId: string,
  body: { reason: string },
  user: CurrentUser,
  deps: SessionsDeps,
): Promise<PairSession> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { session, member } = await sessionForMember(tx, sessionId, user, { forUpdate: true });
    await repo.updateSession(tx, session.id, decideCancel(session, body.reason.trim(), { personId: member.personId, now }));
    await tellPartner(tx, "session_cancelled", session, member, deps, now);
    return memberSession(tx, session.pairId, session.id);
  });
}
