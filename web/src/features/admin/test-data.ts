/** Accounts and people as the API sends them, for the admin feature's tests. */
import type { Account, Me } from "../../../../contracts/accounts.ts";
import type { Person } from "../../../../contracts/people.ts";

export function anAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: "00000000-0000-4000-8000-00000000a001",
    email: "lea.martin@exemple.fr",
    displayName: "Léa Martin",
    roles: ["participant"],
    status: "active",
    locale: "fr",
    createdAt: "2026-01-05T09:00:00.000Z",
    lastLoginAt: null,
    department: "Finance",
    jobTitle: "Contrôleuse de gestion",
    ...overrides,
  };
}

export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: "00000000-0000-4000-8000-00000000b001",
    employeeId: "M000001",
    firstName: "Martine",
    lastName: "Lecœur",
    email: "martine.lecoeur@exemple.fr",
    department: "Ventes",
    site: "Lyon",
    jobTitle: "Directrice commerciale",
    managerName: null,
    hireYear: 1998,
    isActive: true,
    profileCompleteness: 60,
    account: null,
    ...overrides,
  };
}

export function aUser(overrides: Partial<Me> = {}): Me {
  return {
    id: "00000000-0000-4000-8000-00000000c001",
    email: "karima.benaissa@exemple.fr",
    displayName: "Karima Benaïssa",
    locale: "fr",
    roles: ["admin"],
    ...overrides,
  };
}

/** A page of a list as the API answers it. */
export function aPage<T>(items: T[], total = items.length) {
  return { items, total, page: 1, pageSize: 25 };
}
