import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { AgendaItem, SessionDetail } from "../../../contracts/sessions.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { memberSession } from "./list-pair-sessions.ts";
import { sessionForMember } from "./session-access.ts";
import { isAgendaOpen, mayEditAgendaItem, roleOf, validTimeZone } from "./sessions.domain.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";

/** An agenda item as `reader` sees it: who wrote it (their part in the pair), and whether they may change it now. */
export function presentAgendaItem(
  item: repo.AgendaItemRow,
  pair: { mentorId: string; menteeId: string },
  reader: ParticipantRole,
  isOpen: boolean,
): AgendaItem {
  const author = roleOf(item.authorPersonId, pair);
  return {
    id: item.id,
    kind: item.kind,
    text: item.text,
    goalId: item.goalId,
    fromActionItemId: item.fromActionItemId,
    author,
    canEdit: isOpen && mayEditAgendaItem(reader, author),
    createdAt: item.createdAt.toISOString(),
  };
}

/**
 * A session for one of its two people: its time, place and status, its agenda, the pair's open action
 * items to carry into it, and the reader's time zone. 403 for a manager, 404 for anyone else.
 */
export async function getSession(
  sessionId: string,
  user: CurrentUser,
  deps: Pick<SessionsDeps, "database" | "clock">,
): Promise<SessionDetail> {
  const { db } = deps.database;
  const { session, access, member } = await sessionForMember(db, sessionId, user);
  const [listed, agenda, open, reader] = [
    await memberSession(db, session.pairId, session.id),
    await repo.agendaOf(db, session.id),
    await repo.openActionItems(db, session.pairId),
    await repo.personOf(db, member.personId),
  ];
  const isOpen = isAgendaOpen(session);
  const carried = new Set(agenda.flatMap((a) => (a.fromActionItemId ? [a.fromActionItemId] : [])));
  return {
    id: session.id,
    pairId: session.pairId,
    startsAt: listed.startsAt,
    endsAt: listed.endsAt,
    status: session.status,
    mode: session.mode,
    location: session.location,
    sequence: session.sequence,
    cancelReason: session.cancelReason,
    agendaDueAt: session.agendaDueAt.toISOString(),
    agendaCount: agenda.length,
    number: listed.number ?? null,
    myRole: member.role,
    myTimeZone: validTimeZone(reader?.timeZone),
    format: access.programme.format,
    hasStarted: session.startsAt.getTime() <= deps.clock.now().getTime(),
    canEditAgenda: isOpen,
    agenda: agenda.map((item) => presentAgendaItem(item, access, member.role, isOpen)),
    suggestions: open
      .filter((a) => !carried.has(a.id))
      .map((a) => ({
        actionItemId: a.id,
        text: a.text,
        owner: a.ownerPersonId === access.mentorId ? ("mentor" as const) : ("mentee" as const),
        dueOn: a.dueOn,
      })),
  };
}
