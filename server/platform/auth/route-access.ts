import type { Role } from "../../../contracts/accounts.ts";

/**
 * Who may call what: the one place to audit access. Every route under /api (and /healthz) must have
 * an entry here, or the app refuses to start (deny by default, enforced in auth-plugin.ts).
 * - "public": anyone, logged in or not;
 * - "authenticated": any logged-in account;
 * - a list of roles: a logged-in account holding at least one of them.
 * Finer rules (e.g. a manager may only invite participants) live in the use case and are tested.
 */
export type Access = "public" | "authenticated" | readonly Role[];

export const ROUTE_ACCESS: Record<string, Access> = {
  "GET /healthz": "public",
  "GET /api/openapi.json": "public",
  "GET /api/csrf-token": "public",
  "GET /api/setup/status": "public",
  "POST /api/setup": "public",
  "POST /api/auth/login": "public",
  "GET /api/invitations/:token": "public",
  "POST /api/invitations/:token/accept": "public",

  "POST /api/auth/logout": "authenticated",
  "GET /api/me": "authenticated",
  "PATCH /api/me": "authenticated",
  "POST /api/me/password": "authenticated",
  "GET /api/me/profile": "authenticated",
  "PUT /api/me/profile": "authenticated",
  "GET /api/me/self-assessments": "authenticated",
  "POST /api/me/self-assessments": "authenticated",
  "GET /api/skills": "authenticated",
  "GET /api/skills/search": "authenticated",

  "GET /api/admin/overview": ["admin", "manager"],
  "POST /api/admin/invitations": ["admin", "manager"],
  "POST /api/admin/accounts/:id/invitation": ["admin", "manager"],
  "GET /api/admin/accounts": ["admin"],
  "PATCH /api/admin/accounts/:id": ["admin"],
  "GET /api/people": ["admin", "manager"],
  "GET /api/people/:id": ["admin", "manager"],
  "POST /api/admin/skills": ["admin"],
  "PATCH /api/admin/skills/:id": ["admin"],
  "DELETE /api/admin/skills/:id": ["admin"],
  "POST /api/people/imports": ["admin", "manager"],
  "POST /api/people/imports/:id/apply": ["admin", "manager"],
  "GET /api/people/imports/:id": ["admin", "manager"],
};

/** Routes outside the API (the web app's files, the OpenAPI UI) are public by nature. */
export function isApiRoute(url: string): boolean {
  return (url === "/healthz" || url.startsWith("/api/")) && !url.startsWith("/api/docs");
}
