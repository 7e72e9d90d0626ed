/**
 * The pairs feature as other features use it: my pairs' and one pair's queries and their keys (to refresh
 * them after an action elsewhere), how a pair is seen from my side, and the fit label and reasons of a match.
 */
export { FitBadge, MatchReasons } from "./match-reasons.tsx";
export { isOpenPair, nextStepHint, PairStateBadge, partnerOf } from "./pair-status.tsx";
export { myPairsQuery, pairKeys, useMyPairs, usePair } from "./queries.ts";
