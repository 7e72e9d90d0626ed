import type { Role } from "../../../contracts/accounts.ts";

/**
 * A manager of programmes: an account with the admin or manager role (route-access.ts gives them the
 * managers' routes; the contexts' policies let them see and act on every programme and pair).
 */
export function isManager(user: { roles: readonly Role[] }): boolean {
  return user.roles.includes("admin") || user.roles.includes("manager");
}
