/**
 * The logged-in user, shared by the app's frame (providers, layout, language switch) and the features:
 * the `/api/me` query, and the context that `<RequireAuth>` (features/auth) fills for the pages it guards.
 * Kept in `lib` because shared parts import no feature; features reach it through `features/auth`.
 */
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { Me, Role } from "../../../contracts/accounts.ts";
import { ApiError } from "./api.ts";
import { call, client } from "./api-client.ts";

/** The query key of the logged-in user; `null` data means logged out. */
export const meQueryKey = ["me"] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await call(client.GET("/api/me"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The logged-in user, or `null` when logged out. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Filled by `<RequireAuth>` with the logged-in user. */
export const CurrentUserContext = createContext<Me | null>(null);

/** The logged-in user inside the routes guarded by `<RequireAuth>`. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser must be used inside <RequireAuth>");
  return me;
}

/** Whether `me` has one of `roles`. */
export function hasAnyRole(me: Me, roles: readonly Role[]): boolean {
  return me.roles.some((role) => roles.includes(role));
}
