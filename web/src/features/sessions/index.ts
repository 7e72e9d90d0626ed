/**
 * The sessions feature as other features use it: the pair page's sessions section, and the sessions'
 * query keys (to refresh them after an action elsewhere). The session page is routed by app/router.tsx.
 */
export { sessionKeys } from "./queries.ts";
export { SessionsSection } from "./sessions-section.tsx";
