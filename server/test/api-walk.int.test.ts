/**
 * Authorisation walk: every operation of /api/openapi.json, as anonymous, a participant of another
 * programme, a participant of another pair of the same programme, the participant who owns the
 * objects in the URL, a manager and an admin (server/test/api-world.ts builds what they reach for).
 *
 * The table below says, per operation and identity, what must happen. A new route fails the walk
 * until it is added here; an operation the document no longer has fails it too. For each request:
 * never a 5xx; refusals are 401 (anonymous) or 403/404 (someone else's object), in the error
 * envelope, and write nothing (digest of every table); no answer to someone else carries the
 * owner's private texts or the ids of what they may not know of.
 */

import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildWorld,
  EMAIL_OF,
  IDENTITIES,
  type Identity,
  SECRET_ACTION_ITEM,
  SECRET_AGENDA_ITEM,
  SECRET_GOAL_STATEMENT,
  SECRET_GOALS,
  SECRET_JOURNAL,
  SECRET_NOTES,
  SECRET_REFLECTION,
  SECRET_RESOURCE_URL,
  type World,
} from "./api-world.ts";
import {
  ApiClient,
  type ApiRequest,
  changedTables,
  databaseDigest,
  envelopeProblem,
  fillPath,
  loadOperations,
  type Method,
  type Operation,
} from "./openapi-operations.ts";
import { createTestApp, TEST_PASSWORD, type TestContext } from "./test-app.ts";

/**
 * - "2xx": must succeed;
 * - "ok": allowed — 2xx, or a business refusal (400, 404, 409) of a request that may no longer fit the state;
 * - 401 / 403 / 404: exactly that refusal; "denied": 403 or 404 (someone else's object);
 * - a list: one of these statuses.
 */
type Expected = "2xx" | "ok" | "denied" | 401 | 403 | 404 | readonly number[];
type Expectations = Record<Identity, Expected>;

type Case = {
  /** "METHOD /api/path/:param", as in route-access.ts. */
  op: string;
  /** Which object the URL names, when an operation is walked with several. */
  with?: string;
  params?: (w: World, who: Identity) => Record<string, string>;
  query?: Record<string, string> | ((w: World, who: Identity) => Record<string, string>);
  body?: (w: World, who: Identity) => unknown;
  raw?: { body: string; contentType: string };
  /** Runs on a session of its own (it logs in or out, or takes a session). */
  isSessionChanging?: boolean;
  expect: Expectations;
  /** Waits for work the request started after answering (the import's apply). */
  settle?: (ctx: TestContext, w: World, response: LightMyRequestResponse) => Promise<void>;
  /** A check of its own after the request: what is wrong, or null. */
  verify?: (ctx: TestContext, w: World, who: Identity) => Promise<string | null>;
};

const everyone = (e: Expected): Expectations => ({
  anonymous: e,
  otherProgramme: e,
  otherPair: e,
  participant: e,
  manager: e,
  admin: e,
});
/** Any logged-in account; anonymous gets 401. */
const loggedIn = (e: Expected): Expectations => ({ ...everyone(e), anonymous: 401 });
/** Managers and admins (route-access ["admin","manager"]): participants get 403. */
const managers = (e: Expected): Expectations => ({
  anonymous: 401,
  otherProgramme: 403,
  otherPair: 403,
  participant: 403,
  manager: e,
  admin: e,
});
const adminOnly = (e: Expected): Expectations => ({ ...managers(403), admin: e });
/** One of the pair (the participant) may; the others of the world may not know it exists. */
const pairMember = (participant: Expected, managersToo: Expected): Expectations => ({
  anonymous: 401,
  otherProgramme: 404,
  otherPair: 404,
  participant,
  manager: managersToo,
  admin: managersToo,
});

const x = (w: World) => ({ id: w.programmes.x });
const d = (w: World) => ({ id: w.programmes.d });

