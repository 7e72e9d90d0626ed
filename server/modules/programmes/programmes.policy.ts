/**
 * Who may do what with programmes and pairs, on top of route-access.ts (which only knows roles).
 * Deny by default: someone who is neither one of the pair nor a manager gets a 404, so that a
 * pair's existence is not revealed by an id in the URL.
 */
import type { Me } from "../../../contracts/accounts.ts";
import type { ParticipantRole, ProgrammePhase } from "../../../contracts/programmes.ts";
import { forbidden, notFound } from "../../platform/errors/app-error.ts";
import type { PairActor } from "./programmes.domain.ts";

export function isManager(user: Pick<Me, "roles">): boolean {
  return user.roles.includes("admin") || user.roles.includes("manager");
}

/**
 * Whether the caller may know that a programme exists. Managers see every programme. Others never
 * see a draft (it is announced to nobody, not even the people enrolled in it), then see the
 * programmes they are in and those open for enrolment. Every route taking a programme id answers a
 * programme hidden from the caller exactly as an unknown id: 404, never a 409 or 403 that would
 * reveal it (programme-visibility.int.test.ts tries each route).
 */
export function canSeeProgramme(programme: { phase: ProgrammePhase }, isEnrolled: boolean, user: Pick<Me, "roles">): boolean {
  if (isManager(user)) return true;
  if (programme.phase === "draft") return false;
  return isEnrolled || programme.phase === "enrolment";
}

export function requireManager(user: Pick<Me, "roles">): void {
  if (!isManager(user)) throw forbidden();
}

/** The caller's part in a pair: one of its two people, else a manager, else nothing (404). */
export function pairActor(pair: { mentorId: string; menteeId: string }, personId: string | null, user: Pick<Me, "roles">): PairActor {
  if (personId && pair.mentorId === personId) return "mentor";
  if (personId && pair.menteeId === personId) return "mentee";
  if (isManager(user)) return "manager";
  throw notFound();
}

/** Only one of the pair's two people may do this (answer the intro, agree to complete, schedule). */
export function requireMember(actor: PairActor): ParticipantRole {
  if (actor === "mentor" || actor === "mentee") return actor;
  throw forbidden();
}
