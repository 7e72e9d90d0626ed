/**
 * Pairs: opened by a published matching run or an accepted proposal, then the intro meeting, the
 * answers, and the end (completed or ended early). Every transition follows PAIR_TRANSITIONS and is
 * kept in pair_events; anything else is a 409.
 */
import type { Me } from "../../../contracts/accounts.ts";
import type { EndReason, ManagedPair, ManagedPairPage, Pair, PairOrigin, PairState } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, notFound } from "../../platform/errors/app-error.ts";
import { type Reason, reasonsFor } from "../matching/index.ts";
import { notify, notifyManagers } from "../notifications/index.ts";
import { mayStartSessions, onboardingStatuses } from "../onboarding/index.ts";
import { findPersonIdOfUser } from "../profiles/index.ts";
import * as pairsRepo from "./pairs.repository.ts";
import { findTransition, introOutcome, type PairActor, type PairCause } from "./programmes.domain.ts";
import { pairActor, requireMember } from "./programmes.policy.ts";
import * as repo from "./programmes.repository.ts";

/** How long after an intro meeting's start its people are asked for their answer. */
const INTRO_LENGTH_MS = 60 * 60 * 1000;

export type PairsDeps = { database: Database; clock: Clock };

export const invalidTransition = (from: PairState, to: PairState) => new AppError("INVALID_PAIR_TRANSITION", { params: { from, to } });

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

type NewPair = { mentorId: string; menteeId: string; score: number | null; reasons: Reason[] };

/**
 * Opens pairs in "intro" in the caller's transaction (a published run opens thousands: a few
 * statements, not a few per pair), records their first event and tells both people. A mentee
 * already in an open pair of the programme is refused by the database itself (partial unique
 * index) as a 409, and nothing is written.
 */
