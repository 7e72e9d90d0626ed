import type { PairSessionList } from "../../../contracts/sessions.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { pairAccess, pairMember } from "../pairs/index.ts";
import { managerView, memberList } from "./present-session.ts";
import { validTimeZone } from "./sessions.domain.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";

/**
 * The pair's sessions in order of time (`GET /api/pairs/:id/sessions`, a fixed interface): for its two
 * people with place, agenda count and number, and the reader's time zone; for a programme manager only
 * dates and statuses; 404 for anyone else.
 */
export async function listPairSessions(pairId: string, user: CurrentUser, deps: Pick<SessionsDeps, "database">): Promise<PairSessionList> {
  const { db } = deps.database;
  const access = await pairAccess(db, pairId, user);
  const rows = await repo.sessionsOfPair(db, pairId);
  if (access.actor === "manager") return { items: rows.map(managerView) };
  const reader = await repo.personOf(db, pairMember(access).personId);
  return { items: memberList(rows), myTimeZone: validTimeZone(reader?.timeZone) };
}

/** One session of the pair as its people list it (what the changes answer). */
export async function memberSession(db: Parameters<typeof repo.sessionsOfPair>[0], pairId: string, sessionId: string) {
  const found = memberList(await repo.sessionsOfPair(db, pairId)).find((s) => s.id === sessionId);
  if (!found) throw new Error(`session ${sessionId} is not in pair ${pairId}`);
  return found;
}
