import type { ManagedPairPage, PairState } from "../../../contracts/pairs.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { personRefs } from "../people/index.ts";
import * as repo from "./pairs.repository.ts";
import type { PairsDeps } from "./pairs-deps.ts";
import { presentManagedPair } from "./present-managed-pair.ts";

/** The programme's pairs as its managers see them: the score, intro answers with their reasons, who needs a new match. */
export async function listProgrammePairs(
  programmeId: string,
  query: { state?: PairState | undefined; page: number; pageSize: number },
  deps: PairsDeps,
): Promise<ManagedPairPage> {
  const { db } = deps.database;
  if (!(await repo.programmeExists(db, programmeId))) throw notFound();
  const [{ total, rows, byState }, allAnswers, rematch] = await Promise.all([
    repo.pairsOfProgramme(db, programmeId, query),
    repo.introAnswersOfProgramme(db, programmeId),
    repo.needsRematch(db, programmeId),
  ]);
  const ids = rows.map((r) => r.id);
  const [events, answers] = await Promise.all([repo.eventsOf(db, ids), repo.introAnswersOf(db, ids)]);
  const { ref } = await personRefs(db, [...rows.flatMap((r) => [r.mentorId, r.menteeId]), ...rematch.map((r) => r.personId)]);
  const counts = { intro: 0, active: 0, completed: 0, ended_early: 0, not_a_fit: 0 };
  for (const s of byState) counts[s.state] = s.n;
  return {
    counts,
    introAnswers: { fit: allAnswers.filter((a) => a.isFit).length, notFit: allAnswers.filter((a) => !a.isFit).length },
    needsRematch: rematch.map((r) => ({ person: ref(r.personId), role: r.role })),
    items: rows.map((pair) => presentManagedPair(pair, events, answers, ref)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
