import type { AgendaItem, AgendaItemBody, AgendaItemChangeBody } from "../../../contracts/sessions.ts";
import type { Tx } from "../../db/client.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import type { ErrorDetail } from "../../platform/errors/app-error.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { presentAgendaItem } from "./get-session.ts";
import { sessionForMember } from "./session-access.ts";
import { checkAgendaOpen, checkMayEditAgendaItem, roleOf, throwIfProblems } from "./sessions.domain.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";

type Deps = Pick<SessionsDeps, "database" | "clock">;

/** The goal and the action item an item links to must be the pair's (the action item still open): 400 naming the field. */
async function linkProblems(tx: Tx, pairId: string, links: { goalId?: string | null; fromActionItemId?: string | null }) {
  const problems: ErrorDetail[] = [];
  if (links.goalId && !(await repo.isGoalOfPair(tx, links.goalId, pairId)))
    problems.push({ path: "goalId", messageKey: "fields.goalNotInPair" });
  if (links.fromActionItemId && !(await repo.openActionItemOfPair(tx, links.fromActionItemId, pairId)))
    problems.push({ path: "fromActionItemId", messageKey: "fields.actionItemNotOpen" });
  return problems;
}

/**
 * Adds an item to a scheduled session's agenda: the mentee prepares it, the mentor adds to it. It may
 * work on a goal of the pair, or carry over one of its open action items.
 */
export async function addAgendaItem(sessionId: string, body: AgendaItemBody, user: CurrentUser, deps: Deps): Promise<AgendaItem> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { session, access, member } = await sessionForMember(tx, sessionId, user, { forUpdate: true });
    checkAgendaOpen(session);
    throwIfProblems(await linkProblems(tx, session.pairId, body));
    const item = await repo.insertAgendaItem(tx, {
      sessionId: session.id,
      kind: body.kind,
      text: body.text.trim(),
      goalId: body.goalId ?? null,
      fromActionItemId: body.fromActionItemId ?? null,
      authorPersonId: member.personId,
      createdAt: now,
    });
    return presentAgendaItem(item, access, member.role, true);
  });
}

/** The item and its session for a change: 404 when unknown or not the caller's pair; 409 once the agenda is closed; 403 when not theirs to change. */
async function itemForChange(tx: Tx, itemId: string, user: CurrentUser) {
  const found = await repo.findAgendaItem(tx, itemId);
  if (!found) throw notFound();
  const { session, access, member } = await sessionForMember(tx, found.sessionId, user, { forUpdate: true });
  checkAgendaOpen(session);
  checkMayEditAgendaItem(member.role, roleOf(found.authorPersonId, access));
  return { item: found, session, access, member };
}

/** Changes an item's words, kind or goal: its author, or the mentee for any item. */
export async function changeAgendaItem(itemId: string, body: AgendaItemChangeBody, user: CurrentUser, deps: Deps): Promise<AgendaItem> {
  return deps.database.db.transaction(async (tx) => {
    const { item, session, access, member } = await itemForChange(tx, itemId, user);
    throwIfProblems(await linkProblems(tx, session.pairId, { goalId: body.goalId }));
    const changed =
      (await repo.updateAgendaItem(tx, item.id, {
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.text !== undefined ? { text: body.text.trim() } : {}),
        ...(body.goalId !== undefined ? { goalId: body.goalId } : {}),
      })) ?? item;
    return presentAgendaItem(changed, access, member.role, true);
  });
}

/** Removes an item: its author, or the mentee for any item. */
export async function removeAgendaItem(itemId: string, user: CurrentUser, deps: Deps): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { item } = await itemForChange(tx, itemId, user);
    await repo.deleteAgendaItem(tx, item.id);
  });
}
