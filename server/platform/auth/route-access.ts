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
  "POST /api/auth/forgot-password": "public",
  "POST /api/auth/reset-password": "public",
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
  "GET /api/self-assessment/scale": "authenticated",
  "GET /api/onboarding/modules": "authenticated",
  "GET /api/me/programmes/:id/onboarding": "authenticated",
  "POST /api/me/programmes/:id/charter": "authenticated",
  "GET /api/me/onboarding/modules/:moduleId": "authenticated",
  "POST /api/me/onboarding/modules/:moduleId": "authenticated",

  "GET /api/me/notifications": "authenticated",
  "POST /api/me/notifications/read": "authenticated",
  "GET /api/me/notification-preferences": "authenticated",
  "PUT /api/me/notification-preferences": "authenticated",
  // An email's unsubscribe link: the message id is the key (mail clients send no session); POST needs no CSRF token (auth-plugin.ts).
  "GET /api/mail/unsubscribe/:id": "public",
  "POST /api/mail/unsubscribe/:id": "public",
  // Programmes, pairs, proposals: finer rules (enrolled, one of the pair, the mentor of a proposal) in programmes.policy.ts,
  // pairs.policy.ts and proposals.domain.ts, applied by the use cases.
  "GET /api/programmes": "authenticated",
  "GET /api/programmes/:id": "authenticated",
  "POST /api/programmes/:id/apply": "authenticated",
  "POST /api/programmes/:id/respond": "authenticated",
  "GET /api/programmes/:id/mentors": "authenticated",
  "POST /api/programmes/:id/proposals": "authenticated",
  "GET /api/me/proposals": "authenticated",
  "POST /api/proposals/:id/accept": "authenticated",
  "POST /api/proposals/:id/decline": "authenticated",
  "POST /api/proposals/:id/withdraw": "authenticated",
  "GET /api/me/pairs": "authenticated",
  "GET /api/pairs/:id": "authenticated",
  "PUT /api/pairs/:id/intro": "authenticated",
  "GET /api/pairs/:id/intro-slots": "authenticated",
  "POST /api/pairs/:id/intro-answer": "authenticated",
  "POST /api/pairs/:id/end": "authenticated",
  "POST /api/pairs/:id/complete": "authenticated",
  // A pair's goals: its two people only (pairMember; who learns / who agrees / who signs off in server/modules/goals).
  "GET /api/pairs/:id/goals": "authenticated",
  "POST /api/pairs/:id/goals": "authenticated",
  "PATCH /api/goals/:id": "authenticated",
  "POST /api/goals/:id/agree": "authenticated",
  "POST /api/goals/:id/updates": "authenticated",
  "POST /api/goals/:id/sign-off": "authenticated",
  "GET /api/goal-templates": "authenticated",
  // A pair's sessions and agenda: its two people; the list also for managers (dates only). Rules in server/modules/sessions.
  "GET /api/pairs/:id/sessions": "authenticated",
  "POST /api/pairs/:id/sessions": "authenticated",
  "GET /api/pairs/:id/session-proposals": "authenticated",
  "GET /api/sessions/:id": "authenticated",
  "PATCH /api/sessions/:id": "authenticated",
  "POST /api/sessions/:id/cancel": "authenticated",
  "POST /api/sessions/:id/outcome": "authenticated",
  "POST /api/sessions/:id/agenda-items": "authenticated",
  "PATCH /api/agenda-items/:id": "authenticated",
  "DELETE /api/agenda-items/:id": "authenticated",
  // A pair's notes, journal, action items and resources: its two people only (pairMember in server/modules/sessions/notes).
  "GET /api/sessions/:id/notes": "authenticated",
  "PUT /api/sessions/:id/notes": "authenticated",
  "GET /api/pairs/:id/journal": "authenticated",
  "GET /api/pairs/:id/action-items": "authenticated",
  "POST /api/sessions/:id/action-items": "authenticated",
  "PATCH /api/action-items/:id": "authenticated",
  "DELETE /api/action-items/:id": "authenticated",
  "GET /api/pairs/:id/resources": "authenticated",
  "POST /api/pairs/:id/resources": "authenticated",
  "DELETE /api/resources/:id": "authenticated",
  // Calendars: a session's .ics for its two people (pairMember in server/modules/calendar); my subscription feed.
  "GET /api/sessions/:id/calendar.ics": "authenticated",
  "GET /api/me/calendar-feed": "authenticated",
  "POST /api/me/calendar-feed": "authenticated",
  "DELETE /api/me/calendar-feed": "authenticated",
  // A calendar subscription feed: calendar applications send no session; the secret token in the URL is the key (a GET: no CSRF).
  "GET /api/calendar/:token.ics": "public",

  // The glossary: everyone reads approved terms and proposes; managers review and edit (glossary.domain.ts: who sees a proposal).
  "GET /api/glossary": "authenticated",
  "GET /api/glossary/:id": "authenticated",
  "POST /api/glossary": "authenticated",
  "PATCH /api/glossary/:id": ["admin", "manager"],
  "POST /api/glossary/:id/approve": ["admin", "manager"],
  "POST /api/glossary/:id/reject": ["admin", "manager"],

  "GET /api/programme-templates": ["admin", "manager"],
  "POST /api/programmes": ["admin", "manager"],
  "PATCH /api/programmes/:id": ["admin", "manager"],
  "POST /api/programmes/:id/phase": ["admin", "manager"],
  "POST /api/programmes/:id/enrolments": ["admin", "manager"],
  "GET /api/programmes/:id/enrolments": ["admin", "manager"],
  "PATCH /api/programmes/:id/enrolments/:personId": ["admin", "manager"],
  "DELETE /api/programmes/:id/enrolments/:personId": ["admin", "manager"],
  "POST /api/programmes/:id/matching-runs": ["admin", "manager"],
  "GET /api/programmes/:id/matching-runs": ["admin", "manager"],
  "GET /api/programmes/:id/matching-runs/:runId": ["admin", "manager"],
  "POST /api/programmes/:id/matching-runs/:runId/swap": ["admin", "manager"],
  "POST /api/programmes/:id/matching-runs/:runId/publish": ["admin", "manager"],
  "GET /api/programmes/:id/publish-preview": ["admin", "manager"],
  "GET /api/programmes/:id/constraints": ["admin", "manager"],
  "PUT /api/programmes/:id/constraints": ["admin", "manager"],
  "DELETE /api/programmes/:id/constraints/:mentorId/:menteeId": ["admin", "manager"],
  "GET /api/programmes/:id/pairs": ["admin", "manager"],
  "POST /api/programmes/:id/pairs": ["admin", "manager"],
  "GET /api/programmes/:id/pairs/:pairId": ["admin", "manager"],
  "GET /api/programmes/:id/pairs/:pairId/rematch-options": ["admin", "manager"],
  "GET /api/admin/overview": ["admin", "manager"],
  "POST /api/admin/invitations": ["admin", "manager"],
  "POST /api/admin/accounts/:id/invitation": ["admin", "manager"],
  // A manager invites participants only (assertMayGrant); managers and admins follow any batch.
  "POST /api/invitation-batches/preview": ["admin", "manager"],
  "POST /api/invitation-batches": ["admin", "manager"],
  "GET /api/invitation-batches/:id": ["admin", "manager"],
  "GET /api/admin/accounts": ["admin"],
  "PATCH /api/admin/accounts/:id": ["admin"],
  "GET /api/people": ["admin", "manager"],
  "GET /api/people/:id": ["admin", "manager"],
  "GET /api/programmes/:id/onboarding": ["admin", "manager"],
  "POST /api/admin/skills": ["admin"],
  "PATCH /api/admin/skills/:id": ["admin"],
  "DELETE /api/admin/skills/:id": ["admin"],
  "POST /api/people/imports": ["admin", "manager"],
  "POST /api/people/imports/:id/apply": ["admin", "manager"],
  "GET /api/people/imports": ["admin", "manager"],
  "GET /api/people/imports/:id": ["admin", "manager"],
  // The outbox shows everyone's emails (invitation links included): administrators only.
  "GET /api/admin/mail": ["admin"],
  "GET /api/admin/mail/settings": ["admin"],
  "GET /api/admin/mail/:id": ["admin"],
  "POST /api/admin/mail/:id/retry": ["admin"],
  "GET /api/admin/jobs/failed": ["admin"],
};

/** Routes outside the API (the web app's files, the OpenAPI UI) are public by nature. */
export function isApiRoute(url: string): boolean {
  return (url === "/healthz" || url.startsWith("/api/")) && !url.startsWith("/api/docs");
}