export async function openPairs(
  tx: Tx,
  programme: { id: string; name: string },
  items: NewPair[],
  context: { origin: PairOrigin; byUserId: string; now: Date },
): Promise<pairsRepo.PairRow[]> {
  if (!items.length) return [];
  const { origin, byUserId, now } = context;
  let created: pairsRepo.PairRow[];
  try {
    created = await tx.transaction((inner) =>
      pairsRepo.insertPairs(
        inner,
        items.map((p) => ({
          programmeId: programme.id,
          mentorId: p.mentorId,
          menteeId: p.menteeId,
          state: "intro" as const,
          origin,
          score: p.score,
          reasons: p.reasons,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("ALREADY_PAIRED");
    throw error;
  }
  await pairsRepo.insertPairEvents(
    tx,
    created.map((pair) => ({ pairId: pair.id, fromState: null, toState: "intro" as const, cause: origin, byUserId, at: now })),
  );
  const { name: nameOf } = await repo.personRefs(
    tx,
    created.flatMap((p) => [p.mentorId, p.menteeId]),
  );
  await notify(
    tx,
    created.flatMap((pair) =>
      [
        { personId: pair.mentorId, partner: pair.menteeId },
        { personId: pair.menteeId, partner: pair.mentorId },
      ].map(({ personId, partner }) => ({
        personId,
        kind: "match_published" as const,
        params: { programmeName: programme.name, partnerName: nameOf(partner), pairId: pair.id },
        link: `/pairs/${pair.id}`,
      })),
    ),
    now,
  );
  return created;
}

async function transition(
  tx: Tx,
  pair: pairsRepo.PairRow,
  to: PairState,
  cause: PairCause,
  actor: PairActor,
  context: { userId: string | null; now: Date; reason?: EndReason | null; note?: string | null },
): Promise<void> {
  if (!findTransition(pair.state, to, cause, actor)) throw invalidTransition(pair.state, to);
  await pairsRepo.updatePair(tx, pair.id, {
    state: to,
    updatedAt: context.now,
    ...(to === "ended_early" ? { endReason: cause === "ended_early" ? context.reason : "other" } : {}),
  });
  await pairsRepo.insertPairEvent(tx, {
    pairId: pair.id,
    fromState: pair.state,
    toState: to,
    cause,
    byUserId: context.userId,
    reason: cause === "ended_early" ? (context.reason ?? null) : null,
    note: context.note ?? null,
    at: context.now,
  });
}

/** Loads a pair for an action, locked, with the caller's part in it (404 if they have none). */
async function pairForAction(tx: Tx, pairId: string, user: Me) {
  const pair = await pairsRepo.findPair(tx, pairId, { forUpdate: true });
  if (!pair) throw notFound();
  const personId = await findPersonIdOfUser(tx, user.id);
  const actor = pairActor(pair, personId, user);
  const programme = await repo.findProgramme(tx, pair.programmeId);
  if (!programme) throw notFound();
  return { pair, personId, actor, programme };
}

/** The names a managers' notification shows: who, in which programme. */
async function pairParams(
  tx: Tx,
  pair: { id: string; mentorId: string; menteeId: string },
  programmeName: string,
): Promise<Record<string, string>> {
  const { name } = await repo.personRefs(tx, [pair.mentorId, pair.menteeId]);
  return { programmeName, mentorName: name(pair.mentorId), menteeName: name(pair.menteeId), pairId: pair.id };
}

const partnerOf = (pair: { mentorId: string; menteeId: string }, personId: string | null) =>
  pair.mentorId === personId ? pair.menteeId : pair.mentorId;

/* ---------------------------------------------------------------- views */

function presentHistory(events: pairsRepo.PairEventRow[]) {
  return events.map((e) => ({
    fromState: e.fromState,
    toState: e.toState,
    cause: e.cause,
    reason: e.reason,
    note: null,
    at: e.at.toISOString(),
  }));
}

async function presentForMember(db: Tx, rows: Awaited<ReturnType<typeof pairsRepo.pairsOfPerson>>, personId: string): Promise<Pair[]> {
  const ids = rows.map((r) => r.pair.id);
  const [events, answers] = await Promise.all([pairsRepo.eventsOf(db, ids), pairsRepo.introAnswersOf(db, ids)]);
  const { ref } = await repo.personRefs(
    db,
    rows.flatMap((r) => [r.pair.mentorId, r.pair.menteeId]),
  );
  const byProgramme = new Map<string, { personId: string; role: ParticipantRole }[]>();
  for (const { pair } of rows) {
    const list = byProgramme.get(pair.programmeId) ?? [];
    list.push({ personId: pair.mentorId, role: "mentor" }, { personId: pair.menteeId, role: "mentee" });
    byProgramme.set(pair.programmeId, list);
  }
  const onboarding = new Map<string, Awaited<ReturnType<typeof onboardingStatuses>>>();
  for (const [programmeId, people] of byProgramme) onboarding.set(programmeId, await onboardingStatuses(db, programmeId, people));
  return rows.map(({ pair, programmeName, requiresOnboarding }) => {
    const status = onboarding.get(pair.programmeId);
    const of = (id: string) => {
      const s = status?.get(id);
      return { isComplete: s?.isComplete ?? false, modulesDone: s?.modulesDone ?? 0, modulesTotal: s?.modulesTotal ?? 0 };
    };
    const mine = answers.find((a) => a.pairId === pair.id && a.personId === personId);
    const partner = partnerOf(pair, personId);
    const mentorOnboarding = of(pair.mentorId);
    const menteeOnboarding = of(pair.menteeId);
    return {
      id: pair.id,
      programme: { id: pair.programmeId, name: programmeName, requiresOnboarding },
      state: pair.state,
      origin: pair.origin,
      myRole: pair.mentorId === personId ? "mentor" : "mentee",
      mentor: ref(pair.mentorId),
      mentee: ref(pair.menteeId),
      score: typeof pair.score === "number" ? pair.score : null,
      // Kept for every reader: each person of the pair reads the reasons addressed to them.
      reasons: reasonsFor(pair.reasons, pair.mentorId === personId ? "mentor" : "mentee"),
      intro: { at: pair.introAt?.toISOString() ?? null, place: pair.introPlace },
      myIntroAnswer: mine ? { isFit: mine.isFit, reason: mine.reason } : null,
      partnerHasAnswered: answers.some((a) => a.pairId === pair.id && a.personId === partner),
      canStartSessions: pair.state === "active" && mayStartSessions(requiresOnboarding, mentorOnboarding, menteeOnboarding),
      onboarding: { mentor: mentorOnboarding, mentee: menteeOnboarding },
      iAgreedToComplete: pair.completionAgreedBy.includes(personId),
      partnerAgreedToComplete: pair.completionAgreedBy.includes(partner),
      history: presentHistory(events.filter((e) => e.pairId === pair.id)),
      createdAt: pair.createdAt.toISOString(),
    } satisfies Pair;
  });
}

export async function listMyPairs(user: Me, deps: PairsDeps): Promise<Pair[]> {
  const { db } = deps.database;
  const personId = await findPersonIdOfUser(db, user.id);
  if (!personId) return [];
  return presentForMember(db, await pairsRepo.pairsOfPerson(db, personId), personId);
}

/** One of my pairs (404 for anyone else: managers use the programme's pair list). */
export async function getMyPair(pairId: string, user: Me, deps: PairsDeps): Promise<Pair> {
  const pair = (await listMyPairs(user, deps)).find((p) => p.id === pairId);
  if (!pair) throw notFound();
  return pair;
}

/** The programme's pairs as its managers see them: intro answers with their reasons, who needs a new match. */
export async function managedPairs(
  programmeId: string,
  query: { state?: PairState | undefined; page: number; pageSize: number },
  deps: PairsDeps,
): Promise<ManagedPairPage> {
  const { db } = deps.database;
  if (!(await repo.findProgramme(db, programmeId))) throw notFound();
  const [{ total, rows, byState }, allAnswers, rematch] = await Promise.all([
    pairsRepo.pairsOfProgramme(db, programmeId, query),
    pairsRepo.introAnswersOfProgramme(db, programmeId),
    repo.needsRematch(db, programmeId),
  ]);
  const ids = rows.map((r) => r.id);
  const [events, answers] = await Promise.all([pairsRepo.eventsOf(db, ids), pairsRepo.introAnswersOf(db, ids)]);
  const { ref } = await repo.personRefs(db, [...rows.flatMap((r) => [r.mentorId, r.menteeId]), ...rematch.map((r) => r.personId)]);
  const counts = { intro: 0, active: 0, completed: 0, ended_early: 0, not_a_fit: 0 };
  for (const s of byState) counts[s.state] = s.n;
  return {
    counts,
    introAnswers: { fit: allAnswers.filter((a) => a.isFit).length, notFit: allAnswers.filter((a) => !a.isFit).length },
    needsRematch: rematch.map((r) => ({ person: ref(r.personId), role: r.role })),
    items: rows.map(
      (pair): ManagedPair => ({
        id: pair.id,
        state: pair.state,
        origin: pair.origin,
        mentor: ref(pair.mentorId),
        mentee: ref(pair.menteeId),
        score: typeof pair.score === "number" ? pair.score : null,
        introAt: pair.introAt?.toISOString() ?? null,
        introAnswers: answers
          .filter((a) => a.pairId === pair.id)
          .map((a) => ({
            role: a.personId === pair.mentorId ? "mentor" : "mentee",
            isFit: a.isFit,
            reason: a.reason,
            answeredAt: a.answeredAt.toISOString(),
          })),
        endReason: pair.endReason,
        // The managers also read the words left when a person ended the pair.
        history: events
          .filter((e) => e.pairId === pair.id)
          .map((e) => ({ ...presentHistory([e])[0], note: e.note }) as ManagedPair["history"][number]),
        createdAt: pair.createdAt.toISOString(),
        updatedAt: pair.updatedAt.toISOString(),
      }),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/* ---------------------------------------------------------------- actions */

/** One of the pair schedules (or moves) the intro meeting; the partner is told. */
export async function scheduleIntro(pairId: string, body: { at: string; place: string }, user: Me, deps: PairsDeps): Promise<Pair> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { pair, personId, actor, programme } = await pairForAction(tx, pairId, user);
    requireMember(actor);
    if (pair.state !== "intro") throw new AppError("NOT_IN_INTRO");
    // Moving the meeting re-arms the reminder for after the new time.
    await pairsRepo.updatePair(tx, pair.id, { introAt: new Date(body.at), introPlace: body.place, introReminderAt: null, updatedAt: now });
    await notify(
      tx,
      [
        {
          personId: partnerOf(pair, personId),
          kind: "intro_scheduled",
          params: { programmeName: programme.name, at: new Date(body.at).toISOString(), pairId },
          link: `/pairs/${pairId}`,
        },
      ],
      now,
    );
  });
  return getMyPair(pairId, user, deps);
}

/**
 * "We will work well together" or "not a fit" after the intro. Both yes → active; any no → the pair
 * closes as not a fit (both back in the pool; the reason is for the managers only).
 */
export async function answerIntro(
  pairId: string,
  body: { isFit: boolean; reason?: string | null | undefined },
  user: Me,
  deps: PairsDeps,
): Promise<Pair> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { personId, actor } = await pairForAction(tx, pairId, user);
    requireMember(actor);
    await recordIntroAnswer(tx, pairId, personId as string, body, user.id, now);
  });
  return getMyPair(pairId, user, deps);
}

/** The intro answer of one of the pair's two people, by their account (`userId`, kept in the pair's history). */
export async function recordIntroAnswer(
  tx: Tx,
  pairId: string,
  personId: string,
  body: { isFit: boolean; reason?: string | null | undefined },
  userId: string | null,
  now: Date,
): Promise<void> {
  const pair = await pairsRepo.findPair(tx, pairId, { forUpdate: true });
  const programme = pair ? await repo.findProgramme(tx, pair.programmeId) : undefined;
  if (!pair || !programme) throw notFound();
  const actor = pair.mentorId === personId ? "mentor" : "mentee";
  if (pair.state !== "intro") throw new AppError("NOT_IN_INTRO");
  await pairsRepo.upsertIntroAnswer(tx, {
    pairId,
    personId,
    isFit: body.isFit,
    reason: body.isFit ? null : (body.reason ?? null),
    answeredAt: now,
  });
  const outcome = introOutcome(await pairsRepo.introAnswersOf(tx, [pairId]));
  const both = [pair.mentorId, pair.menteeId];
  const params = { programmeName: programme.name, pairId };
  if (outcome === "active") {
    await transition(tx, pair, "active", "intro_confirmed", "system", { userId, now });
    await notify(
      tx,
      both.map((p) => ({ personId: p, kind: "pair_active", params, link: `/pairs/${pairId}` })),
      now,
    );
  } else if (outcome === "not_a_fit") {
    await transition(tx, pair, "not_a_fit", "intro_not_a_fit", actor, { userId, now });
    await notify(
      tx,
      both.map((p) => ({ personId: p, kind: "pair_not_a_fit", params, link: `/pairs/${pairId}` })),
      now,
    );
    const link = `/programmes/${pair.programmeId}?tab=pairs`;
    await notifyManagers(tx, { kind: "managers_pair_not_a_fit", params: await pairParams(tx, pair, programme.name), link }, now);
  }
  // Nothing is sent to the partner while waiting: a notice after a "yes" would tell them the answer.
}

/**
 * Once an intro meeting's time has passed, each person who has not answered yet is asked to, once
 * (run by the server's sweep, with the proposals' expiry).
 */
export async function remindIntroAnswers(deps: PairsDeps): Promise<number> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    // An hour after the meeting's start: the coffee has taken place.
    const due = await pairsRepo.introsToRemind(tx, new Date(now.getTime() - INTRO_LENGTH_MS));
    if (!due.length) return 0;
    const answers = await pairsRepo.introAnswersOf(
      tx,
      due.map((p) => p.id),
    );
    const names = await repo.programmeNames(tx, [...new Set(due.map((p) => p.programmeId))]);
    const items = due.flatMap((pair) =>
      [pair.mentorId, pair.menteeId]
        .filter((personId) => !answers.some((a) => a.pairId === pair.id && a.personId === personId))
        .map((personId) => ({
          personId,
          kind: "intro_answer_needed" as const,
          params: { programmeName: names.get(pair.programmeId) ?? "", pairId: pair.id },
          link: `/pairs/${pair.id}`,
        })),
    );
    await notify(tx, items, now);
    await pairsRepo.markIntroReminded(
      tx,
      due.map((p) => p.id),
      now,
    );
    return items.length;
  });
}

