import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AcceptInvitationBody,
  Account,
  AccountIdParams,
  AccountsPage,
  ChangePasswordBody,
  CsrfToken,
  Invitation,
  InvitationPreview,
  InvitationTokenParams,
  InviteBody,
  ListAccountsQuery,
  LoginBody,
  Me,
  Ok,
  Overview,
  SetupBody,
  SetupStatus,
  UpdateAccountBody,
  UpdateMeBody,
} from "../../../contracts/accounts.ts";
import {
  CreateInvitationBatchBody,
  InvitationBatch,
  InvitationBatchIdParams,
  InvitationBatchPreview,
  PreviewInvitationBatchBody,
} from "../../../contracts/invitations.ts";
import { clearSessionCookie, currentUser, setSessionCookie } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { countPeople } from "../people/index.ts";
import * as accounts from "./accounts.service.ts";
import { createInvitationBatch } from "./create-invitation-batch.ts";
import { getInvitationBatch } from "./get-invitation-batch.ts";
import { previewInvitationBatch } from "./preview-invitation-batch.ts";

/** HTTP for accounts: validate (zod) → access (route-access.ts) → use case → present. No rules here. */
export const accountsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const serviceDeps = {
    database: deps.database,
    clock: deps.clock,
    publicUrl: deps.config.publicUrl,
    session: deps.config.session,
    mail: deps.mail,
  };

  app.get(
    "/api/csrf-token",
    { schema: { tags: ["auth"], summary: "CSRF token to send as x-csrf-token on state-changing requests", response: { 200: CsrfToken } } },
    async (_req, reply) => ({
      token: reply.generateCsrf(),
    }),
  );

  app.get(
    "/api/setup/status",
    { schema: { tags: ["auth"], summary: "Whether the first administrator still has to be created", response: { 200: SetupStatus } } },
    async () => ({
      isSetupRequired: await accounts.isSetupRequired(serviceDeps),
    }),
  );

  app.post(
    "/api/setup",
    {
      schema: {
        tags: ["auth"],
        summary: "Create the first administrator from the one-time setup link",
        body: SetupBody,
        response: { 201: Me },
      },
    },
    async (req, reply) => {
      const { me, token } = await accounts.setupFirstAdmin({ ...req.body, locale: req.locale }, serviceDeps);
      setSessionCookie(reply, token, deps.config.session);
      return reply.status(201).send(me);
    },
  );

  app.post(
    "/api/auth/login",
    { schema: { tags: ["auth"], summary: "Log in", body: LoginBody, response: { 200: Me } } },
    async (req, reply) => {
      const { me, token } = await accounts.login({ ...req.body, ip: req.ip, previousSessionId: req.sessionId }, serviceDeps);
      setSessionCookie(reply, token, deps.config.session);
      return me;
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Log out (ends this session)", response: { 200: Ok } } },
    async (req, reply) => {
      if (req.sessionId) await accounts.logout(req.sessionId, serviceDeps);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get("/api/me", { schema: { tags: ["me"], summary: "The logged-in user", response: { 200: Me } } }, async (req) => currentUser(req));

  app.patch(
    "/api/me",
    { schema: { tags: ["me"], summary: "Change my name or language", body: UpdateMeBody, response: { 200: Me } } },
    async (req) => accounts.updateMe(currentUser(req).id, req.body, serviceDeps),
  );

  app.post(
    "/api/me/password",
    { schema: { tags: ["me"], summary: "Change my password (my other sessions end)", body: ChangePasswordBody, response: { 200: Ok } } },
    async (req) => {
      await accounts.changePassword({ userId: currentUser(req).id, sessionId: req.sessionId as string, ...req.body }, serviceDeps);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/invitations/:token",
    {
      schema: {
        tags: ["auth"],
        summary: "Who an invitation link is for",
        params: InvitationTokenParams,
        response: { 200: InvitationPreview },
      },
    },
    async (req) => accounts.previewInvitation(req.params.token, serviceDeps),
  );

  app.post(
    "/api/invitations/:token/accept",
    {
      schema: {
        tags: ["auth"],
        summary: "Accept an invitation: set a password and log in",
        params: InvitationTokenParams,
        body: AcceptInvitationBody,
        response: { 200: Me },
      },
    },
    async (req, reply) => {
      const { me, token } = await accounts.acceptInvitation(req.params.token, req.body, serviceDeps);
      setSessionCookie(reply, token, deps.config.session);
      return me;
    },
  );

  app.get(
    "/api/admin/overview",
    { schema: { tags: ["admin"], summary: "Counts for the home page of admins and managers", response: { 200: Overview } } },
    async () => accounts.overview(serviceDeps, () => countPeople(deps.database.db)),
  );

  app.post(
    "/api/admin/invitations",
    {
      schema: {
        tags: ["admin"],
        summary: "Invite a person: emails a one-time link valid 7 days (returned only when no SMTP server is set)",
        body: InviteBody,
        response: { 201: Invitation },
      },
    },
    async (req, reply) => reply.status(201).send(await accounts.invite(req.body, currentUser(req), serviceDeps)),
  );

  app.post(
    "/api/admin/accounts/:id/invitation",
    {
      schema: {
        tags: ["admin"],
        summary: "Email a new invitation link to an account not yet activated (earlier links stop working)",
        params: AccountIdParams,
        response: { 201: Invitation },
      },
    },
    async (req, reply) => reply.status(201).send(await accounts.reinvite(req.params.id, currentUser(req), serviceDeps)),
  );

  app.post(
    "/api/invitation-batches/preview",
    {
      schema: {
        tags: ["admin"],
        summary: "How many people a bulk invitation would invite, and how many already have an account",
        body: PreviewInvitationBatchBody,
        response: { 200: InvitationBatchPreview },
      },
    },
    async (req) => previewInvitationBatch(req.body.source, serviceDeps),
  );

  app.post(
    "/api/invitation-batches",
    {
      schema: {
        tags: ["admin"],
        summary: "Invite in bulk the people of the directory's filters, or of a programme, who have no account (a background job)",
        body: CreateInvitationBatchBody,
        response: { 202: InvitationBatch },
      },
    },
    async (req, reply) => reply.status(202).send(await createInvitationBatch(req.body, currentUser(req), serviceDeps)),
  );

  app.get(
    "/api/invitation-batches/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "A bulk invitation and its progress",
        params: InvitationBatchIdParams,
        response: { 200: InvitationBatch },
      },
    },
    async (req) => getInvitationBatch(req.params.id, serviceDeps),
  );

  app.get(
    "/api/admin/accounts",
    {
      schema: {
        tags: ["admin"],
        summary: "Accounts, searchable and paginated",
        querystring: ListAccountsQuery,
        response: { 200: AccountsPage },
      },
    },
    async (req) => {
      const { items, total } = await accounts.listAccounts(req.query, serviceDeps);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.patch(
    "/api/admin/accounts/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Change an account's roles or status",
        params: AccountIdParams,
        body: UpdateAccountBody,
        response: { 200: Account },
      },
    },
    async (req) => accounts.updateAccount(req.params.id, req.body, serviceDeps),
  );
};
