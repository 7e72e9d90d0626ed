import { randomUUID } from "node:crypto";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { TRUST_ANY_PROXY_WARNING } from "./config.ts";
import { accountsRoutes } from "./modules/accounts/accounts.routes.ts";
import { passwordResetRoutes } from "./modules/accounts/password-reset.routes.ts";
import { calendarRoutes } from "./modules/calendar/calendar.routes.ts";
import { isCalendarFeedPath } from "./modules/calendar/index.ts";
import { glossaryRoutes } from "./modules/glossary/glossary.routes.ts";
import { goalsRoutes } from "./modules/goals/goals.routes.ts";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.ts";
import { onboardingRoutes } from "./modules/onboarding/onboarding.routes.ts";
import { managerPairsRoutes } from "./modules/pairs/manager-pairs.routes.ts";
import { pairsRoutes } from "./modules/pairs/pairs.routes.ts";
import { peopleRoutes } from "./modules/people/people.routes.ts";
import { peopleImportRoutes } from "./modules/people/people-import.routes.ts";
import { profilesRoutes } from "./modules/profiles/profiles.routes.ts";
import { programmesRoutes } from "./modules/programmes/programmes.routes.ts";
import { proposalsRoutes } from "./modules/proposals/proposals.routes.ts";
import { notesRoutes } from "./modules/sessions/notes/notes.routes.ts";
import { sessionsRoutes } from "./modules/sessions/sessions.routes.ts";
import { skillsRoutes } from "./modules/skills/skills.routes.ts";
import { systemRoutes } from "./modules/system/system.routes.ts";
import authPlugin from "./platform/auth/auth-plugin.ts";
import { isApiRoute } from "./platform/auth/route-access.ts";
import { notFound } from "./platform/errors/app-error.ts";
import { errorCatalogueDescription, errorEnvelopeSchema } from "./platform/errors/error-docs.ts";
import { handleFrameworkError, registerErrorHandler, sendRouteNotFound } from "./platform/errors/error-handler.ts";
import type { AppDeps } from "./platform/http/deps.ts";
import { registerWebAssets, WEB_DIST } from "./platform/http/web-assets.ts";
import { mailSettings } from "./platform/mail/index.ts";
import { mailRoutes } from "./platform/mail/mail.routes.ts";

/**
 * Hides secrets that travel in URLs from the logs: invitation links (the page /invitation/… and the
 * API /api/invitations/…), setup and password-reset tokens (?token=), the message ids that
 * one-click unsubscribe links carry, and calendar subscription feeds' tokens (/api/calendar/…).
 */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/invitations?\/)[^/?]+/, "$1[redacted]")
    .replace(/(\/unsubscribe\/)[^/?]+/, "$1[redacted]")
    .replace(/(\/api\/calendar\/)[^/?]+/, "$1[redacted]")
    .replace(/([?&]token=)[^&]+/, "$1[redacted]");
}

/** `mail` defaults to the configuration's (an SMTP transport when SMTP_URL is set, else the outbox). */
export type BuildAppOptions = Omit<AppDeps, "mail"> & { mail?: AppDeps["mail"]; logger?: FastifyServerOptions["logger"] };

/**
 * Builds the Fastify app from the modules' routes. Pure construction: no listening, no migration,
 * so tests call it with an in-memory database and `app.inject`.
 */
export async function buildApp({ logger = false, mail, ...rest }: BuildAppOptions): Promise<FastifyInstance> {
  const deps: AppDeps = { ...rest, mail: mail ?? mailSettings(rest.config) };
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            ...(typeof logger === "object" ? logger : {}),
            redact: { paths: ["req.headers.cookie", 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: "[redacted]" },
            serializers: {
              req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
            },
          },
    trustProxy: deps.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    // A bad URL or an over-long path parameter is answered before any hook: in the app's envelope too.
    frameworkErrors: (error, request, reply) =>
      // A calendar feed's link the router cannot read (cut, mangled, over-long) opens nothing, like a wrong token: 404.
      handleFrameworkError(isCalendarFeedPath(request.url) ? notFound() : error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  // `true` lets any client choose request.ip (login throttling, rate limit): allowed, but said loudly at every start.
  if (deps.config.trustProxy === true) app.log.warn(TRUST_ANY_PROXY_WARNING);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerErrorHandler(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables in a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // The API's requests are counted per client; the web app's files are not: one page load fetches dozens
  // of script chunks, and a 429 on one of them leaves the page blank.
  await app.register(fastifyRateLimit, { max: 600, timeWindow: "1 minute", allowList: (request) => !request.url.startsWith("/api/") });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Passerelle API",
        version: "0.1.0",
        description: `Reverse-mentoring programmes.\n\n## Errors\n\n${errorCatalogueDescription()}`,
      },
      components: {
        // The envelope of every error answer; its codes are the catalogue of contracts/errors.ts.
        schemas: { Error: errorEnvelopeSchema() },
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "passerelle_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  await app.register(authPlugin, { database: deps.database, clock: deps.clock, session: deps.config.session });

  await app.register(systemRoutes, deps);
  await app.register(accountsRoutes, deps);
  await app.register(passwordResetRoutes, deps);
  await app.register(peopleRoutes, deps);
  await app.register(peopleImportRoutes, deps);
  await app.register(skillsRoutes, deps);
  await app.register(profilesRoutes, deps);
  await app.register(notificationsRoutes, deps);
  await app.register(programmesRoutes, deps);
  await app.register(pairsRoutes, deps);
  await app.register(managerPairsRoutes, deps);
  await app.register(proposalsRoutes, deps);
  await app.register(onboardingRoutes, deps);
  await app.register(sessionsRoutes, deps);
  await app.register(notesRoutes, deps);
  await app.register(calendarRoutes, deps);
  await app.register(glossaryRoutes, deps);
  await app.register(goalsRoutes, deps);
  await app.register(mailRoutes, deps);

  const hasWeb = await registerWebAssets(app);
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === "GET" && !isApiRoute(request.url) && !request.url.startsWith("/api/")) {
      return reply.type("text/html").sendFile("index.html", WEB_DIST);
    }
    return sendRouteNotFound(request, reply);
  });
  return app;
}
