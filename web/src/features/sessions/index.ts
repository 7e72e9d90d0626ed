/**
 * The sessions feature as other features use it: the pair page's sessions section, the sessions' query
 * keys (to refresh them after an action elsewhere), and my time zone in a pair (the sessions list names
 * it), to show the pair's other times in it. The session page is routed by app/router.tsx.
 */
export { sessionKeys, usePairTimeZone } from "./queries.ts";
export { SessionsSection } from "./sessions-section.tsx";
