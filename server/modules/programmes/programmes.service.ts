/**
 * Programmes and their enrolment: create from a template, edit, move through the phases, enrol
 * people (by employee ids or directory filters), let people apply or answer, and the board.
 */
import type { Me } from "../../../contracts/accounts.ts";
import type { CompletenessFilter } from "../../../contracts/people.ts";
import type {
  CreateProgrammeBody,
  EnrolBody,
  EnrolmentBoard,
  EnrolmentStatus,
  OpenPairState,
  ParticipantRole,
  Programme,
  ProgrammePhase,
  ProgrammeTemplate,
  UpdateProgrammeBody,
} from "../../../contracts/programmes.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, type ErrorDetail, invalidFields, notFound } from "../../platform/errors/app-error.ts";
import { notify } from "../notifications/index.ts";
import { onboardingStatuses } from "../onboarding/index.ts";
import { findPersonIds, findPersonIdsByEmployeeIds } from "../people/index.ts";
import { ensurePersonForUser, findPersonIdOfUser } from "../profiles/index.ts";
import { closeProgrammePairs, withdrawProposals } from "./pairs.service.ts";
import { programmeTemplates } from "./programme-templates.ts";
import { canChangePhase, matchingSettingsOf } from "./programmes.domain.ts";
import { canSeeProgramme, isManager } from "./programmes.policy.ts";
import * as repo from "./programmes.repository.ts";

export type ProgrammesDeps = { database: Database; clock: Clock };

export const programmeClosed = () => new AppError("PROGRAMME_CLOSED");

export function listTemplates(): ProgrammeTemplate[] {
  return programmeTemplates();
}

function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn <= startsOn) throw invalidFields([{ path: "endsOn", messageKey: "fields.endBeforeStart" }]);
}

async function present(db: Tx, rows: repo.ProgrammeRow[], personId: string | null): Promise<Programme[]> {
  const counts = await repo.programmeCounts(
    db,
    rows.map((r) => r.id),
  );
  const mine = personId ? new Map((await repo.myEnrolments(db, personId)).map((e) => [e.programmeId, e])) : new Map();
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { mentor: 0, mentee: 0, openPairs: 0 };
    const enrolment = mine.get(r.id);
    return {
      id: r.id,
      templateId: r.templateId,
      name: r.name,
      objectives: r.objectives,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      cadenceWeeks: r.cadenceWeeks,
      sessionMinutes: r.sessionMinutes as 30 | 45 | 60,
      format: r.format,
      isPilot: r.isPilot,
      targetPairs: r.targetPairs,
      charterFr: r.charterFr,
      charterEn: r.charterEn,
      matchingSettings: matchingSettingsOf(r),
      allowsProposals: r.allowsProposals,
      proposalExpiryDays: r.proposalExpiryDays,
      requiresOnboarding: r.requiresOnboarding,
      phase: r.phase,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      enrolled: { mentor: c.mentor, mentee: c.mentee },
      openPairs: c.openPairs,
      myEnrolment: enrolment ? { role: enrolment.role, status: enrolment.status } : null,
    };
  });
}

export async function createProgramme(body: CreateProgrammeBody, user: Me, deps: ProgrammesDeps): Promise<Programme> {
  if (body.templateId && !programmeTemplates().some((t) => t.id === body.templateId))
    throw invalidFields([{ path: "templateId", messageKey: "fields.invalidValue" }]);
  assertDates(body.startsOn, body.endsOn);
  const now = deps.clock.now();
  const row = await repo.insertProgramme(deps.database.db, { ...body, createdBy: user.id, createdAt: now, updatedAt: now });
  return (await present(deps.database.db, [row], null))[0] as Programme;
}

/** A programme the caller may see (programmes.policy.ts: canSeeProgramme), else 404. */
export async function getProgramme(id: string, user: Me, deps: ProgrammesDeps): Promise<Programme> {
  const { db } = deps.database;
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound();
  const personId = await findPersonIdOfUser(db, user.id);
  const [programme] = await present(db, [row], personId);
  if (!programme || !canSeeProgramme(programme, programme.myEnrolment !== null, user)) throw notFound();
  return programme;
}

export async function listProgrammes(user: Me, deps: ProgrammesDeps): Promise<Programme[]> {
  const { db } = deps.database;
  const personId = await findPersonIdOfUser(db, user.id);
  const rows = await repo.listProgrammes(db, isManager(user) ? undefined : personId);
  return present(db, rows, personId);
}

