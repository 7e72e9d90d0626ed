import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Ok } from "../../../contracts/accounts.ts";
import { ForgotPasswordBody, ResetPasswordBody } from "../../../contracts/invitations.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { requestPasswordReset } from "./request-password-reset.ts";
import { resetPassword } from "./reset-password.ts";

/** Requests for a link per source address: enough for a typo or two, too few to fill strangers' mailboxes. */
const FORGOT_PASSWORD_RATE_LIMIT = { max: 5, timeWindow: "15 minutes" };

/** HTTP for "Forgot your password?": ask for a link, then set a new password with it. No rules here. */
export const passwordResetRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const serviceDeps = { database: deps.database, clock: deps.clock };

  app.post(
    "/api/auth/forgot-password",
    {
      config: { rateLimit: FORGOT_PASSWORD_RATE_LIMIT },
      schema: {
        tags: ["auth"],
        summary: "Ask for a one-time link to choose a new password (same answer whether the address has an account or not)",
        body: ForgotPasswordBody,
        response: { 202: Ok },
      },
    },
    async (req, reply) => {
      await requestPasswordReset({ email: req.body.email }, serviceDeps);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    "/api/auth/reset-password",
    {
      schema: {
        tags: ["auth"],
        summary: "Choose a new password with a one-time link (every session of the account ends)",
        body: ResetPasswordBody,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await resetPassword(req.body, serviceDeps);
      return { ok: true as const };
    },
  );
};
