/**
 * Programmes and their enrolment: create from a template, edit, move through the phases, enrol
 * people (by employee ids or directory filters), let people apply or answer, and the board.
 */
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
import { isManager } from "../../platform/auth/roles.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { type ErrorDetail, invalidFields, notFound } from "../../platform/errors/app-error.ts";
import { notify, notifyManagers } from "../notifications/index.ts";
import { onboardingStatuses } from "../onboarding/index.ts";
import { closeProgrammePairs, hasOpenPair, needsRematch, openPairsOf } from "../pairs/index.ts";
import { findPersonIds, findPersonIdsByEmployeeIds, personRefs } from "../people/index.ts";
import { ensurePersonForUser, refreshCompleteness } from "../profiles/index.ts";
import { withdrawOpenProposals } from "../proposals/index.ts";
import { followAgendaDeadline } from "../sessions/index.ts";
import { programmeTemplates } from "./programme-templates.ts";
import {
  checkNotClosed,
  checkRemoval,
  decideApplication,
  decideDeclineNotice,
  decidePhaseChange,
  decideResponse,
  enrolmentInvitations,
  matchingSettingsOf,
} from "./programmes.domain.ts";
import { canSeeProgramme } from "./programmes.policy.ts";
import * as repo from "./programmes.repository.ts";

export type ProgrammesDeps = { database: Database; clock: Clock };

export function listTemplates(): ProgrammeTemplate[] {
  return programmeTemplates();
}

function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn <= startsOn) throw invalidFields([{ path: "endsOn", messageKey: "fields.endBeforeStart" }]);
}

/** Programmes as the caller sees them: their own enrolment, and the matching settings for managers only. */
async function present(db: Tx, rows: repo.ProgrammeRow[], reader: { personId: string | null; isManager: boolean }): Promise<Programme[]> {
  const { personId } = reader;
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
      // With a participant's fit and reasons, the weights and the minimum score would give their score back.
      ...(reader.isManager ? { matchingSettings: matchingSettingsOf(r) } : {}),
      allowsProposals: r.allowsProposals,
      proposalExpiryDays: r.proposalExpiryDays,
      requiresOnboarding: r.requiresOnboarding,
      agendaDeadlineHours: r.agendaDeadlineHours,
      phase: r.phase,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      enrolled: { mentor: c.mentor, mentee: c.mentee },
      openPairs: c.openPairs,
      myEnrolment: enrolment ? { role: enrolment.role, status: enrolment.status } : null,
    };
  });
}

export async function createProgramme(body: CreateProgrammeBody, user: CurrentUser, deps: ProgrammesDeps): Promise<Programme> {
  if (body.templateId && !programmeTemplates().some((t) => t.id === body.templateId))
    throw invalidFields([{ path: "templateId", messageKey: "fields.invalidValue" }]);
  assertDates(body.startsOn, body.endsOn);
  const now = deps.clock.now();
  const row = await repo.insertProgramme(deps.database.db, { ...body, createdBy: user.id, createdAt: now, updatedAt: now });
  return (await present(deps.database.db, [row], { personId: null, isManager: isManager(user) }))[0] as Programme;
}

/** A programme the caller may see (programmes.policy.ts: canSeeProgramme), else 404. */
export async function getProgramme(id: string, user: CurrentUser, deps: ProgrammesDeps): Promise<Programme> {
  const { db } = deps.database;
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound();
  const [programme] = await present(db, [row], { personId: user.personId, isManager: isManager(user) });
  if (!programme || !canSeeProgramme(programme, programme.myEnrolment !== null, user)) throw notFound();
  return programme;
}

export async function listProgrammes(user: CurrentUser, deps: ProgrammesDeps): Promise<Programme[]> {
  const { db } = deps.database;
  const rows = await repo.listProgrammes(db, isManager(user) ? undefined : user.personId);
  return present(db, rows, { personId: user.personId, isManager: isManager(user) });
}

/**
 * Edits a programme. A new agenda deadline moves that of its sessions still to come (sessions context), in
 * the same transaction.
 */
export async function updateProgramme(id: string, body: UpdateProgrammeBody, user: CurrentUser, deps: ProgrammesDeps): Promise<Programme> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.findProgramme(tx, id, { forUpdate: true });
    if (!row) throw notFound();
    checkNotClosed(row);
    assertDates(body.startsOn ?? row.startsOn, body.endsOn ?? row.endsOn);
    await repo.updateProgramme(tx, id, { ...body, updatedAt: now });
    if (body.agendaDeadlineHours !== undefined && body.agendaDeadlineHours !== row.agendaDeadlineHours)
      await followAgendaDeadline(tx, id, body.agendaDeadlineHours, now);
  });
  return getProgramme(id, user, deps);
}

/**
 * Moves a programme to its next phase (docs/pairs.md). Opening enrolment tells the people enrolled
 * while in draft and gives them their role on their profile; closing completes the active pairs and ends
 * those still in intro.
 */