/** Either person (or a manager) ends the pair early, with a reason; the other side and the managers are told. */
export async function endPair(
  pairId: string,
  body: { reason: EndReason; note?: string | null | undefined },
  user: Me,
  deps: PairsDeps,
): Promise<{ state: PairState }> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { pair, personId, actor, programme } = await pairForAction(tx, pairId, user);
    await transition(tx, pair, "ended_early", "ended_early", actor, { userId: user.id, now, reason: body.reason, note: body.note ?? null });
    const told = actor === "manager" ? [pair.mentorId, pair.menteeId] : [partnerOf(pair, personId)];
    await notify(
      tx,
      told.map((p) => ({
        personId: p,
        kind: "pair_ended",
        params: { programmeName: programme.name, reason: body.reason, pairId },
        link: `/pairs/${pairId}`,
      })),
      now,
    );
    if (actor !== "manager") {
      const params = { ...(await pairParams(tx, pair, programme.name)), reason: body.reason };
      await notifyManagers(tx, { kind: "managers_pair_ended", params, link: `/programmes/${pair.programmeId}?tab=pairs` }, now);
    }
  });
  return { state: "ended_early" };
}

/** Completing needs both people's agreement (or a manager); the first one's request waits for the partner. */
export async function completePair(pairId: string, user: Me, deps: PairsDeps): Promise<{ state: PairState }> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const { pair, personId, actor, programme } = await pairForAction(tx, pairId, user);
    if (pair.state !== "active") throw invalidTransition(pair.state, "completed");
    const params = { programmeName: programme.name, pairId };
    const both = [pair.mentorId, pair.menteeId];
    if (actor === "manager") {
      await transition(tx, pair, "completed", "completed_by_manager", actor, { userId: user.id, now });
      await notify(
        tx,
        both.map((p) => ({ personId: p, kind: "pair_completed", params, link: `/pairs/${pairId}` })),
        now,
      );
      return { state: "completed" as const };
    }
    const agreed = [...new Set([...pair.completionAgreedBy, personId as string])];
    await pairsRepo.updatePair(tx, pair.id, { completionAgreedBy: agreed, updatedAt: now });
    if (both.every((p) => agreed.includes(p))) {
      await transition(tx, pair, "completed", "completed_by_both", "system", { userId: user.id, now });
      await notify(
        tx,
        both.map((p) => ({ personId: p, kind: "pair_completed", params, link: `/pairs/${pairId}` })),
        now,
      );
      return { state: "completed" as const };
    }
    await notify(tx, [{ personId: partnerOf(pair, personId), kind: "pair_completion_requested", params, link: `/pairs/${pairId}` }], now);
    return { state: pair.state };
  });
}

