/**
 * Cohort matching of a programme: run the engine on the pool (enrolled, not set aside, without an
 * open pair, mentors with places left), keep each run for review and comparison, lock / forbid /
 * swap, and publish a run as pairs in "intro".
 */
import { performance } from "node:perf_hooks";
import type { Me } from "../../../contracts/accounts.ts";
import type { ConstraintKind, PublishResult, RunDetail, RunPair, RunPairSort, RunSummary } from "../../../contracts/programmes.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, invalidFields, notFound } from "../../platform/errors/app-error.ts";
import { inviteEnrolledWithoutAccount } from "../accounts/index.ts";
import {
  buildDictionaries,
  compileProfile,
  type MatchingProfile,
  reasonsFor,
  resolveWeights,
  reviewCohort,
  scorePair,
} from "../matching/index.ts";
import { closedPairsOf, openPairs, openPairsOf } from "../pairs/index.ts";
import { directoryOrgChart, personRefs } from "../people/index.ts";
import { findProfiles } from "../profiles/index.ts";
import { withdrawOpenProposals } from "../proposals/index.ts";
import { skillLabels } from "../skills/index.ts";
import { placesLeftOf } from "./mentor-capacity.ts";
import { excludedPairs, isAvailable } from "./pair-eligibility.ts";
import {
  checkPublishable,
  choosePairsToPublish,
  engineSettings,
  isMatchable,
  matchingClosed,
  matchingSettingsOf,
  phaseAfterPublishing,
  type StoredRun,
  type StoredRunSummary,
  toMatchingProfile,
} from "./programmes.domain.ts";
import * as repo from "./programmes.repository.ts";

export type CohortDeps = { database: Database; clock: Clock };

/** Next best mentors kept per mentee in a run. */
const ALTERNATIVES = 3;

