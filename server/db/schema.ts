/**
 * The one drizzle schema of Passerelle, one file per context under ./schema/: a table lives in the
 * file of the module whose repositories write it (schema/pairs.ts ↔ server/modules/pairs),
 * or of the platform folder that does (schema/auth.ts ↔ server/platform/auth): scripts/check-boundaries.ts
 * refuses a write to it from anywhere else.
 * `npm run db:generate` turns changes there into a new SQL migration in ./migrations, applied at
 * start on PGlite and on PostgreSQL alike. Lists of values (statuses, phases…) and the types of
 * jsonb columns come from contracts/.
 * Privacy: no date of birth or age is ever stored (see ../../docs/ARCHITECTURE.md).
 */
export * from "./schema/accounts.ts";
export * from "./schema/auth.ts";
export * from "./schema/calendar.ts";
export * from "./schema/glossary.ts";
export * from "./schema/goals.ts";
export * from "./schema/mail.ts";
export * from "./schema/notifications.ts";
export * from "./schema/onboarding.ts";
export * from "./schema/pairs.ts";
export * from "./schema/people.ts";
export * from "./schema/profiles.ts";
export * from "./schema/programmes.ts";
export * from "./schema/proposals.ts";
export * from "./schema/sessions.ts";
export * from "./schema/skills.ts";
export * from "./schema/system.ts";
