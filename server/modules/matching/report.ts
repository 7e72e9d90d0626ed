/** Summary figures of a matching result: who is matched, how well, and how stable it is. */
import type { MatchingReport } from "./matching.domain.ts";

/** Builds the report from each mentee's pair score (`NaN` = unmatched) and the blocking-pair count. */
export function matchingReport(rowScore: ArrayLike<number>, mentors: number, blockingPairs: number): MatchingReport {
  const matched: number[] = [];
  for (let r = 0; r < rowScore.length; r++) if (!Number.isNaN(rowScore[r] as number)) matched.push(rowScore[r] as number);
  matched.sort((a, b) => a - b);
  const total = matched.reduce((a, b) => a + b, 0);
  const mid = matched.length >> 1;
  const median =
    matched.length === 0
      ? null
      : matched.length % 2
        ? (matched[mid] as number)
        : ((matched[mid - 1] as number) + (matched[mid] as number)) / 2;
  return {
    mentees: rowScore.length,
    mentors,
    pairs: matched.length,
    matchedRatio: rowScore.length === 0 ? 0 : matched.length / rowScore.length,
    total,
    worstScore: matched.length === 0 ? null : (matched[0] as number),
    medianScore: median,
    blockingPairs,
  };
}
