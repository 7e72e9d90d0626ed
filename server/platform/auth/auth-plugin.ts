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
import { derivedSecret, newToken } from "./tokens.ts";

export const SESSION_COOKIE = "passerelle_session";
/** The cookie of @fastify/csrf-protection holding the CSRF secret of a browser that is not logged in. */
export const CSRF_COOKIE = "_csrf";
/**
 * Response header: the CSRF token the client holds is void (a session began or ended); fetch a new
 * one from GET /api/csrf-token before the next state-changing request (web/src/lib/api.ts does).
 */
export const CSRF_ROTATED_HEADER = "x-csrf-rotated";
const CSRF_COOKIE_OPTIONS = { path: "/", sameSite: "lax", httpOnly: true, secure: "auto" } as const;
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/**
 * State-changing routes without a CSRF token. Only one-click unsubscribe (RFC 8058): mail clients POST
 * to the List-Unsubscribe address with no cookie and no token. A forged request gains nothing: it must
 * know the message id (a random UUID, only in its recipient's mailbox), and can only stop one kind of email.
 */
const CSRF_EXEMPT = new Set(["POST /api/mail/unsubscribe/:id"]);

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

/**
 * Sets the session cookie of a session just created (login, setup, invitation accepted): HttpOnly,
 * SameSite=Lax, Secure when the request came over HTTPS. Renews the CSRF secret too.
 */
export function setSessionCookie(reply: FastifyReply, token: string, session: SessionLimits) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: "auto",
    maxAge: Math.floor(session.absoluteMs / 1000),
  });
  renewCsrfSecret(reply);
}

/** Ends the browser's session cookie (logout, expired session) and renews the CSRF secret. */
export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: "auto" });
  renewCsrfSecret(reply);
}

/**
 * A session begins or ends: a fresh random secret in the `_csrf` cookie, so that no token or secret
 * from before (fetched, or planted by someone else) is good after; the header tells the client to
 * drop its token. Also set on this request, so that a token generated later in it (GET /api/csrf-token
 * with an expired session) matches the new cookie.
 */
function renewCsrfSecret(reply: FastifyReply) {
  const secret = newToken();
  reply.request.cookies[CSRF_COOKIE] = secret;
  reply.setCookie(CSRF_COOKIE, secret, CSRF_COOKIE_OPTIONS);
  reply.header(CSRF_ROTATED_HEADER, "1");
}

/**
 * Cross-cutting access control, in this order on every request:
 * language → session → the route's access rule from route-access.ts → CSRF (state-changing methods).
 * The access rule only refuses, so checking it first changes nothing to what CSRF protects, and an
 * expired session is told 401 (log in again) rather than 403 (its CSRF token died with it).
 * A route under /api without a rule makes start-up fail: deny by default.
 *
 * CSRF is bound to the session (ADR 0003): on a logged-in request the secret is derived from the
 * session's token, and the `_csrf` cookie is ignored; only requests without a session (login,
 * setup, invitations) check against the `_csrf` cookie's secret, renewed whenever a session begins or ends.
 */
async function authPlugin(app: FastifyInstance, options: AuthOptions) {
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: CSRF_COOKIE,
    cookieOpts: CSRF_COOKIE_OPTIONS,
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
    // The web app's files need no session: they must not wait for the database (a long import holds it on PGlite).
    if (token && isApiRoute(request.url)) {
      const found = await findSession(options.database.db, token, options.clock.now(), options.session);
      if (found) {
        request.user = found.user;
        request.sessionId = found.sessionId;
        request.locale = found.user.locale;
        // @fastify/csrf-protection reads its secret from this cookie: replacing what the browser sent
        // with the session's own secret binds tokens to the session, and makes a planted `_csrf` cookie useless.
        request.cookies[CSRF_COOKIE] = derivedSecret(token, "passerelle csrf secret");
      } else {
        clearSessionCookie(reply);
      }
    }
  });

  app.addHook("onRequest", async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === "public") return;
    if (!request.user) throw unauthenticated();
    if (access === "authenticated") return;
    if (!request.user.roles.some((role) => access.includes(role))) throw forbidden();
  });

  app.addHook("onRequest", (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || !isApiRoute(request.url)) return done();
    if (CSRF_EXEMPT.has(`${request.method} ${request.routeOptions.url}`)) return done();
    app.csrfProtection(request, reply, done);
  });
}

export default fp(authPlugin, { name: "passerelle-auth" });

/** The logged-in user of a route whose access rule requires one. */
export function currentUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}