/**
 * Closing a programme: active pairs are completed, pairs still in intro end (cause
 * "programme_closed"), open proposals are withdrawn. The open pairs are locked first, so a pair
 * action under way finishes before (and its new state is the one closed) or fails after.
 */
export async function closeProgrammePairs(tx: Tx, programme: { id: string; name: string }, userId: string, now: Date): Promise<void> {
  const open = await pairsRepo.openPairsForUpdate(tx, programme.id);
  const active = open.filter((p) => p.state === "active");
  const intro = open.filter((p) => p.state === "intro");
  for (const [from, to] of [
    ["active", "completed"],
    ["intro", "ended_early"],
  ] as const)
    if (!findTransition(from, to, "programme_closed", "system")) throw invalidTransition(from, to);
  await pairsRepo.setPairStates(
    tx,
    active.map((p) => p.id),
    { state: "completed", updatedAt: now },
  );
  await pairsRepo.setPairStates(
    tx,
    intro.map((p) => p.id),
    { state: "ended_early", endReason: "other", updatedAt: now },
  );
  await pairsRepo.insertPairEvents(
    tx,
    open.map((pair) => ({
      pairId: pair.id,
      fromState: pair.state,
      toState: pair.state === "active" ? ("completed" as const) : ("ended_early" as const),
      cause: "programme_closed",
      byUserId: userId,
      at: now,
    })),
  );
  await notify(
    tx,
    open.flatMap((pair) =>
      [pair.mentorId, pair.menteeId].map((p) => ({
        personId: p,
        kind: pair.state === "active" ? ("pair_completed" as const) : ("pair_ended" as const),
        params: { programmeName: programme.name, reason: "programme_closed", pairId: pair.id },
        link: `/pairs/${pair.id}`,
      })),
    ),
    now,
  );
  await withdrawProposals(tx, programme, null, now);
}

/** Withdraws the open proposals of a programme by or to these people (all with `null`) and tells the other side. */
export async function withdrawProposals(
  tx: Tx,
  programme: { id: string; name: string },
  personIds: string[] | null,
  now: Date,
): Promise<void> {
  const withdrawn = await pairsRepo.withdrawOpenProposals(tx, programme.id, personIds, now);
  const leaving = new Set(personIds ?? []);
  await notify(
    tx,
    withdrawn.flatMap((p) =>
      [p.mentorId, p.menteeId]
        .filter((personId) => !leaving.has(personId))
        .map((personId) => ({
          personId,
          kind: "proposal_withdrawn" as const,
          params: { programmeName: programme.name, proposalId: p.id },
          link: "/proposals",
        })),
    ),
    now,
  );
}