const CASES: Case[] = [
  { op: "GET /healthz", expect: everyone("2xx") },
  { op: "GET /api/openapi.json", expect: everyone("2xx") },
  { op: "GET /api/csrf-token", expect: everyone("2xx") },
  { op: "GET /api/setup/status", expect: everyone("2xx") },
  {
    op: "POST /api/setup",
    body: () => ({
      token: "un-jeton-inventé",
      displayName: "Intruse",
      email: "intruse@exemple.fr",
      password: "une phrase de passe solide",
    }),
    isSessionChanging: true,
    expect: everyone([409]),
  },
  {
    op: "POST /api/auth/login",
    body: (_w, who) => ({ email: who === "anonymous" ? EMAIL_OF.participant : EMAIL_OF[who], password: TEST_PASSWORD }),
    isSessionChanging: true,
    expect: everyone("2xx"),
  },
  { op: "POST /api/auth/logout", isSessionChanging: true, expect: loggedIn("2xx") },
  { op: "GET /api/me", expect: loggedIn("2xx") },
  { op: "PATCH /api/me", body: () => ({ displayName: "Nom changé" }), expect: loggedIn("2xx") },
  {
    op: "POST /api/me/password",
    body: () => ({ currentPassword: "pas le bon mot de passe", newPassword: "une autre phrase de passe" }),
    expect: loggedIn([400]),
  },
  // "Forgot your password?": the same answer for any address (the job does the rest); a made-up link is refused, writing nothing.
  { op: "POST /api/auth/forgot-password", body: () => ({ email: "personne@exemple.fr" }), expect: everyone("2xx") },
  {
    op: "POST /api/auth/reset-password",
    body: () => ({ token: "un-lien-inventé", password: "une phrase de passe solide" }),
    expect: everyone([410]),
  },
  // The token is the secret: whoever holds the link may see whom it is for and accept it.
  { op: "GET /api/invitations/:token", params: (w) => ({ token: w.invitationToken }), expect: everyone("2xx") },
  {
    op: "POST /api/invitations/:token/accept",
    params: (w, who) => ({ token: w.acceptTokens[who] }),
    body: () => ({ password: "une phrase de passe solide" }),
    isSessionChanging: true,
    expect: everyone("2xx"),
  },

  { op: "GET /api/admin/overview", expect: managers("2xx") },
  {
    op: "POST /api/admin/invitations",
    body: (_w, who) => ({ email: `walk-${who.toLowerCase()}@exemple.fr`, displayName: "Nouvelle", roles: ["participant"] }),
    expect: managers("2xx"),
  },
  {
    op: "POST /api/admin/invitations",
    with: "an administrator's role",
    body: (_w, who) => ({ email: `walk-admin-${who.toLowerCase()}@exemple.fr`, displayName: "Nouvelle admin", roles: ["admin"] }),
    expect: { ...managers("2xx"), manager: 403 },
  },
  {
    op: "POST /api/admin/invitations",
    with: "the email of a pending administrator invitation",
    body: () => ({ email: "future-admin-2@exemple.fr", displayName: "Prise de contrôle", roles: ["participant"] }),
    expect: { ...managers("ok"), manager: [403, 409] },
  },
  {
    op: "POST /api/admin/accounts/:id/invitation",
    params: (w) => ({ id: w.accounts.invitedParticipant }),
    expect: managers("2xx"),
  },
  {
    op: "POST /api/admin/accounts/:id/invitation",
    with: "a pending administrator",
    params: (w) => ({ id: w.accounts.invitedAdmin }),
    expect: { ...managers("2xx"), manager: 403 },
  },
  {
    op: "POST /api/invitation-batches/preview",
    body: (w) => ({ source: { kind: "programme", programmeId: w.programmes.x } }),
    expect: managers("2xx"),
  },
  {
    op: "POST /api/invitation-batches",
    body: () => ({ source: { kind: "directory", filters: { q: "personne-inconnue-de-l-annuaire" } } }),
    expect: managers("2xx"),
  },
  {
    op: "POST /api/invitation-batches",
    with: "a manager's role",
    body: () => ({ source: { kind: "directory", filters: { q: "personne-inconnue-de-l-annuaire" } }, role: "manager" }),
    expect: { ...managers("2xx"), manager: 403 },
  },
  // Managers and admins follow any batch; this one does not exist.
  { op: "GET /api/invitation-batches/:id", params: () => ({ id: "00000000-0000-4000-8000-00000000b001" }), expect: managers(404) },
  { op: "GET /api/admin/accounts", expect: adminOnly("2xx") },
  {
    op: "PATCH /api/admin/accounts/:id",
    params: (w) => ({ id: w.accounts.participant }),
    body: () => ({ roles: ["participant"] }),
    expect: adminOnly("2xx"),
  },

  { op: "GET /api/people", expect: managers("2xx") },
  { op: "GET /api/people/imports", expect: managers("2xx") },
  {
    op: "POST /api/people/imports",
    query: { fileName: "walk.csv" },
    raw: { body: "Matricule;Nom;Prénom;Email\r\nW000009;Roux;Léa;lea.roux@exemple.fr\r\n", contentType: "text/csv" },
    expect: managers("2xx"),
  },
  {
    // The admin's import: managers share the directory's imports.
    op: "POST /api/people/imports/:id/apply",
    params: (w) => ({ id: w.importId }),
    // Its 202 claims the import and queues its job, in the request's transaction: the job runs only with runJobs().
    expect: managers("ok"),
  },
  { op: "GET /api/people/imports/:id", params: (w) => ({ id: w.importId }), expect: managers("2xx") },
  { op: "GET /api/people/:id", params: (w) => ({ id: w.people.bernard as string }), expect: managers("2xx") },

  // The outbox: administrators only (an unknown message id: 404 for them; mail.routes.int.test.ts reads and retries real ones).
  { op: "GET /api/admin/mail", query: { to: "bernard@exemple.fr" }, expect: adminOnly("2xx") },
  { op: "GET /api/admin/mail/settings", expect: adminOnly("2xx") },
  { op: "GET /api/admin/mail/:id", params: () => ({ id: "00000000-0000-4000-8000-000000000000" }), expect: adminOnly([404]) },
  {
    op: "POST /api/admin/mail/:id/retry",
    params: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    body: () => ({}),
    expect: adminOnly([404]),
  },
  { op: "GET /api/admin/jobs/failed", expect: adminOnly("2xx") },

  { op: "GET /api/skills", expect: loggedIn("2xx") },
  { op: "GET /api/skills/search", query: { q: "excel" }, expect: loggedIn("2xx") },
  { op: "GET /api/self-assessment/scale", expect: loggedIn("2xx") },

  // The glossary: Bernard's proposed term is his and the managers' until a manager approves it (then everyone's).
  { op: "GET /api/glossary", query: { q: "crud" }, expect: loggedIn("2xx") },
  { op: "GET /api/glossary", with: "the terms waiting for review", query: { status: "proposed" }, expect: loggedIn("2xx") },
  {
    op: "GET /api/glossary/:id",
    params: (w) => ({ id: w.glossaryTerm }),
    expect: { anonymous: 401, otherProgramme: 404, otherPair: 404, participant: "2xx", manager: "2xx", admin: "2xx" },
  },
  {
    op: "POST /api/glossary",
    body: (_w, who) => ({ term: `Terme de ${who}`, definition: { fr: "Une définition.", en: "A definition." } }),
    expect: loggedIn("2xx"),
  },
  {
    op: "PATCH /api/glossary/:id",
    params: (w) => ({ id: w.glossaryTerm }),
    body: () => ({ example: { fr: "Un exemple.", en: "An example." } }),
    expect: managers("2xx"),
  },
  { op: "POST /api/glossary/:id/approve", params: (w) => ({ id: w.glossaryTerm }), expect: managers("2xx") },
  { op: "POST /api/glossary/:id/reject", params: (w) => ({ id: w.glossaryTerm }), expect: managers("2xx") },
  {
    op: "POST /api/admin/skills",
    body: (_w, who) => ({ categoryId: "essentials", label: { fr: `Outil ${who}`, en: `Tool ${who}` } }),
    expect: adminOnly("2xx"),
  },
  { op: "PATCH /api/admin/skills/:id", params: (w) => ({ id: w.skillId }), body: () => ({ isArchived: false }), expect: adminOnly("2xx") },
  { op: "DELETE /api/admin/skills/:id", params: (w) => ({ id: w.skillId }), expect: adminOnly("2xx") },

  { op: "GET /api/me/profile", expect: loggedIn("2xx") },
  {
    op: "PUT /api/me/profile",
    body: () => ({
      teach: [],
      learn: [{ skillId: "prompting", priority: 1 }],
      offer: ["leadership"],
      interests: [],
      availability: ["tue:lunch"],
      format: "both",
      languages: ["fr"],
      mentorCapacity: 1,
      hopes: "Apprendre",
    }),
    expect: loggedIn("2xx"),
  },
  { op: "GET /api/me/self-assessments", expect: loggedIn("2xx") },
  { op: "POST /api/me/self-assessments", body: () => ({ answers: [{ skillId: "prompting", level: 2 }] }), expect: loggedIn("2xx") },

  { op: "GET /api/me/notifications", expect: loggedIn("2xx") },
  // Someone else's notification ids: accepted, but only one's own are marked read.
  {
    op: "POST /api/me/notifications/read",
    body: (w, who) => ({ ids: who === "participant" ? [] : w.notifications }),
    expect: loggedIn("2xx"),
    verify: async (ctx, w) => {
      const { rows } = (await ctx.database.db.execute(
        `select count(*)::int as n from notifications where read_at is not null and id in (${w.notifications.map((id) => `'${id}'`).join(",")})`,
      )) as unknown as { rows: { n: number }[] };
      return rows[0]?.n ? `${rows[0].n} of Bernard's notifications were marked read by someone else` : null;
    },
  },
  // My preferences only (the URL names no one), for kinds that concern me (the managers' kinds to the manager).
  { op: "GET /api/me/notification-preferences", expect: loggedIn("2xx") },
  {
    op: "PUT /api/me/notification-preferences",
    body: (_w, who) => ({ items: [{ kind: who === "manager" ? "managers_pair_formed" : "pair_active", channel: "digest" }] }),
    expect: loggedIn("2xx"),
  },
  // An email's unsubscribe link, public: a message id that does not exist is a 404 for everyone.
  { op: "GET /api/mail/unsubscribe/:id", params: () => ({ id: "6f1c1c4e-2f0b-4b8e-9d55-0e0c9a4f1b2a" }), expect: everyone(404) },
  { op: "POST /api/mail/unsubscribe/:id", params: () => ({ id: "6f1c1c4e-2f0b-4b8e-9d55-0e0c9a4f1b2a" }), expect: everyone(404) },

  { op: "GET /api/programme-templates", expect: managers("2xx") },
  { op: "GET /api/programmes", expect: loggedIn("2xx") },
  {
    op: "POST /api/programmes",
    body: () => ({
      templateId: null,
      name: "Programme du parcours",
      objectives: "Essayer",
      startsOn: "2026-03-09",
      endsOn: "2026-09-09",
      cadenceWeeks: 2,
      sessionMinutes: 45,
      format: "both",
      isPilot: false,
      targetPairs: null,
      charterFr: "Charte",
      charterEn: "Charter",
      matchingSettings: {
        weights: { teaching: 0.4, reciprocity: 0.2, interests: 0.1, availability: 0.15, format: 0.1, language: 0.05 },
        minScore: 0.3,
        defaultCapacity: 1,
        forbidSameTeam: false,
        managementChainDepth: null,
      },
      allowsProposals: true,
      proposalExpiryDays: 14,
      requiresOnboarding: false,
    }),
    expect: managers("2xx"),
  },
  {
    op: "GET /api/programmes/:id",
    params: x,
    expect: { ...loggedIn("2xx"), otherProgramme: 404 },
  },
  {
    op: "GET /api/programmes/:id",
    with: "a draft programme the participant is enrolled in",
    params: d,
    expect: { ...managers("2xx"), otherProgramme: 404, otherPair: 404, participant: 404 },
  },
  { op: "PATCH /api/programmes/:id", params: x, body: () => ({ objectives: "Objectifs revus" }), expect: managers("2xx") },
  {
    // Programme P (enrolment → matching): the draft stays a draft for the cases below.
    op: "POST /api/programmes/:id/phase",
    params: (w) => ({ id: w.programmes.p }),
    body: () => ({ phase: "matching" }),
    expect: managers("ok"),
  },
  {
    op: "POST /api/programmes/:id/enrolments",
    params: x,
    body: () => ({ role: "mentee", employeeIds: ["odile"] }),
    expect: managers("2xx"),
  },
  { op: "GET /api/programmes/:id/enrolments", params: x, expect: managers("2xx") },
  {
    op: "PATCH /api/programmes/:id/enrolments/:personId",
    params: (w) => ({ id: w.programmes.x, personId: w.people.odile as string }),
    body: () => ({ isSetAside: false }),
    expect: managers("2xx"),
  },
  {
    op: "DELETE /api/programmes/:id/enrolments/:personId",
    params: (w) => ({ id: w.programmes.x, personId: w.people.odile as string }),
    expect: managers("ok"),
  },
  {
    // Apply is for programmes open for enrolment; one a participant may not see must stay unseen (404, not 409).
    op: "POST /api/programmes/:id/apply",
    params: x,
    body: () => ({ role: "mentee" }),
    expect: { ...loggedIn("ok"), otherProgramme: 404 },
  },
  {
    op: "POST /api/programmes/:id/apply",
    with: "a draft programme",
    params: d,
    body: () => ({ role: "mentee" }),
    expect: { ...loggedIn("ok"), otherProgramme: 404, otherPair: 404, participant: 404 },
  },
  {
    op: "POST /api/programmes/:id/respond",
    params: x,
    body: () => ({ accept: true }),
    expect: { ...loggedIn("ok"), otherProgramme: 404, manager: "denied", admin: "denied" },
  },
  {
    op: "POST /api/programmes/:id/respond",
    with: "a draft programme the participant is enrolled in",
    params: d,
    body: () => ({ accept: true }),
    expect: { ...loggedIn("denied"), otherProgramme: 404, otherPair: 404, participant: 404 },
  },
  { op: "POST /api/programmes/:id/matching-runs", params: x, body: () => ({}), expect: managers("2xx") },
  { op: "GET /api/programmes/:id/matching-runs", params: x, expect: managers("2xx") },
  {
    op: "GET /api/programmes/:id/matching-runs/:runId",
    params: (w) => ({ id: w.programmes.x, runId: w.run }),
    expect: managers("2xx"),
  },
  {
    op: "POST /api/programmes/:id/matching-runs/:runId/swap",
    params: (w) => ({ id: w.programmes.x, runId: w.run }),
    body: (w) => ({ menteeA: w.people.bernard, menteeB: w.people.gerard }),
    expect: managers("ok"),
  },
  {
    op: "POST /api/programmes/:id/matching-runs/:runId/publish",
    params: (w) => ({ id: w.programmes.x, runId: w.run }),
    body: () => ({}),
    expect: managers("ok"),
  },
  { op: "GET /api/programmes/:id/publish-preview", params: x, expect: managers("2xx") },
  { op: "GET /api/programmes/:id/constraints", params: x, expect: managers("2xx") },
  {
    op: "PUT /api/programmes/:id/constraints",
    params: x,
    body: (w) => ({ mentorId: w.people.chloe, menteeId: w.people.bernard, kind: "forbid" }),
    expect: managers("2xx"),
  },
  {
    op: "DELETE /api/programmes/:id/constraints/:mentorId/:menteeId",
    params: (w) => ({ id: w.programmes.x, mentorId: w.people.marc as string, menteeId: w.people.odile as string }),
    expect: managers("ok"),
  },
  { op: "GET /api/programmes/:id/pairs", params: x, expect: managers("2xx") },
  // The managers' view of one pair (counts and dates, never its texts), who may be paired again, a pair formed by hand.
  {
    op: "GET /api/programmes/:id/pairs/:pairId",
    params: (w) => ({ id: w.programmes.x, pairId: w.pairs.x }),
    expect: managers("2xx"),
  },
  {
    op: "GET /api/programmes/:id/pairs/:pairId/rematch-options",
    params: (w) => ({ id: w.programmes.x, pairId: w.pairs.x }),
    query: (w) => ({ person: w.people.bernard as string }),
    expect: managers("2xx"),
  },
  {
    op: "POST /api/programmes/:id/pairs",
    params: x,
    body: (w) => ({ mentorId: w.people.marc, menteeId: w.people.odile }),
    expect: managers("ok"),
  },
  { op: "GET /api/programmes/:id/onboarding", params: x, expect: managers("2xx") },

  // A pair's goals: its two people only (managers get counts on the programme's pairs). Before the pair rows below,
  // which end pair X. Bernard wrote his goal and learns it: agreeing and signing off are his partner's part (403).
  { op: "GET /api/pairs/:id/goals", params: (w) => ({ id: w.pairs.x }), expect: pairMember("2xx", 403) },
  {
    op: "POST /api/pairs/:id/goals",
    params: (w) => ({ id: w.pairs.x }),
    body: () => ({
      learnerRole: "mentor",
      skillIds: ["leadership"],
      statement: "Animer une réunion d’équipe",
      target: "2 réunions animées",
      dueOn: "2026-06-15",
    }),
    expect: pairMember("2xx", 403),
  },
  {
    op: "PATCH /api/goals/:id",
    params: (w) => ({ id: w.goal }),
    body: () => ({ target: "12 tâches faites avec l’IA" }),
    expect: pairMember("2xx", 403),
  },
  { op: "POST /api/goals/:id/agree", params: (w) => ({ id: w.goal }), body: () => ({}), expect: pairMember(403, 403) },
  {
    op: "POST /api/goals/:id/updates",
    params: (w) => ({ id: w.goal }),
    body: () => ({ status: "in_progress", note: "Premiers essais" }),
    expect: pairMember("2xx", 403),
  },
  { op: "POST /api/goals/:id/sign-off", params: (w) => ({ id: w.goal }), body: () => ({}), expect: pairMember(403, 403) },
  { op: "GET /api/goal-templates", query: { skillId: "prompting" }, expect: loggedIn("2xx") },

  // A pair's sessions and agenda (server/modules/sessions): its two people; the list is also the managers' (dates and
  // statuses only). Pair X is at its intro coffee: scheduling, proposals and moves answer Bernard 409 (sessions not open);
  // the agenda of a scheduled session still takes items. Bernard deletes his item, so later identities may get 404.
  { op: "GET /api/pairs/:id/sessions", params: (w) => ({ id: w.pairs.x }), expect: pairMember("2xx", "2xx") },
  {
    op: "POST /api/pairs/:id/sessions",
    params: (w) => ({ id: w.pairs.x }),
    body: () => ({ startsAt: "2026-04-14T12:30:00+02:00", mode: "online", location: "https://visio.example.com/parcours" }),
    expect: pairMember([409], 403),
  },
  { op: "GET /api/pairs/:id/session-proposals", params: (w) => ({ id: w.pairs.x }), expect: pairMember([409], 403) },
  { op: "GET /api/sessions/:id", params: (w) => ({ id: w.session }), expect: pairMember("2xx", 403) },
  {
    op: "POST /api/sessions/:id/agenda-items",
    params: (w) => ({ id: w.session }),
    body: () => ({ kind: "question", text: "Question du parcours" }),
    expect: pairMember("2xx", 403),
  },
  {
    op: "PATCH /api/agenda-items/:id",
    params: (w) => ({ id: w.agendaItem }),
    body: () => ({ kind: "question" }),
    expect: pairMember("2xx", "denied"),
  },
  { op: "DELETE /api/agenda-items/:id", params: (w) => ({ id: w.agendaItem }), expect: pairMember("2xx", "denied") },
  { op: "PATCH /api/sessions/:id", params: (w) => ({ id: w.session }), body: () => ({ minutes: 30 }), expect: pairMember([409], 403) },
  {
    op: "POST /api/sessions/:id/outcome",
    params: (w) => ({ id: w.session }),
    body: () => ({ status: "held" }),
    expect: pairMember([409], 403),
  },
  {
    op: "POST /api/sessions/:id/cancel",
    params: (w) => ({ id: w.sessionToCancel }),
    body: () => ({ reason: "Un empêchement" }),
    expect: pairMember("2xx", 403),
  },

  // Notes, journal, action items, resources (server/modules/sessions/notes): the pair's two people only — a manager
  // gets 403, never a word of them. Bernard deletes the "to delete" ones, so that later identities meet the others.
  { op: "GET /api/sessions/:id/notes", params: (w) => ({ id: w.heldSession }), expect: pairMember("2xx", 403) },
  {
    op: "PUT /api/sessions/:id/notes",
    params: (w) => ({ id: w.heldSession }),
    body: (_w, who) =>
      who === "participant"
        ? { notes: SECRET_NOTES, journal: SECRET_JOURNAL, isShared: false }
        : { notes: "Mes notes", journal: "Mon journal", isShared: true },
    expect: pairMember("2xx", 403),
  },
  { op: "GET /api/pairs/:id/journal", params: (w) => ({ id: w.pairs.x }), expect: pairMember("2xx", 403) },
  { op: "GET /api/pairs/:id/action-items", params: (w) => ({ id: w.pairs.x }), query: { open: "true" }, expect: pairMember("2xx", 403) },
  {
    op: "POST /api/sessions/:id/action-items",
    params: (w) => ({ id: w.heldSession }),
    body: (w) => ({ text: "Action du parcours", ownerPersonId: w.people.bernard, dueOn: "2026-03-20" }),
    expect: pairMember("2xx", 403),
  },
  {
    op: "PATCH /api/action-items/:id",
    params: (w) => ({ id: w.actionItem }),
    body: () => ({ isDone: true }),
    expect: pairMember("2xx", 403),
  },
  {
    op: "DELETE /api/action-items/:id",
    params: (w, who) => ({ id: who === "participant" ? w.actionItemToDelete : w.actionItem }),
    expect: pairMember("2xx", 403),
  },
  { op: "GET /api/pairs/:id/resources", params: (w) => ({ id: w.pairs.x }), expect: pairMember("2xx", 403) },
  {
    op: "POST /api/pairs/:id/resources",
    params: (w) => ({ id: w.pairs.x }),
    body: () => ({ title: "Ressource du parcours", url: "https://exemple.fr/parcours" }),
    expect: pairMember("2xx", 403),
  },
  {
    op: "DELETE /api/resources/:id",
    params: (w, who) => ({ id: who === "participant" ? w.resourceToDelete : w.resource }),
    expect: pairMember("2xx", 403),
  },

  { op: "GET /api/me/pairs", expect: loggedIn("2xx") },
  // Managers use the programme's pair list: GET /api/pairs/:id is for the pair's two people.
  { op: "GET /api/pairs/:id", params: (w) => ({ id: w.pairs.x }), expect: pairMember("2xx", 404) },
  {
    op: "PUT /api/pairs/:id/intro",
    params: (w) => ({ id: w.pairs.x }),
    body: () => ({ at: "2026-04-02T12:30:00+02:00", place: "Café du 3e" }),
    expect: pairMember("2xx", 403),
  },
  // Times proposed for the intro coffee: the pair's two people only (a manager: 403).
  { op: "GET /api/pairs/:id/intro-slots", params: (w) => ({ id: w.pairs.x }), expect: pairMember("2xx", 403) },
  {
    op: "POST /api/pairs/:id/intro-answer",
    params: (w) => ({ id: w.pairs.x }),
    body: () => ({ isFit: true }),
    expect: pairMember("2xx", 403),
  },
  {
    op: "POST /api/pairs/:id/end",
    params: (w) => ({ id: w.pairs.x }),
    body: () => ({ reason: "no_time" }),
    expect: pairMember("ok", "ok"),
  },
  { op: "POST /api/pairs/:id/complete", params: (w) => ({ id: w.pairs.x }), body: () => ({}), expect: pairMember("ok", "ok") },

  {
    op: "GET /api/programmes/:id/mentors",
    params: x,
    expect: { ...loggedIn("ok"), otherProgramme: 404, manager: "denied", admin: "denied" },
  },
  {
    op: "GET /api/programmes/:id/mentors",
    with: "a draft programme the participant is enrolled in",
    params: d,
    expect: { ...loggedIn("denied"), otherProgramme: 404, otherPair: 404, participant: 404 },
  },
  {
    op: "POST /api/programmes/:id/proposals",
    params: (w) => ({ id: w.programmes.p }),
    body: (w) => ({ mentorId: w.people.marc, goals: "Apprendre", offer: "Mon réseau" }),
    expect: { ...loggedIn("denied"), participant: "ok" },
  },
  {
    op: "POST /api/programmes/:id/proposals",
    with: "a draft programme the participant is enrolled in",
    params: d,
    body: (w) => ({ mentorId: w.people.marc, goals: "Apprendre", offer: "Mon réseau" }),
    expect: { ...loggedIn("denied"), participant: 404 },
  },
  { op: "GET /api/me/proposals", expect: loggedIn("2xx") },
  // Bernard's proposal to Marc: only Marc may accept or decline; Bernard may withdraw it.
  {
    op: "POST /api/proposals/:id/accept",
    params: (w) => ({ id: w.proposal }),
    body: () => ({}),
    expect: { ...loggedIn("denied"), participant: 403 },
  },
  {
    op: "POST /api/proposals/:id/decline",
    params: (w) => ({ id: w.proposal }),
    body: () => ({}),
    expect: { ...loggedIn("denied"), participant: 403 },
  },
  {
    op: "POST /api/proposals/:id/withdraw",
    params: (w) => ({ id: w.proposal }),
    body: () => ({}),
    expect: { ...loggedIn("denied"), participant: "2xx" },
  },

  { op: "GET /api/onboarding/modules", expect: loggedIn("2xx") },
  {
    op: "GET /api/me/programmes/:id/onboarding",
    params: x,
    expect: { ...loggedIn("2xx"), otherProgramme: 404, manager: 404, admin: 404 },
  },
  {
    op: "GET /api/me/programmes/:id/onboarding",
    with: "a draft programme the participant is enrolled in",
    params: d,
    expect: { ...loggedIn(404) },
  },
  {
    op: "POST /api/me/programmes/:id/charter",
    params: x,
    expect: { ...loggedIn("2xx"), otherProgramme: 404, manager: 404, admin: 404 },
  },
  {
    op: "POST /api/me/programmes/:id/charter",
    with: "a draft programme the participant is enrolled in",
    params: d,
    expect: { ...loggedIn(404) },
  },
  // My reading under /api/me: the URL names a module, never a person; Bernard's reflection stays his (checked below).
  { op: "GET /api/me/onboarding/modules/:moduleId", params: (w) => ({ moduleId: w.moduleId }), expect: loggedIn("2xx") },
  {
    op: "POST /api/me/onboarding/modules/:moduleId",
    params: (w) => ({ moduleId: w.moduleId }),
    body: (_w, who) => ({ reflections: who === "participant" ? [SECRET_REFLECTION] : ["Ma propre réflexion"] }),
    expect: loggedIn("2xx"),
  },

  // Calendars: a session's .ics for its pair's two people (a manager: 403); my own feed under /api/me.
  { op: "GET /api/sessions/:id/calendar.ics", params: (w) => ({ id: w.session }), expect: pairMember("2xx", 403) },
  { op: "GET /api/me/calendar-feed", expect: loggedIn("2xx") },
  { op: "POST /api/me/calendar-feed", expect: loggedIn("2xx") },
  { op: "DELETE /api/me/calendar-feed", expect: loggedIn("2xx") },
  // A feed's URL is public, the token is the key (Yanis's feed: pair Y's session); a made-up token is a 404 for everyone.
  { op: "GET /api/calendar/:token.ics", params: (w) => ({ token: w.calendarFeedToken }), expect: everyone("2xx") },
  {
    op: "GET /api/calendar/:token.ics",
    with: "a made-up token",
    params: () => ({ token: "un-jeton-invente-0000000000000000000000000000" }),
    expect: everyone(404),
  },
];

