/**
 * The auth feature as other features use it: who is logged in (from `lib/current-user.ts`, shared with the
 * app's frame), the route guards, and logging out. Pages are imported by the router directly.
 */
export { CurrentUserContext, hasAnyRole, meQueryKey, useCurrentUser, useMe } from "../../lib/current-user.ts";
export { useLogout } from "./queries.ts";
export { RequireAuth, RequireRole } from "./require-auth.tsx";
