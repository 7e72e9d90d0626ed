import type { Goal, GoalUpdate } from "../../../contracts/goals.ts";
import type { PairState } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import { goalActions, type Member } from "./goals.domain.ts";
import type { GoalRow, GoalUpdateRow } from "./goals.repository.ts";

type PairPeople = { mentorId: string; menteeId: string };

/** A person's part in the pair, or null once their directory entry is gone (or they were never of it). */
function roleIn(pair: PairPeople, personId: string | null): ParticipantRole | null {
  if (personId && personId === pair.mentorId) return "mentor";
  if (personId && personId === pair.menteeId) return "mentee";
  return null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toGoalUpdate(row: GoalUpdateRow, pair: PairPeople): GoalUpdate {
  return {
    id: row.id,
    authorRole: roleIn(pair, row.authorPersonId),
    status: row.status,
    note: row.note,
    evidenceUrl: row.evidenceUrl,
    evidenceText: row.evidenceText,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A goal as one of the pair reads it: its updates (newest first) and what they may do with it now. */
export function toGoal(row: GoalRow, updates: GoalUpdateRow[], pair: PairPeople & { state: PairState }, member: Member): Goal {
  return {
    id: row.id,
    pairId: row.pairId,
    learnerRole: row.learnerRole,
    skillIds: row.skillIds,
    templateId: row.templateId,
    statement: row.statement,
    target: row.target,
    dueOn: row.dueOn,
    status: row.status,
    authorRole: roleIn(pair, row.createdByPersonId),
    agreedAt: iso(row.agreedAt),
    achievedAt: iso(row.achievedAt),
    signedOffAt: iso(row.signedOffAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updates: updates.filter((u) => u.goalId === row.id).map((u) => toGoalUpdate(u, pair)),
    can: goalActions(row, member, pair.state),
  };
}