function presentSummary(row: {
  id: string;
  number: number;
  createdAt: Date;
  publishedAt: Date | null;
  summary: StoredRunSummary;
}): RunSummary {
  return {
    ...row.summary,
    id: row.id,
    number: row.number,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** The programme's pool and everything the engine needs, read in a handful of queries. */
async function buildCohort(db: Tx, programme: repo.ProgrammeRow) {
  const settings = matchingSettingsOf(programme);
  const [members, open, constraints, orgChart, labels] = await Promise.all([
    repo.cohortMembers(db, programme.id),
    openPairsOf(db, programme.id),
    repo.listConstraints(db, programme.id),
    directoryOrgChart(db),
    skillLabels(db),
  ]);
  const paired = new Set(open.map((p) => p.menteeId));
  const pool = members.filter((m) => m.isActive && !m.isSetAside && !(m.role === "mentee" && paired.has(m.personId)));
  const profiles = await findProfiles(
    db,
    pool.map((m) => m.personId),
  );
  const placesLeft = placesLeftOf(members, open, profiles, settings.defaultCapacity);
  const mentors: MatchingProfile[] = [];
  const mentees: MatchingProfile[] = [];
  const noProfile: StoredRun["unmatched"] = [];
  for (const m of pool) {
    const profile = profiles.get(m.personId);
    if (m.role === "mentor") {
      const capacity = placesLeft.get(m.personId) ?? 0;
      if (capacity <= 0) continue;
      if (!isMatchable("mentor", profile) || !profile)
        noProfile.push({ personId: m.personId, role: "mentor", why: "no_profile", best: null });
      else mentors.push(toMatchingProfile(m, profile, capacity));
    } else if (!isMatchable("mentee", profile) || !profile)
      noProfile.push({ personId: m.personId, role: "mentee", why: "no_profile", best: null });
    else mentees.push(toMatchingProfile(m, profile));
  }
  const mentorIds = new Set(mentors.map((p) => p.id));
  const menteeIds = new Set(mentees.map((p) => p.id));
  const inPool = (c: { mentorId: string; menteeId: string }) => mentorIds.has(c.mentorId) && menteeIds.has(c.menteeId);
  // One lock per mentee, and none beyond a mentor's places left (oldest kept), so a run never fails on them.
  const lockedMentees = new Set<string>();
  const locks = constraints.filter((c) => {
    if (c.kind !== "lock" || !inPool(c) || lockedMentees.has(c.menteeId)) return false;
    const left = placesLeft.get(c.mentorId) ?? 0;
    if (left <= 0) return false;
    placesLeft.set(c.mentorId, left - 1);
    lockedMentees.add(c.menteeId);
    return true;
  });
  const forbid = constraints.filter((c) => c.kind === "forbid" && inPool(c));
  // A pair already tried (closed as not a fit, ended early) is not proposed again.
  const tried = (await closedPairsOf(db, programme.id)).filter(inPool);
  return {
    cohort: {
      mentors,
      mentees,
      orgChart,
      skillLabels: labels,
      settings: {
        ...engineSettings(settings),
        lock: locks.map((c) => ({ mentor: c.mentorId, mentee: c.menteeId })),
        forbid: [...forbid, ...tried].map((c) => ({ mentor: c.mentorId, mentee: c.menteeId })),
      },
    },
    noProfile,
    setAside: members.filter((m) => m.isSetAside).length,
    locks: locks.length,
    forbids: forbid.length,
  };
}

/** Runs the engine on the programme's pool and keeps the run (its summary and whole proposal). */
export async function runMatching(programmeId: string, user: Me, deps: CohortDeps): Promise<RunSummary> {
  const { db } = deps.database;
  const programme = await repo.findProgramme(db, programmeId);
  if (!programme) throw notFound();
  if (programme.phase !== "matching" && programme.phase !== "running") throw matchingClosed();
  const built = await buildCohort(db, programme);
  const started = performance.now();
  const result = reviewCohort(built.cohort, { alternatives: ALTERNATIVES });
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const stored: StoredRun = {
    pairs: result.pairs.map((p) => ({
      mentorId: p.mentor,
      menteeId: p.mentee,
      score: p.score,
      isLocked: p.locked,
      reasons: p.reasons,
      alternatives: (result.alternatives?.[p.mentee] ?? []).map((a) => ({ mentorId: a.mentor, score: a.score })),
    })),
    unmatched: [
      ...built.noProfile,
      ...(result.unmatched ?? []).map((u) => ({
        personId: u.id,
        role: u.side,
        why: u.why,
        best: u.best ? { personId: u.best.id, score: u.best.score } : null,
      })),
    ],
  };
  const report = result.report;
  const summary = {
    mentors: built.cohort.mentors.length + built.noProfile.filter((u) => u.role === "mentor").length,
    mentees: built.cohort.mentees.length + built.noProfile.filter((u) => u.role === "mentee").length,
    pairs: result.pairs.length,
    total: Math.round(result.total * 1000) / 1000,
    matchedRatio: report.mentees ? report.pairs / (report.mentees + built.noProfile.filter((u) => u.role === "mentee").length) : 0,
    worstScore: report.worstScore,
    medianScore: report.medianScore,
    locks: built.locks,
    forbids: built.forbids,
    setAside: built.setAside,
    ms,
  };
  // Numbered under the programme's lock: two runs started at once get 1 and 2, not a duplicate.
  const row = await db.transaction(async (tx) => {
    const locked = await repo.findProgramme(tx, programmeId, { forUpdate: true });
    if (locked?.phase !== "matching" && locked?.phase !== "running") throw matchingClosed();
    return repo.insertRun(tx, { programmeId, createdBy: user.id, createdAt: deps.clock.now(), summary, result: stored });
  });
  return presentSummary(row);
}

export async function listRuns(programmeId: string, deps: CohortDeps): Promise<RunSummary[]> {
  const { db } = deps.database;
  if (!(await repo.findProgramme(db, programmeId))) throw notFound();
  return (await repo.listRuns(db, programmeId)).map(presentSummary);
}

/** A run for review: a page of its pairs (searchable by name), everyone unmatched and why. */
export async function getRun(
  programmeId: string,
  runId: string,
  query: { q?: string | undefined; sort?: RunPairSort | undefined; page: number; pageSize: number },
  deps: CohortDeps,
): Promise<RunDetail> {
  const { db } = deps.database;
  const row = await repo.findRun(db, programmeId, runId);
  if (!row) throw notFound();
  const stored = row.result;
  const { ref } = await personRefs(db, [
    ...stored.pairs.flatMap((p) => [p.mentorId, p.menteeId, ...p.alternatives.map((a) => a.mentorId)]),
    ...stored.unmatched.flatMap((u) => [u.personId, ...(u.best ? [u.best.personId] : [])]),
  ]);
  const needle = query.q?.toLocaleLowerCase("fr");
  const matches = (id: string) => {
    const p = ref(id);
    return `${p.firstName} ${p.lastName}`.toLocaleLowerCase("fr").includes(needle as string);
  };
  const found = needle ? stored.pairs.filter((p) => matches(p.mentorId) || matches(p.menteeId)) : stored.pairs;
  // Weakest first unless asked otherwise: those are the pairs a manager reviews before publishing.
  const sign = query.sort === "score_desc" ? -1 : 1;
  const filtered = found.toSorted((x, y) => sign * (x.score - y.score));
  const page = filtered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const shown = new Set([...page.flatMap((p) => [p.mentorId, p.menteeId]), ...stored.unmatched.map((u) => u.personId)]);
  const statuses = await repo.enrolmentStatuses(db, programmeId, [...shown]);
  return {
    notAnswered: statuses.filter((e) => e.status === "invited").map((e) => e.personId),
    summary: presentSummary(row),
    pairs: page.map(
      (p): RunPair => ({
        mentor: ref(p.mentorId),
        mentee: ref(p.menteeId),
        score: p.score,
        isLocked: p.isLocked,
        reasons: reasonsFor(p.reasons, "manager"),
        alternatives: p.alternatives.map((a) => ({ mentor: ref(a.mentorId), score: a.score })),
      }),
    ),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    unmatched: stored.unmatched.map((u) => ({
      person: ref(u.personId),
      role: u.role,
      why: u.why,
      bestOption: u.best ? { person: ref(u.best.personId), score: u.best.score } : null,
    })),
  };
}

/* ---------------------------------------------------------------- constraints */

export async function listConstraints(programmeId: string, deps: CohortDeps) {
  const { db } = deps.database;
  if (!(await repo.findProgramme(db, programmeId))) throw notFound();
  const rows = await repo.listConstraints(db, programmeId);
  const { ref } = await personRefs(
    db,
    rows.flatMap((r) => [r.mentorId, r.menteeId]),
  );
  return rows.map((r) => ({ mentor: ref(r.mentorId), mentee: ref(r.menteeId), kind: r.kind, createdAt: r.createdAt.toISOString() }));
}

/** Locks or forbids a pair for the next runs; both must be enrolled in the programme in those roles. */
export async function setConstraint(
  programmeId: string,
  body: { mentorId: string; menteeId: string; kind: ConstraintKind },
  deps: CohortDeps,
) {
  const { db } = deps.database;
  const programme = await repo.findProgramme(db, programmeId);
  if (!programme) throw notFound();
  if (programme.phase === "closed") throw matchingClosed();
  const [mentor, mentee] = await Promise.all([
    repo.findEnrolment(db, programmeId, body.mentorId),
    repo.findEnrolment(db, programmeId, body.menteeId),
  ]);
  const details = [
    ...(mentor?.role === "mentor" ? [] : [{ path: "mentorId", messageKey: "fields.notEnrolledAs", params: { role: "mentor" } }]),
    ...(mentee?.role === "mentee" ? [] : [{ path: "menteeId", messageKey: "fields.notEnrolledAs", params: { role: "mentee" } }]),
  ];
  if (details.length) throw invalidFields(details);
  await repo.upsertConstraint(db, {
    programmeId,
    mentorId: body.mentorId,
    menteeId: body.menteeId,
    kind: body.kind,
    createdAt: deps.clock.now(),
  });
  return listConstraints(programmeId, deps);
}

export async function removeConstraint(programmeId: string, mentorId: string, menteeId: string, deps: CohortDeps) {
  const programme = await repo.findProgramme(deps.database.db, programmeId);
  if (!programme) throw notFound();
  if (programme.phase === "closed") throw matchingClosed();
  if (!(await repo.deleteConstraint(deps.database.db, programmeId, mentorId, menteeId))) throw notFound();
  return listConstraints(programmeId, deps);
}

/**
 * Swaps the mentors of two mentees of a run: the two new pairs are locked, then the engine runs again.
 * A new pair under the programme's minimum score is one the engine would never have made: the swap is
 * refused (SWAP_BELOW_MIN_SCORE, naming each such pair and its score) unless the manager confirmed it.
 */
export async function swap(
  programmeId: string,
  runId: string,
  body: { menteeA: string; menteeB: string; confirmBelowMinimum?: boolean | undefined },
  user: Me,
  deps: CohortDeps,
): Promise<RunSummary> {
  const { db } = deps.database;
  const programme = await repo.findProgramme(db, programmeId);
  if (!programme) throw notFound();
  // Checked first: the new locks are only written when a run can follow them.
  if (programme.phase !== "matching" && programme.phase !== "running") throw matchingClosed();
  const run = await repo.findRun(db, programmeId, runId);
  if (!run) throw notFound();
  const stored = run.result;
  const a = stored.pairs.find((p) => p.menteeId === body.menteeA);
  const b = stored.pairs.find((p) => p.menteeId === body.menteeB);
  const details = [
    ...(a ? [] : [{ path: "menteeA", messageKey: "fields.notInRun" }]),
    ...(b && body.menteeB !== body.menteeA ? [] : [{ path: "menteeB", messageKey: "fields.notInRun" }]),
    ...(a && b && a.mentorId === b.mentorId ? [{ path: "menteeB", messageKey: "fields.sameMentor" }] : []),
  ];
  if (details.length || !a || !b) throw invalidFields(details);
  if (!body.confirmBelowMinimum) {
    const swapped = [
      { path: "menteeA", mentorId: b.mentorId, menteeId: a.menteeId },
      { path: "menteeB", mentorId: a.mentorId, menteeId: b.menteeId },
    ];
    // Scored as the next run will score them: the pool's profiles as they are now, the programme's weights.
    const { cohort } = await buildCohort(db, programme);
    const profiles = new Map([...cohort.mentors, ...cohort.mentees].map((p) => [p.id, p]));
    const dictionaries = buildDictionaries(profiles.values());
    const weights = resolveWeights(cohort.settings.weights);
    const minScore = matchingSettingsOf(programme).minScore;
    const below = swapped.flatMap((pair) => {
      const mentor = profiles.get(pair.mentorId);
      const mentee = profiles.get(pair.menteeId);
      // Someone no longer in the pool: the next run cannot lock this pair anyway.
      if (!mentor || !mentee) return [];
      const score = scorePair(compileProfile(mentor, dictionaries), compileProfile(mentee, dictionaries), weights);
      return score < minScore ? [{ ...pair, score }] : [];
    });
    if (below.length) {
      const { ref } = await personRefs(
        db,
        below.flatMap((pair) => [pair.mentorId, pair.menteeId]),
      );
      const nameOf = (id: string) => `${ref(id).firstName} ${ref(id).lastName}`;
      const percent = { minScore: Math.round(minScore * 1000) / 10 };
      throw new AppError("SWAP_BELOW_MIN_SCORE", {
        params: percent,
        details: below.map((pair) => ({
          path: pair.path,
          messageKey: "fields.swapPairBelowMinScore",
          params: {
            mentee: nameOf(pair.menteeId),
            mentor: nameOf(pair.mentorId),
            // Rounded down to a tenth: a score just under the minimum never reads as equal to it.
            score: Math.floor(pair.score * 1000) / 10,
            ...percent,
          },
        })),
      });
    }
  }
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    for (const [mentorId, menteeId] of [
      [b.mentorId, a.menteeId],
      [a.mentorId, b.menteeId],
    ] as const) {
      await repo.upsertConstraint(tx, { programmeId, mentorId, menteeId, kind: "lock", createdAt: now });
    }
    // The old pairs may have been locked: they cannot both hold.
    await repo.deleteConstraint(tx, programmeId, a.mentorId, a.menteeId);
    await repo.deleteConstraint(tx, programmeId, b.mentorId, b.menteeId);
  });
  return runMatching(programmeId, user, deps);
}

