import type { Journal, SessionNotes, SessionNotesBody } from "../../../../contracts/session-notes.ts";
import type { Tx } from "../../../db/client.ts";
import type { CurrentUser } from "../../../platform/auth/session-store.ts";
import { checkSessionTakesNotes, notesRefusal, readableNotes } from "./notes.domain.ts";
import * as repo from "./notes.repository.ts";
import { memberOfPair, memberOfSession } from "./notes-access.ts";
import type { NotesDeps } from "./notes-deps.ts";

async function present(db: Tx, session: repo.SessionRow, me: { personId: string; partnerId: string }, now: Date): Promise<SessionNotes> {
  const byAuthor = await repo.notesOfSession(db, session.id);
  const whyClosed = notesRefusal(session, now);
  return {
    sessionId: session.id,
    canWrite: whyClosed === null,
    whyClosed,
    ...readableNotes(byAuthor.get(me.personId), byAuthor.get(me.partnerId)),
  };
}

/** My notes and journal for a session, and my partner's notes if they shared them (never their journal). */
export async function getSessionNotes(sessionId: string, user: CurrentUser, deps: NotesDeps): Promise<SessionNotes> {
  const db = deps.database.db;
  const member = await memberOfSession(db, sessionId, user);
  return present(db, member.session, member, deps.clock.now());
}

/** Writes my notes and journal for a session that has begun (409 before it, or when it was cancelled). */
export async function saveSessionNotes(
  sessionId: string,
  body: SessionNotesBody,
  user: CurrentUser,
  deps: NotesDeps,
): Promise<SessionNotes> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const member = await memberOfSession(tx, sessionId, user);
    checkSessionTakesNotes(member.session, now);
    await repo.saveNotes(tx, { sessionId, authorPersonId: member.personId, ...body }, now);
    return present(tx, member.session, member, now);
  });
}

/** My learning journal in a pair: what I wrote after each session, the latest session first. */
export async function getMyJournal(pairId: string, user: CurrentUser, deps: NotesDeps): Promise<Journal> {
  const db = deps.database.db;
  const member = await memberOfPair(db, pairId, user);
  return { items: await repo.journalOf(db, pairId, member.personId) };
}
