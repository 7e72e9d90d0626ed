/**
 * The programmes feature as other features may use it: its query keys (to refresh a programme after
 * an action elsewhere), its reads, and the badges of a programme's phase and a pair's state.
 * The router imports the pages directly (lazily).
 */
export { PairStateBadge, PhaseBadge } from "./labels.tsx";
export { programmeKeys, programmeQuery, programmesQuery, useProgramme, useProgrammes } from "./queries.ts";