/**
 * Publishes the latest run: each of its pairs whose two people are still free becomes a pair in
 * "intro", both are told, and the mentee's open proposals are withdrawn. The programme is then running.
 * The people enrolled who have no account yet are invited to create one, by email, and so again are those
 * whose account was never activated and whose invitation expired.
 */
export async function publish(programmeId: string, runId: string, user: Me, deps: CohortDeps): Promise<PublishResult> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const programme = await repo.findProgramme(tx, programmeId, { forUpdate: true });
    if (!programme) throw notFound();
    const run = await repo.findRun(tx, programmeId, runId);
    const [latest] = await repo.listRuns(tx, programmeId);
    checkPublishable(programme, run, latest?.id);
    const stored = run.result;
    // No proposal may be accepted while the run's pairs are created (places and free mentees are counted once).
    await repo.lockEnrolments(tx, programmeId);
    // Read again under the locks: people set aside, declined, removed or gone since the run, and
    // pairs forbidden since, are not created. One query at a time: `tx` is one connection.
    const members = await repo.cohortMembers(tx, programmeId);
    const open = await openPairsOf(tx, programmeId);
    const profiles = await findProfiles(tx, [...new Set(stored.pairs.map((p) => p.mentorId))]);
    const chosen = choosePairsToPublish(stored.pairs, {
      available: new Set(members.filter(isAvailable).map((m) => m.personId)),
      excluded: await excludedPairs(tx, programmeId),
      busyMentees: new Set(open.map((p) => p.menteeId)),
      placesLeft: placesLeftOf(members, open, profiles, matchingSettingsOf(programme).defaultCapacity),
    });
    await openPairs(
      tx,
      programme,
      chosen.map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId, score: p.score, reasons: p.reasons })),
      { origin: "matching", byUserId: user.id, now },
    );
    // Their proposals elsewhere in the programme are withdrawn, and those mentors told.
    await withdrawOpenProposals(
      tx,
      programme,
      chosen.map((p) => p.menteeId),
      now,
    );
    const created = chosen.length;
    await repo.markRunPublished(tx, run.id, now);
    const phase = phaseAfterPublishing(programme.phase);
    if (phase !== programme.phase) await repo.updateProgramme(tx, programmeId, { phase, updatedAt: now });
    // Those enrolled without an account, or whose invitation expired before they activated theirs, are invited
    // by email (a bulk invitation, its job queued with this transaction): their notifications wait for them in
    // the account they activate. Those whose link still works are left alone.
    const invitation = await inviteEnrolledWithoutAccount(tx, programmeId, user.id, now);
    return {
      created,
      skipped: stored.pairs.length - created,
      ...(invitation ? { invitation: { batchId: invitation.batchId, invited: invitation.total } } : {}),
    };
  });
}