export async function updateProgramme(id: string, body: UpdateProgrammeBody, user: Me, deps: ProgrammesDeps): Promise<Programme> {
  const { db } = deps.database;
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound();
  if (row.phase === "closed") throw programmeClosed();
  assertDates(body.startsOn ?? row.startsOn, body.endsOn ?? row.endsOn);
  await repo.updateProgramme(db, id, { ...body, updatedAt: deps.clock.now() });
  return getProgramme(id, user, deps);
}

/**
 * Moves a programme to its next phase (docs/pairs.md). Opening enrolment tells the people enrolled
 * while in draft; closing completes the active pairs and ends those still in intro.
 */
export async function changePhase(id: string, phase: ProgrammePhase, user: Me, deps: ProgrammesDeps): Promise<Programme> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.findProgramme(tx, id, { forUpdate: true });
    if (!row) throw notFound();
    if (!canChangePhase(row.phase, phase)) throw new AppError("INVALID_PHASE_CHANGE", { params: { from: row.phase, to: phase } });
    await repo.updateProgramme(tx, id, { phase, updatedAt: now });
    if (row.phase === "draft") {
      const members = await repo.cohortMembers(tx, id);
      await notify(
        tx,
        members.map((m) => ({
          personId: m.personId,
          kind: "programme_invited",
          params: { programmeId: id, programmeName: row.name, role: m.role },
          link: `/programmes/${id}`,
        })),
        now,
      );
    }
    if (phase === "closed") await closeProgrammePairs(tx, row, user.id, now);
  });
  return getProgramme(id, user, deps);
}

/* ---------------------------------------------------------------- enrolment */

/**
 * Enrols people as mentors or mentees, from employee ids or directory filters. Unknown employee ids
 * are refused, each named, and nothing is written; people already in the programme are left as they are.
 */
export async function enrol(
  id: string,
  body: EnrolBody,
  user: Me,
  deps: ProgrammesDeps,
): Promise<{ enrolled: number; alreadyEnrolled: number }> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const programme = await repo.findProgramme(tx, id, { forUpdate: true });
    if (!programme) throw notFound();
    if (programme.phase === "closed") throw programmeClosed();
    let personIds: string[];
    if (body.employeeIds?.length) {
      const wanted = [...new Set(body.employeeIds)];
      const found = await findPersonIdsByEmployeeIds(tx, wanted);
      const details: ErrorDetail[] = body.employeeIds.flatMap((employeeId, k) =>
        found.has(employeeId) ? [] : [{ path: `employeeIds[${k}]`, messageKey: "fields.unknownEmployeeId", params: { id: employeeId } }],
      );
      if (details.length) throw invalidFields(details.slice(0, 50));
      personIds = wanted.map((e) => found.get(e) as string);
    } else {
      personIds = await findPersonIds(tx, body.filters ?? {});
    }
    const inserted = await repo.insertEnrolments(
      tx,
      personIds.map((personId) => ({
        programmeId: id,
        personId,
        role: body.role,
        status: "invited" as const,
        source: "manager" as const,
        enrolledBy: user.id,
        createdAt: now,
      })),
    );
    if (programme.phase !== "draft") {
      await notify(
        tx,
        inserted.map((personId) => ({
          personId,
          kind: "programme_invited",
          params: { programmeId: id, programmeName: programme.name, role: body.role },
          link: `/programmes/${id}`,
        })),
        now,
      );
    }
    return { enrolled: inserted.length, alreadyEnrolled: personIds.length - inserted.length };
  });
}

