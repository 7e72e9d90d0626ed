import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  FailedJobList,
  ListMailQuery,
  MailIdParams,
  MailMessage,
  MailMessageSummary,
  MailPage,
  MailSettingsView,
} from "../../../contracts/mail.ts";
import type { AppDeps } from "../http/deps.ts";
import * as outbox from "./outbox.ts";

/** HTTP for the administrators' outbox and failed jobs (admins only: route-access.ts). No rules here. */
export const mailRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/admin/mail",
    {
      schema: {
        tags: ["mail"],
        summary: "Emails, newest first: sent, failed, waiting, or kept in the outbox (filter by status and recipient; page with `before`)",
        querystring: ListMailQuery,
        response: { 200: MailPage },
      },
    },
    async (req) => outbox.listOutbox(req.query, deps),
  );

  app.get(
    "/api/admin/mail/settings",
    {
      schema: {
        tags: ["mail"],
        summary: "Whether emails go through an SMTP server or stay in the outbox, and their From address",
        response: { 200: MailSettingsView },
      },
    },
    async () => outbox.outboxSettings(deps),
  );

  app.get(
    "/api/admin/mail/:id",
    {
      schema: {
        tags: ["mail"],
        summary: "One email as it was sent, or as it would be sent: headers, HTML and plain text",
        params: MailIdParams,
        response: { 200: MailMessage },
      },
    },
    async (req) => outbox.readMail(req.params.id, deps),
  );

  app.post(
    "/api/admin/mail/:id/retry",
    {
      schema: {
        tags: ["mail"],
        summary: "Send a failed email again (409 MAIL_NOT_FAILED for any other status)",
        params: MailIdParams,
        response: { 200: MailMessageSummary },
      },
    },
    async (req) => outbox.retryMail(req.params.id, deps),
  );

  app.get(
    "/api/admin/jobs/failed",
    {
      schema: {
        tags: ["jobs"],
        summary: "Background jobs that failed every retry (without their data)",
        response: { 200: FailedJobList },
      },
    },
    async () => outbox.failedJobs(deps),
  );
};
