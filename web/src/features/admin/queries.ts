import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { AccountStatus, AccountsPage, Role } from "../../../../contracts/accounts.ts";
import type { PeoplePage } from "../../../../contracts/people.ts";
import { api, withQuery } from "../../lib/api.ts";

export const PAGE_SIZE = 25;

export interface AccountFilters {
  q: string;
  role: Role | null;
  status: z.infer<typeof AccountStatus> | null;
  page: number;
}

export function useAccounts(filters: AccountFilters) {
  return useQuery({
    queryKey: ["accounts", filters],
    queryFn: () => api.get<z.infer<typeof AccountsPage>>(withQuery("/api/admin/accounts", { ...filters, pageSize: PAGE_SIZE })),
    // Keeps the previous page on screen while the next one loads, instead of flashing a loader.
    placeholderData: keepPreviousData,
  });
}

export interface PeopleFilters {
  q: string;
  department: string | null;
  site: string | null;
  skill: string | null;
  role: Role | null;
  completeness: "complete" | "incomplete" | "none" | null;
  page: number;
}

export function usePeople(filters: PeopleFilters) {
  return useQuery({
    queryKey: ["people", filters],
    queryFn: () => api.get<PeoplePage>(withQuery("/api/people", { ...filters, pageSize: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
}
