import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { Me, Role } from "../../../../contracts/accounts.ts";
import { ApiError, api } from "../../lib/api.ts";

export const meQueryKey = ["me"] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>("/api/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The logged-in user, or `null` when logged out. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export const CurrentUserContext = createContext<Me | null>(null);

/** The logged-in user inside the routes guarded by <RequireAuth>. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser must be used inside <RequireAuth>");
  return me;
}

export function hasAnyRole(me: Me, roles: readonly Role[]): boolean {
  return me.roles.some((role) => roles.includes(role));
}
