import { SESSION_PROPOSALS_COUNT, type SessionProposals } from "../../../contracts/sessions.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { commonAvailability, proposeSlots } from "../../platform/time/slot-finder.ts";
import { canStartSessions, pairAccess, pairMember } from "../pairs/index.ts";
import { checkSessionsOpen, proposalWindow, validTimeZone } from "./sessions.domain.ts";
import * as repo from "./sessions.repository.ts";
import type { SessionsDeps } from "./sessions-deps.ts";

/**
 * Three times for the pair's next session: on the programme's cadence after the last session (tomorrow
 * for the first), at times both people said they are free (else either, else the app's default), on
 * working days that are not French public holidays, clear of the pair's scheduled sessions, within the
 * programme, read in the reader's time zone.
 */
export async function proposeSessions(
  pairId: string,
  user: CurrentUser,
  deps: Pick<SessionsDeps, "database" | "clock">,
): Promise<SessionProposals> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const access = await pairAccess(db, pairId, user);
  const member = pairMember(access);
  checkSessionsOpen({ state: access.state, canStartSessions: await canStartSessions(db, access) });
  const [availability, reader, busy, lastStartsAt] = [
    await repo.availabilityOf(db, [access.mentorId, access.menteeId]),
    await repo.personOf(db, member.personId),
    await repo.scheduledSlotsOfPair(db, pairId),
    await repo.lastSessionStart(db, pairId),
  ];
  const common = commonAvailability(availability.get(access.mentorId) ?? [], availability.get(access.menteeId) ?? []);
  const timeZone = validTimeZone(reader?.timeZone);
  const minutes = access.programme.sessionMinutes;
  const { after, until } = proposalWindow({ now, lastStartsAt, cadenceWeeks: access.programme.cadenceWeeks, programme: access.programme });
  const starts = proposeSlots({ after, until, availability: common.slots, timeZone, minutes, count: SESSION_PROPOSALS_COUNT, busy });
  return {
    items: starts.map((start) => ({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + minutes * 60_000).toISOString() })),
    basis: common.basis,
    timeZone,
    format: access.programme.format,
    minutes,
  };
}
