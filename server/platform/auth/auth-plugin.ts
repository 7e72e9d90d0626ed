import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../clock/clock.ts";
import { forbidden, unauthenticated } from "../errors/app-error.ts";
import { type Locale, localeFromAcceptLanguage } from "../i18n/i18n.ts";
import { type Access, isApiRoute, ROUTE_ACCESS } from "./route-access.ts";
import { type CurrentUser, findSession, type SessionLimits } from "./session-store.ts";

export const SESSION_COOKIE = "passerelle_session";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

declare module "fastify" {
  interface FastifyRequest {
    /** The language of this request's messages: the user's preference, else Accept-Language, else French. */
    locale: Locale;
    user: CurrentUser | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export type AuthOptions = { database: Database; clock: Clock; session: SessionLimits };

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setSessionCookie(reply: FastifyReply, token: string, session: SessionLimits) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: "auto",
    maxAge: Math.floor(session.absoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: "auto" });
}

/**
 * Cross-cutting access control, in this order on every request:
 * language → session → CSRF (state-changing methods) → the route's access rule from route-access.ts.
 * A route under /api without a rule makes start-up fail: deny by default.
 */
async function authPlugin(app: FastifyInstance, options: AuthOptions) {
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: "@fastify/cookie",
    cookieOpts: { path: "/", sameSite: "lax", httpOnly: true, secure: "auto" },
    getToken: (req) => req.headers["x-csrf-token"] as string | undefined,
  });

  app.decorateRequest("locale", "fr");
  app.decorateRequest("user", null);
  app.decorateRequest("sessionId", null);

  const registered = new Set<string>();
  app.addHook("onRoute", (route) => {
    if (!isApiRoute(route.url)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      const access = ROUTE_ACCESS[`${method} ${route.url}`];
      if (!access) throw new Error(`No access rule for "${method} ${route.url}" in server/platform/auth/route-access.ts (deny by default)`);
      route.config = { ...route.config, access };
      registered.add(`${method} ${route.url}`);
    }
  });
  app.addHook("onReady", async () => {
    const stale = Object.keys(ROUTE_ACCESS).filter((key) => !registered.has(key));
    if (stale.length) throw new Error(`route-access.ts lists routes that do not exist: ${stale.join(", ")}`);
  });

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    request.locale = localeFromAcceptLanguage(request.headers["accept-language"]);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await findSession(options.database.db, token, options.clock.now(), options.session);
      if (found) {
        request.user = found.user;
        request.sessionId = found.sessionId;
        request.locale = found.user.locale;
      } else {
        clearSessionCookie(reply);
      }
    }
  });

  app.addHook("onRequest", (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || !isApiRoute(request.url)) return done();
    app.csrfProtection(request, reply, done);
  });

  app.addHook("onRequest", async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === "public") return;
    if (!request.user) throw unauthenticated();
    if (access === "authenticated") return;
    if (!request.user.roles.some((role) => access.includes(role))) throw forbidden();
  });
}

export default fp(authPlugin, { name: "passerelle-auth" });

/** The logged-in user of a route whose access rule requires one. */
export function currentUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}