export async function enrolmentBoard(
  id: string,
  query: {
    role?: ParticipantRole;
    status?: EnrolmentStatus;
    completeness?: CompletenessFilter;
    q?: string;
    page: number;
    pageSize: number;
  },
  deps: ProgrammesDeps,
): Promise<EnrolmentBoard> {
  const { db } = deps.database;
  const programme = await repo.findProgramme(db, id);
  if (!programme) throw notFound();
  const [{ total, rows }, counts, openPairs, rematch] = await Promise.all([
    repo.boardPage(db, id, query),
    repo.boardCounts(db, id),
    repo.openPairsOf(db, id),
    repo.needsRematch(db, id),
  ]);
  const pairStateOf = new Map<string, OpenPairState>();
  for (const p of openPairs) {
    const state = p.state as OpenPairState;
    pairStateOf.set(p.menteeId, state);
    if (pairStateOf.get(p.mentorId) !== "active") pairStateOf.set(p.mentorId, state);
  }
  const rematchIds = new Set(rematch.map((r) => r.personId));
  const onboarding = await onboardingStatuses(
    db,
    id,
    rows.map((r) => ({ personId: r.enrolment.personId, role: r.enrolment.role })),
  );
  const zero = { invited: 0, joined: 0, declined: 0 };
  const byRole = { mentor: { ...zero }, mentee: { ...zero } };
  for (const c of counts.byStatus) byRole[c.role][c.status] = c.n;
  return {
    counts: {
      ...byRole,
      completeness: { complete: counts.completeness.complete, incomplete: counts.completeness.incomplete, none: counts.completeness.none },
      setAside: counts.completeness.setAside,
      needsRematch: rematch.length,
    },
    items: rows.map((r) => ({
      personId: r.enrolment.personId,
      employeeId: r.employeeId,
      firstName: r.firstName,
      lastName: r.lastName,
      department: r.department,
      role: r.enrolment.role,
      status: r.enrolment.status,
      source: r.enrolment.source,
      isSetAside: r.enrolment.isSetAside,
      capacity: r.enrolment.role === "mentor" ? r.enrolment.capacity : null,
      profileCompleteness: r.completeness,
      hasAccount: Boolean(r.accountId),
      onboarding: onboarding.get(r.enrolment.personId) ?? { modulesDone: 0, modulesTotal: 0, charterAccepted: false, isComplete: false },
      pairState: pairStateOf.get(r.enrolment.personId) ?? null,
      needsRematch: rematchIds.has(r.enrolment.personId),
      createdAt: r.enrolment.createdAt.toISOString(),
      answeredAt: r.enrolment.answeredAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function updateEnrolment(
  id: string,
  personId: string,
  body: { isSetAside?: boolean | undefined; capacity?: number | null | undefined },
  deps: ProgrammesDeps,
): Promise<void> {
  const { db } = deps.database;
  const enrolment = await repo.findEnrolment(db, id, personId);
  if (!enrolment) throw notFound();
  if ((await repo.findProgramme(db, id))?.phase === "closed") throw programmeClosed();
  await repo.updateEnrolment(db, id, personId, {
    ...(body.isSetAside !== undefined ? { isSetAside: body.isSetAside } : {}),
    ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
  });
}

/** Takes someone out of a programme; not while they are in an open pair (end it first). */
export async function removeEnrolment(id: string, personId: string, deps: ProgrammesDeps): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const enrolment = await repo.findEnrolment(tx, id, personId, { forUpdate: true });
    if (!enrolment) throw notFound();
    if ((await repo.findProgramme(tx, id))?.phase === "closed") throw programmeClosed();
    const open = (await repo.openPairsOf(tx, id)).some((p) => p.mentorId === personId || p.menteeId === personId);
    if (open) throw new AppError("HAS_OPEN_PAIR");
    const programme = await repo.findProgramme(tx, id);
    if (programme) await withdrawProposals(tx, programme, [personId], deps.clock.now());
    await repo.deleteEnrolment(tx, id, personId);
  });
}

/** A participant applies to a programme open for enrolment: applying is their answer (joined). */
export async function apply(id: string, role: ParticipantRole, user: Me, deps: ProgrammesDeps): Promise<Programme> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const programme = await repo.findProgramme(tx, id);
    const knownPersonId = await findPersonIdOfUser(tx, user.id);
    const enrolment = programme && knownPersonId ? await repo.findEnrolment(tx, id, knownPersonId) : undefined;
    // Hidden (a draft, or one they are not in past enrolment): as unknown, not a 409 saying it exists.
    if (!programme || !canSeeProgramme(programme, enrolment !== undefined, user)) throw notFound();
    if (programme.phase !== "enrolment") throw new AppError("NOT_OPEN_FOR_ENROLMENT");
    if (enrolment) throw new AppError("ALREADY_ENROLLED");
    const personId = await ensurePersonForUser(tx, user.id, now);
    await repo.insertEnrolments(tx, [
      { programmeId: id, personId, role, status: "joined", source: "application", createdAt: now, answeredAt: now },
    ]);
  });
  return getProgramme(id, user, deps);
}

/** An enrolled person answers: they join, or decline (not while in an open pair). */
export async function respond(id: string, accept: boolean, user: Me, deps: ProgrammesDeps): Promise<Programme> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const personId = await findPersonIdOfUser(tx, user.id);
    const enrolment = personId ? await repo.findEnrolment(tx, id, personId, { forUpdate: true }) : undefined;
    if (!enrolment || !personId) throw notFound();
    const programme = await repo.findProgramme(tx, id);
    if (programme?.phase === "closed") throw programmeClosed();
    if (programme?.phase === "draft") throw notFound();
    if (!accept && (await repo.openPairsOf(tx, id)).some((p) => p.mentorId === personId || p.menteeId === personId))
      throw new AppError("HAS_OPEN_PAIR");
    await repo.updateEnrolment(tx, id, personId, { status: accept ? "joined" : "declined", answeredAt: now });
    if (!accept && programme) await withdrawProposals(tx, programme, [personId], now);
  });
  return getProgramme(id, user, deps);
}
