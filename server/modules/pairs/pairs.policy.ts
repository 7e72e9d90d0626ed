/**
 * Who may act on a pair, on top of route-access.ts (which only knows roles). Deny by default: someone
 * who is neither one of the pair nor a manager gets a 404, so that a pair's existence is not revealed
 * by an id in the URL.
 */
import type { Role } from "../../../contracts/accounts.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import { isManager } from "../../platform/auth/roles.ts";
import { forbidden, notFound } from "../../platform/errors/app-error.ts";
import type { PairActor } from "./pairs.domain.ts";

/** The caller's part in a pair: one of its two people, else a manager, else nothing (404). */
export function pairActor(
  pair: { mentorId: string; menteeId: string },
  user: { personId: string | null; roles: readonly Role[] },
): PairActor {
  if (user.personId && pair.mentorId === user.personId) return "mentor";
  if (user.personId && pair.menteeId === user.personId) return "mentee";
  if (isManager(user)) return "manager";
  throw notFound();
}

/** Only one of the pair's two people may do this (answer the intro, agree to complete, schedule): 403 for a manager. */
export function requireMember(actor: PairActor): ParticipantRole {
  if (actor === "mentor" || actor === "mentee") return actor;
  throw forbidden();
}
