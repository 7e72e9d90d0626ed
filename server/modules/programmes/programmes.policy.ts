/**
 * Who may do what with programmes and pairs, on top of route-access.ts (which only knows roles).
 * Deny by default: someone who is neither one of the pair nor a manager gets a 404, so that a
 * pair's existence is not revealed by an id in the URL.
 */
import type { Me } from "../../../contracts/accounts.ts";
import { forbidden, notFound } from "../../platform/errors/app-error.ts";
import type { PairActor } from "./programmes.domain.ts";

export function isManager(user: Pick<Me, "roles">): boolean {
  return user.roles.includes("admin") || user.roles.includes("manager");
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
export function requireMember(actor: PairActor): "mentor" | "mentee" {
  if (actor === "mentor" || actor === "mentee") return actor;
  throw forbidden();
}