/** Texts and ids an identity must never find in an answer: others' private writing, what it may not know exists. */
function forbiddenTexts(w: World, who: Identity): string[] {
  const texts: string[] = [];
  if (who !== "participant") texts.push(SECRET_REFLECTION, SECRET_GOAL_STATEMENT, SECRET_AGENDA_ITEM);
  if (who !== "participant") texts.push(SECRET_NOTES, SECRET_JOURNAL, SECRET_ACTION_ITEM, SECRET_RESOURCE_URL);
  if (who === "anonymous" || who === "otherPair" || who === "otherProgramme") texts.push(SECRET_GOALS, w.proposal, w.pairs.x);
  if (who !== "manager" && who !== "admin") texts.push(w.programmes.d);
  if (who === "otherProgramme" || who === "anonymous") texts.push(w.programmes.x);
  return texts;
}

function isAllowedStatus(expected: Expected, status: number): boolean {
  if (expected === "2xx") return status >= 200 && status < 300;
  if (expected === "ok") return (status >= 200 && status < 300) || status === 400 || status === 404 || status === 409;
  if (expected === "denied") return status === 403 || status === 404;
  if (typeof expected === "number") return status === expected;
  return expected.includes(status);
}

const isRefusal = (expected: Expected) =>
  expected === 401 ||
  expected === 403 ||
  expected === 404 ||
  expected === "denied" ||
  (Array.isArray(expected) && expected.every((s) => s >= 400));

