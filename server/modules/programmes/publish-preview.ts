import type { PublishPreview } from "../../../contracts/programmes.ts";
import type { Database } from "../../db/client.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { publishNotice } from "./programmes.domain.ts";
import * as repo from "./programmes.repository.ts";

/** People listed in the publish dialog; the counts cover them all. */
const LISTED = 100;

/**
 * What the publish dialog tells a manager before publishing a run: who of the programme's enrolled
 * people (not declined) has no account, or has not answered their enrolment, and what each will receive —
 * an email inviting them to create their account (publishing invites them), or a notification.
 */
export async function publishPreview(programmeId: string, deps: { database: Database }): Promise<PublishPreview> {
  const { db } = deps.database;
  if (!(await repo.findProgramme(db, programmeId))) throw notFound();
  const found = await repo.withoutAccountOrAnswer(db, programmeId, LISTED);
  return {
    withoutAccount: found.withoutAccount,
    notAnswered: found.notAnswered,
    total: found.total,
    people: found.rows.map((r) => ({
      person: { id: r.id, firstName: r.firstName, lastName: r.lastName, department: r.department },
      role: r.role,
      hasAccount: r.hasAccount,
      hasAnswered: r.status !== "invited",
      receives: publishNotice(r.hasAccount),
    })),
  };
}
