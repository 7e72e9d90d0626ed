/**
 * What the profiles context reads of the programmes context's enrolments: the roles a profile is filled
 * for (its questions and its completeness follow them). Reads only; the programmes context writes them.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import { ANNOUNCED_PHASES, PARTICIPANT_ROLES, type ParticipantRole } from "../../../contracts/programmes.ts";
import type { Tx } from "../../db/client.ts";
import { enrolments, profiles, programmes, selfAssessments } from "../../db/schema.ts";

/**
 * The roles of some people in announced programmes (ANNOUNCED_PHASES: not a draft, which nobody is told of,
 * not closed), from the enrolments they have not declined (invited counts: the manager has given them that
 * role). In PARTICIPANT_ROLES order; people in no such programme are absent.
 */
export async function findOpenRoles(db: Tx, personIds: string[]): Promise<Map<string, ParticipantRole[]>> {
  const out = new Map<string, ParticipantRole[]>();
  if (!personIds.length) return out;
  const rows = await db
    .selectDistinct({ personId: enrolments.personId, role: enrolments.role })
    .from(enrolments)
    .innerJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .where(and(inArray(enrolments.personId, personIds), ne(enrolments.status, "declined"), inArray(programmes.phase, ANNOUNCED_PHASES)));
  for (const { personId, role } of rows) out.set(personId, [...(out.get(personId) ?? []), role]);
  for (const [personId, roles] of out)
    out.set(
      personId,
      PARTICIPANT_ROLES.filter((role) => roles.includes(role)),
    );
  return out;
}

/** Which of these people have taken at least one self-assessment. */
export async function findPeopleWithSelfAssessment(db: Tx, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await db
    .selectDistinct({ personId: selfAssessments.personId })
    .from(selfAssessments)
    .where(inArray(selfAssessments.personId, personIds));
  return new Set(rows.map((row) => row.personId));
}

/** The stored completeness of some profiles (people without a profile are absent). */
export async function findStoredCompleteness(db: Tx, personIds: string[]): Promise<Map<string, number>> {
  if (!personIds.length) return new Map();
  const rows = await db
    .select({ personId: profiles.personId, completeness: profiles.completeness })
    .from(profiles)
    .where(inArray(profiles.personId, personIds));
  return new Map(rows.map((row) => [row.personId, row.completeness]));
}
