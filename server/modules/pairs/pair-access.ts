import { eq } from "drizzle-orm";
import type { Role } from "../../../contracts/accounts.ts";
import type { PairState } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Format } from "../../../contracts/session-formats.ts";
import type { Tx } from "../../db/client.ts";
import { pairs, programmes } from "../../db/schema.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { mayStartSessions, onboardingStatuses } from "../onboarding/index.ts";
import type { PairActor } from "./pairs.domain.ts";
import { pairActor, requireMember } from "./pairs.policy.ts";

/**
 * A pair as the contexts of its workspace (goals, sessions, calendar) need it: its people, the caller's
 * part in it, its programme's rhythm. The one place that says who may open a pair's workspace: someone
 * neither of the pair nor a manager gets a 404. Whether sessions may start is asked apart
 * (`canStartSessions`): it reads both people's preparation, which most workspace requests do not need.
 */
export type PairAccess = {
  pairId: string;
  programmeId: string;
  programmeName: string;
  state: PairState;
  mentorId: string;
  menteeId: string;
  /** "mentor" or "mentee" for the pair's people, "manager" for a programme manager. */
  actor: PairActor;
  programme: {
    startsOn: string;
    endsOn: string;
    cadenceWeeks: number;
    sessionMinutes: number;
    format: Format;
    agendaDeadlineHours: number;
    requiresOnboarding: boolean;
  };
};

/** The pair with the caller's part in it (404 when they have none); `forUpdate` locks the pair's row. */
export async function pairAccess(
  tx: Tx,
  pairId: string,
  user: { personId: string | null; roles: readonly Role[] },
  options: { forUpdate?: boolean } = {},
): Promise<PairAccess> {
  const query = tx
    .select({ pair: pairs, programme: programmes })
    .from(pairs)
    .innerJoin(programmes, eq(programmes.id, pairs.programmeId))
    .where(eq(pairs.id, pairId));
  const [row] = options.forUpdate ? await query.for("update", { of: pairs }) : await query;
  if (!row) throw notFound();
  const { pair, programme } = row;
  const actor = pairActor(pair, user);
  return {
    pairId: pair.id,
    programmeId: programme.id,
    programmeName: programme.name,
    state: pair.state,
    mentorId: pair.mentorId,
    menteeId: pair.menteeId,
    actor,
    programme: {
      startsOn: programme.startsOn,
      endsOn: programme.endsOn,
      cadenceWeeks: programme.cadenceWeeks,
      sessionMinutes: programme.sessionMinutes,
      format: programme.format,
      agendaDeadlineHours: programme.agendaDeadlineHours,
      requiresOnboarding: programme.requiresOnboarding,
    },
  };
}

/**
 * Whether the pair's sessions may start: it is active and, when its programme requires it, both people
 * finished their preparation (two queries then). Asked by what schedules, moves or proposes sessions.
 */
export async function canStartSessions(tx: Tx, access: PairAccess): Promise<boolean> {
  if (access.state !== "active") return false;
  const statuses = access.programme.requiresOnboarding
    ? await onboardingStatuses(tx, access.programmeId, [
        { personId: access.mentorId, role: "mentor" },
        { personId: access.menteeId, role: "mentee" },
      ])
    : undefined;
  return mayStartSessions(access.programme.requiresOnboarding, statuses?.get(access.mentorId), statuses?.get(access.menteeId));
}

/** Only the pair's two people (their notes, goals, sessions): 403 for a manager. Returns my role and ids. */
export function pairMember(access: PairAccess): { role: ParticipantRole; personId: string; partnerId: string } {
  const role = requireMember(access.actor);
  return role === "mentor"
    ? { role, personId: access.mentorId, partnerId: access.menteeId }
    : { role, personId: access.menteeId, partnerId: access.mentorId };
}
