import type { PairSession, SessionOutcome } from "../../../contracts/sessions.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { memberSession } from "./list-pair-sessions.ts";
import { sessionForMember } from "./session-access.ts";
import { decideOutcome } from "./sessions.domain.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";

/** Either person marks a session held or missed once it has started (or corrects held ↔ missed). */
export async function recordOutcome(
  sessionId: string,
  body: { status: SessionOutcome },
  user: CurrentUser,
  deps: Pick<SessionsDeps, "database" | "clock">,
): Promise<PairSession> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { session, member } = await sessionForMember(tx, sessionId, user, { forUpdate: true });
    const change = decideOutcome(session, body.status, { personId: member.personId, now });
    if (change) await repo.updateSession(tx, session.id, change);
    return memberSession(tx, session.pairId, session.id);
  });
}