export async function changePhase(id: string, phase: ProgrammePhase, user: CurrentUser, deps: ProgrammesDeps): Promise<Programme> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.findProgramme(tx, id, { forUpdate: true });
    if (!row) throw notFound();
    const decision = decidePhaseChange(row, phase, row.phase === "draft" ? await repo.cohortMembers(tx, id) : [], now);
    await repo.updateProgramme(tx, id, decision.change);
    await notify(tx, decision.notices, now);
    if (decision.closes) {
      await closeProgrammePairs(tx, row, user.id, now);
      await withdrawOpenProposals(tx, row, null, now);
    }
    // A profile asks the questions of its roles in announced programmes only (ANNOUNCED_PHASES): leaving draft
    // gives the people enrolled their role, closing takes it back; the directory's stored completeness follows.
    if (decision.closes || row.phase === "draft") await refreshCompleteness(tx, await repo.enrolledPersonIds(tx, id));
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
  user: CurrentUser,
  deps: ProgrammesDeps,
): Promise<{ enrolled: number; alreadyEnrolled: number }> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const programme = await repo.findProgramme(tx, id, { forUpdate: true });
    if (!programme) throw notFound();
    checkNotClosed(programme);
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
    await notify(tx, enrolmentInvitations(programme, body.role, inserted), now);
    // A role asks its own questions: the stored completeness (the directory's filter) follows.
    await refreshCompleteness(tx, inserted);
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
    openPairsOf(db, id),
    needsRematch(db, id),
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
  const programme = await repo.findProgramme(db, id);
  if (!enrolment || !programme) throw notFound();
  checkNotClosed(programme);
  await repo.updateEnrolment(db, id, personId, {
    ...(body.isSetAside !== undefined ? { isSetAside: body.isSetAside } : {}),
    ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
  });
}

/** Takes someone out of a programme; not while they are in an open pair (end it first). */
export async function removeEnrolment(id: string, personId: string, deps: ProgrammesDeps): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const enrolment = await repo.findEnrolment(tx, id, personId, { forUpdate: true });
    const programme = await repo.findProgramme(tx, id);
    if (!enrolment || !programme) throw notFound();
    checkRemoval({ programme, hasOpenPair: await hasOpenPair(tx, id, personId) });
    await withdrawOpenProposals(tx, programme, [personId], deps.clock.now());
    await repo.deleteEnrolment(tx, id, personId);
    await refreshCompleteness(tx, [personId]);
  });
}

/** A participant applies to a programme open for enrolment: applying is their answer (joined). */
export async function apply(id: string, role: ParticipantRole, user: CurrentUser, deps: ProgrammesDeps): Promise<Programme> {
  const now = deps.clock.now();
  const personId = await deps.database.db.transaction(async (tx) => {
    const programme = await repo.findProgramme(tx, id);
    const enrolment = programme && user.personId ? await repo.findEnrolment(tx, id, user.personId) : undefined;
    const decision = decideApplication({
      programme,
      // Hidden (a draft, or one they are not in past enrolment): as unknown, not a 409 saying it exists.
      isVisible: programme !== undefined && canSeeProgramme(programme, enrolment !== undefined, user),
      isEnrolled: enrolment !== undefined,
      role,
      now,
    });
    // An account without a directory entry gets one: applying is their first step in a programme.
    const personId = await ensurePersonForUser(tx, user.id, now);
    await repo.insertEnrolments(tx, [{ ...decision.enrolment, personId }]);
    await refreshCompleteness(tx, [personId]);
    return personId;
  });
  return getProgramme(id, { ...user, personId }, deps);
}

/** An enrolled person answers: they join, or decline (not while in an open pair; the managers are told). */
export async function respond(id: string, accept: boolean, user: CurrentUser, deps: ProgrammesDeps): Promise<Programme> {
  const now = deps.clock.now();
  const { personId } = user;
  await deps.database.db.transaction(async (tx) => {
    const enrolment = personId ? await repo.findEnrolment(tx, id, personId, { forUpdate: true }) : undefined;
    const programme = enrolment ? await repo.findProgramme(tx, id) : undefined;
    const decision = decideResponse({
      programme,
      enrolment,
      accept,
      hasOpenPair: Boolean(personId && !accept && (await hasOpenPair(tx, id, personId))),
      now,
    });
    if (!personId || !programme || !enrolment) return;
    await repo.updateEnrolment(tx, id, personId, decision.change);
    if (decision.withdrawsProposals) await withdrawOpenProposals(tx, programme, [personId], now);
    await refreshCompleteness(tx, [personId]);
    const notice = decideDeclineNotice({
      programme,
      previousStatus: enrolment.status,
      accept,
      personName: accept ? "" : (await personRefs(tx, [personId])).name(personId),
    });
    if (notice) await notifyManagers(tx, notice, now);
  });
  return getProgramme(id, user, deps);
}
