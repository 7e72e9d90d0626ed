import type { PublishNotice, PublishPreview } from "../../../contracts/programmes.ts";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { invitationStatesOf } from "../accounts/index.ts";
import { publishNotice } from "./programmes.domain.ts";
import * as repo from "./programmes.repository.ts";

/** People listed in the publish dialog; the counts cover them all. */
const LISTED = 100;

/**
 * What the publish dialog tells a manager before publishing a run: who of the programme's enrolled
 * people (not declined) has no account, or has not answered their enrolment, and what each will receive —
 * an email inviting them to create their account (publishing invites them), a new one when their account
 * was never activated and its invitation expired, nothing new when its link still works, or a notification.
 */
export async function publishPreview(programmeId: string, deps: { database: Database; clock: Clock }): Promise<PublishPreview> {
  const { db } = deps.database;
  if (!(await repo.findProgramme(db, programmeId))) throw notFound();
  const found = await repo.withoutAccountOrAnswer(db, programmeId, LISTED);
  // Enrolled, not declined, active in the directory: the people publishing invites.
  const invitable = (await repo.cohortMembers(db, programmeId)).filter((m) => m.isActive).map((m) => m.personId);
  const invitations = await invitationStatesOf(db, invitable, deps.clock.now());
  const states = [...invitations.values()];
  const invitationExpired = states.filter((s) => s === "lapsed").length;
  const invitationOpen = states.length - invitationExpired;
  const receives = (personId: string, hasAccount: boolean): PublishNotice => {
    const invitation = hasAccount ? invitations.get(personId) : undefined;
    if (invitation) return invitation === "lapsed" ? "new_invitation" : "open_invitation";
    return publishNotice(hasAccount);
  };
  return {
    withoutAccount: found.withoutAccount,
    invitationExpired,
    invitationOpen,
    // An account never activated has not answered (answering takes a session): each of them is among those
    // with an account who have not answered, and is told apart here.
    notAnswered: Math.max(0, found.notAnswered - states.length),
    total: found.total,
    people: found.rows.map((r) => ({
      person: { id: r.id, firstName: r.firstName, lastName: r.lastName, department: r.department },
      role: r.role,
      hasAccount: r.hasAccount,
      hasAnswered: r.status !== "invited",
      receives: receives(r.id, r.hasAccount),
    })),
  };
}
