/**
 * "People and accounts": the accounts (admins), the HR directory (admins and managers) and the home page's
 * figures. Other features reach these keys through `index.ts` to refresh what they change (an invitation,
 * an import, a profile saved).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AccountStatus, Role } from "../../../../contracts/accounts.ts";
import type { CompletenessFilter } from "../../../../contracts/people.ts";
import { call, client } from "../../lib/api-client.ts";

/** Rows per page of the accounts and the directory. */
export const PAGE_SIZE = 25;

export interface AccountFilters {
  q: string;
  role: Role | null;
  status: AccountStatus | null;
  page: number;
}

export interface PeopleFilters {
  q: string;
  department: string | null;
  site: string | null;
  skill: string | null;
  role: Role | null;
  completeness: CompletenessFilter | null;
  page: number;
}

export const adminKeys = {
  /** Every accounts list. */
  accounts: ["accounts"],
  accountList: (filters: AccountFilters) => ["accounts", "list", filters],
  /** Every directory list, and each person's page (features/person). */
  people: ["people"],
  peopleList: (filters: PeopleFilters) => ["people", "list", filters],
  person: (id: string) => ["people", "detail", id],
  /** The counts on the home page of admins and managers. */
  overview: ["overview"],
} as const;

/** The API's query: filters left empty are not sent. */
function query<T extends object>(filters: T): { [K in keyof T]: Exclude<T[K], null | ""> | undefined } {
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [key, value === null || value === "" ? undefined : value]),
  ) as never;
}

/** A page of accounts, searched and filtered. */
export function accountsQuery(filters: AccountFilters) {
  return queryOptions({
    queryKey: adminKeys.accountList(filters),
    queryFn: () => call(client.GET("/api/admin/accounts", { params: { query: { ...query(filters), pageSize: PAGE_SIZE } } })),
    // Keeps the previous page on screen while the next one loads, instead of flashing a loader.
    placeholderData: keepPreviousData,
  });
}

export function useAccounts(filters: AccountFilters) {
  return useQuery(accountsQuery(filters));
}

/** A page of the directory, searched and filtered, with the departments and sites to filter by. */
export function peopleQuery(filters: PeopleFilters) {
  return queryOptions({
    queryKey: adminKeys.peopleList(filters),
    queryFn: () => call(client.GET("/api/people", { params: { query: { ...query(filters), pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePeople(filters: PeopleFilters) {
  return useQuery(peopleQuery(filters));
}

/** The counts of people and accounts on the home page of admins and managers. */
export function overviewQuery() {
  return queryOptions({ queryKey: adminKeys.overview, queryFn: () => call(client.GET("/api/admin/overview")) });
}

/** Changes an account's roles or status; the lists and counts that show it refresh. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; roles?: Role[]; status?: "active" | "disabled" }) =>
      call(client.PATCH("/api/admin/accounts/{id}", { params: { path: { id } }, body })),
    onSuccess: () => {
      for (const queryKey of [adminKeys.accounts, adminKeys.people, adminKeys.overview]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

/** Sends the invitation again, with a new one-time link (the earlier links stop working); the link comes back only without an SMTP server. */
export function useNewInvitationLink() {
  return useMutation({
    mutationFn: (id: string) => call(client.POST("/api/admin/accounts/{id}/invitation", { params: { path: { id } } })),
  });
}
