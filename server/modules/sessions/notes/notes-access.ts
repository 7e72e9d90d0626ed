/**
 * Who may read or write what a pair writes: only its two people. Someone else gets a 404 (the pair and
 * its sessions stay unknown to them, as does a session or item that does not exist); a programme manager
 * gets a 403 — they know the pair exists, never what it wrote.
 */
import type { Tx } from "../../../db/client.ts";
import type { CurrentUser } from "../../../platform/auth/session-store.ts";
import { notFound } from "../../../platform/errors/app-error.ts";
import { type PairAccess, pairAccess, pairMember } from "../../pairs/index.ts";
import { findSession, type SessionRow } from "./notes.repository.ts";

export type Member = ReturnType<typeof pairMember> & { access: PairAccess };

/** One of the pair, by the pair's id. */
export async function memberOfPair(tx: Tx, pairId: string, user: CurrentUser): Promise<Member> {
  const access = await pairAccess(tx, pairId, user);
  return { ...pairMember(access), access };
}

/** One of the pair of this session, with the session (404 when there is no such session). */
export async function memberOfSession(tx: Tx, sessionId: string, user: CurrentUser): Promise<Member & { session: SessionRow }> {
  const session = await findSession(tx, sessionId);
  if (!session) throw notFound();
  return { ...(await memberOfPair(tx, session.pairId, user)), session };
}
