/**
 * Who may see a programme, on top of route-access.ts (which only knows roles). Deny by default: a
 * programme hidden from the caller is answered as an unknown id. (Who may act on a pair: pairs.policy.ts.)
 */
import type { Me } from "../../../contracts/accounts.ts";
import type { ProgrammePhase } from "../../../contracts/programmes.ts";
import { isManager } from "../../platform/auth/roles.ts";

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
