import type { Tx } from "../../db/client.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { type PairAccess, pairAccess, pairMember } from "../pairs/index.ts";
import * as repo from "./sessions.repository.ts";

export type MemberOfSession = {
  session: repo.SessionRow;
  access: PairAccess;
  member: ReturnType<typeof pairMember>;
};

/**
 * A session for one of its pair's two people: 404 when it does not exist or the caller is neither of
 * the pair nor a manager, 403 for a manager (a session's place and agenda are the pair's). `forUpdate`
 * locks the pair's row, then the session's, in that order everywhere (no deadlock between two changes).
 */
export async function sessionForMember(
  tx: Tx,
  sessionId: string,
  user: CurrentUser,
  options: { forUpdate?: boolean } = {},
): Promise<MemberOfSession> {
  const found = await repo.findSession(tx, sessionId);
  if (!found) throw notFound();
  const access = await pairAccess(tx, found.pairId, user, options);
  const member = pairMember(access);
  const session = options.forUpdate ? await repo.findSession(tx, sessionId, { forUpdate: true }) : found;
  if (!session) throw notFound();
  return { session, access, member };
}
