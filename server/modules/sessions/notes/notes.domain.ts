/**
 * The rules of what a pair writes around its sessions, without a database: when a session takes notes,
 * what of my partner's writing I may read, who may own an action item. The use cases load the facts and
 * carry the answer out; a refusal is the AppError the API answers, thrown before anything is written.
 */
import type { SessionStatus } from "../../../../contracts/sessions.ts";
import { AppError, invalidFields } from "../../../platform/errors/app-error.ts";

export type SessionFacts = { status: SessionStatus; startsAt: Date };

/**
 * Notes, journal and action items are written after a session has begun: not for a cancelled session,
 * nor for one still to come (unless someone already marked it held).
 */
export function notesRefusal(session: SessionFacts, now: Date): "cancelled" | "not_started" | null {
  if (session.status === "cancelled") return "cancelled";
  if (session.status !== "held" && session.startsAt.getTime() > now.getTime()) return "not_started";
  return null;
}

/** Throws the 409 that says why this session takes no notes yet (or at all). */
export function checkSessionTakesNotes(session: SessionFacts, now: Date): void {
  const refusal = notesRefusal(session, now);
  if (refusal === "cancelled") throw new AppError("NOTES_NOT_OPEN", { messageKey: "errors.notesSessionCancelled" });
  if (refusal === "not_started") throw new AppError("NOTES_NOT_OPEN");
}

export type NotesRow = { notes: string; journal: string; isShared: boolean; updatedAt: Date };

/**
 * What I read of a session's notes: all of mine; of my partner's, the notes only, only if shared and
 * written. Their journal never leaves this function.
 */
export function readableNotes(mine: NotesRow | undefined, partner: NotesRow | undefined) {
  return {
    mine: mine ? { notes: mine.notes, journal: mine.journal, isShared: mine.isShared, updatedAt: mine.updatedAt.toISOString() } : null,
    partner: partner?.isShared && partner.notes.trim() ? { notes: partner.notes, updatedAt: partner.updatedAt.toISOString() } : null,
  };
}

/** An action item's owner is one of the pair: me or my partner (400 naming the field otherwise). */
export function checkOwnerInPair(ownerPersonId: string, member: { personId: string; partnerId: string }): void {
  if (ownerPersonId !== member.personId && ownerPersonId !== member.partnerId)
    throw invalidFields([{ path: "ownerPersonId", messageKey: "fields.notInPair" }]);
}

/** When an action item is done: kept when it already was, now when it just was, null when reopened. */
export function doneAtAfter(current: Date | null, isDone: boolean | undefined, now: Date): Date | null {
  if (isDone === undefined) return current;
  if (!isDone) return null;
  return current ?? now;
}
