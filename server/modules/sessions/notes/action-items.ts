import type { ActionItem, ActionItemBody, ActionItemChangeBody, ActionItemList } from "../../../../contracts/session-notes.ts";
import type { Tx } from "../../../db/client.ts";
import type { CurrentUser } from "../../../platform/auth/session-store.ts";
import { notFound } from "../../../platform/errors/app-error.ts";
import { checkOwnerInPair, checkSessionTakesNotes, doneAtAfter } from "./notes.domain.ts";
import * as repo from "./notes.repository.ts";
import { memberOfPair, memberOfSession } from "./notes-access.ts";
import type { NotesDeps } from "./notes-deps.ts";

async function presented(db: Tx, id: string): Promise<ActionItem> {
  const item = await repo.actionItemById(db, id);
  if (!item) throw notFound();
  return item;
}

/** The pair's action items (both of the pair see them all), or only those not done yet. */
export async function listActionItems(
  pairId: string,
  query: { open: boolean },
  user: CurrentUser,
  deps: NotesDeps,
): Promise<ActionItemList> {
  const db = deps.database.db;
  await memberOfPair(db, pairId, user);
  return { items: await repo.actionItemsOfPair(db, pairId, { openOnly: query.open }) };
}

/** One of the pair writes an action item after a session, for themselves or their partner. */
export async function addActionItem(sessionId: string, body: ActionItemBody, user: CurrentUser, deps: NotesDeps): Promise<ActionItem> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const member = await memberOfSession(tx, sessionId, user);
    checkSessionTakesNotes(member.session, now);
    checkOwnerInPair(body.ownerPersonId, member);
    const id = await repo.insertActionItem(tx, {
      pairId: member.session.pairId,
      sessionId,
      text: body.text,
      ownerPersonId: body.ownerPersonId,
      dueOn: body.dueOn ?? null,
      createdByPersonId: member.personId,
      createdAt: now,
    });
    return presented(tx, id);
  });
}

/** Either of the pair changes an action item: its text, owner or due date, done or not. */
export async function changeActionItem(id: string, body: ActionItemChangeBody, user: CurrentUser, deps: NotesDeps): Promise<ActionItem> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const item = await repo.findActionItem(tx, id, { forUpdate: true });
    if (!item) throw notFound();
    const member = await memberOfPair(tx, item.pairId, user);
    if (body.ownerPersonId !== undefined) checkOwnerInPair(body.ownerPersonId, member);
    const dueOn = body.dueOn === undefined ? item.dueOn : body.dueOn;
    await repo.updateActionItem(tx, id, {
      ...(body.text !== undefined && { text: body.text }),
      ...(body.ownerPersonId !== undefined && { ownerPersonId: body.ownerPersonId }),
      // A new due date (or owner) re-arms the "action item due" reminder.
      ...((dueOn !== item.dueOn || (body.ownerPersonId !== undefined && body.ownerPersonId !== item.ownerPersonId)) && {
        dueOn,
        reminderAt: null,
      }),
      ...(body.isDone !== undefined && { doneAt: doneAtAfter(item.doneAt, body.isDone, now) }),
    });
    return presented(tx, id);
  });
}

/** Either of the pair deletes an action item. */
export async function deleteActionItem(id: string, user: CurrentUser, deps: NotesDeps): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const item = await repo.findActionItem(tx, id, { forUpdate: true });
    if (!item) throw notFound();
    await memberOfPair(tx, item.pairId, user);
    await repo.deleteActionItem(tx, id);
  });
}