let ctx: TestContext;
let world: World;
let operations: Operation[];

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx);
  operations = await loadOperations(ctx.app);
}, 90_000);
afterAll(() => ctx?.close());

describe("the authorisation walk's table", () => {
  it("names every operation of the OpenAPI document, and only those", () => {
    const documented = new Set(operations.map((o) => o.key));
    const walked = new Set(CASES.map((c) => c.op));
    expect(
      [...documented].filter((key) => !walked.has(key)),
      "operations missing from the walk's table",
    ).toEqual([]);
    expect(
      [...walked].filter((key) => !documented.has(key)),
      "operations of the table the document no longer has",
    ).toEqual([]);
  });
});

describe("every operation as every identity", () => {
  it("answers as the table says, in the error envelope, writing nothing when it refuses and leaking nothing", async () => {
    const clients = new Map<Identity, ApiClient>();
    const sessionOf = async (who: Identity) => {
      const client = new ApiClient(ctx.app);
      if (who !== "anonymous") await client.login(EMAIL_OF[who]);
      return client;
    };
    for (const who of IDENTITIES) clients.set(who, await sessionOf(who));

    const failures: string[] = [];
    const tally = new Map<Identity, { requests: number; succeeded: number }>();
    for (const who of IDENTITIES) {
      const count = { requests: 0, succeeded: 0 };
      tally.set(who, count);
      for (const c of CASES) {
        const [method, template] = c.op.split(" ") as [Method, string];
        const url = fillPath(template, c.params?.(world, who) ?? {}, typeof c.query === "function" ? c.query(world, who) : c.query);
        const request: ApiRequest = c.raw
          ? { method, url, rawBody: c.raw.body, contentType: c.raw.contentType }
          : { method, url, ...(c.body ? { body: c.body(world, who) } : method === "GET" || method === "DELETE" ? {} : { body: {} }) };
        const client = c.isSessionChanging ? await sessionOf(who) : (clients.get(who) as ApiClient);
        const expected = c.expect[who];
        const before = isRefusal(expected) ? await databaseDigest(ctx.database) : undefined;
        const response = await client.send(request);
        count.requests++;
        if (response.statusCode < 300) count.succeeded++;
        const label = `${who.padEnd(14)} ${c.op}${c.with ? ` [${c.with}]` : ""}`;
        const status = response.statusCode;
        const problem = status >= 400 ? envelopeProblem(response) : null;
        if (status >= 500) failures.push(`${label}: ${status} ${response.body.slice(0, 160)}`);
        else if (!isAllowedStatus(expected, status))
          failures.push(`${label}: expected ${JSON.stringify(expected)}, got ${status} ${response.body.slice(0, 160)}`);
        if (problem) failures.push(`${label}: ${status} not in the error envelope: ${problem}`);
        if (before && status >= 400) {
          const changed = changedTables(before, await databaseDigest(ctx.database));
          if (changed.length) failures.push(`${label}: refused with ${status} but wrote to ${changed.join(", ")}`);
        }
        for (const text of forbiddenTexts(world, who))
          if (response.body.includes(text)) failures.push(`${label}: the answer (${status}) contains «${text}»`);
        await c.settle?.(ctx, world, response);
        const verified = await c.verify?.(ctx, world, who);
        if (verified) failures.push(`${label}: ${verified}`);
      }
    }

    const summary = [...tally].map(([who, t]) => `${who}: ${t.succeeded}/${t.requests} succeeded`).join("; ");
    expect(failures, `${failures.length} failures (${summary}):\n${failures.join("\n")}`).toEqual([]);
    // The walk reaches the handlers: each logged-in identity gets real answers, not only refusals.
    for (const who of ["participant", "manager", "admin"] as const) expect(tally.get(who)?.succeeded).toBeGreaterThan(15);
  }, 120_000);
});
