import type { ManagedPair } from "../../../contracts/pairs.ts";
import type { PersonRef } from "../../../contracts/programmes.ts";
import type { IntroAnswerRow, PairEventRow, PairRow } from "./pairs.repository.ts";
import { presentHistory } from "./present-history.ts";

/**
 * A pair as the programme's managers read it: the score, the intro answers with their reasons, and the
 * history with the words left when a person ended the pair (which the pair's people do not get back).
 */
export function presentManagedPair(
  pair: PairRow,
  events: readonly PairEventRow[],
  answers: readonly IntroAnswerRow[],
  ref: (personId: string) => PersonRef,
): ManagedPair {
  const own = events.filter((e) => e.pairId === pair.id);
  return {
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
    history: presentHistory(own).map((event, k) => ({ ...event, note: own[k]?.note ?? null })),
    createdAt: pair.createdAt.toISOString(),
    updatedAt: pair.updatedAt.toISOString(),
  };
}
