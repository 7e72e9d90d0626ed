/**
 * The error handler on a bare Fastify app (no database): Fastify's framework errors, plugins'
 * HTTP errors and non-zod validation all end in the app's envelope, translated.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleFrameworkError, registerErrorHandler } from "./error-handler.ts";

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify({ frameworkErrors: handleFrameworkError });
  registerErrorHandler(app);
  app.get("/items/:id", async (request) => request.params);
  // A route validated by Fastify's own (ajv) compiler, as a plugin's route would be.
  app.post("/ajv", { schema: { body: { type: "object", properties: { age: { type: "integer" } }, required: ["age"] } } }, async () => ({
    ok: true,
  }));
  app.get("/fails/:status", async (request) => {
    const status = Number((request.params as { status: string }).status);
    throw Object.assign(new Error("Some English text from a plugin"), { statusCode: status, code: "PLUGIN_ERROR" });
  });
  // The error pg raises (drizzle wraps it as the cause of its own: unique-violation.int.test.ts).
  app.get("/duplicate", async () => {
    throw Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: "23505",
      constraint: "users_email_key",
    });
  });
  await app.ready();
});
afterAll(() => app.close());

const get = (url: string, language = "en") => app.inject({ method: "GET", url, headers: { "accept-language": language } });

describe("framework errors (Fastify's frameworkErrors option)", () => {
  it("answers a broken %-escape with a 400 BAD_URL, in the language of Accept-Language", async () => {
    const en = await get("/items/%zz");
    expect([en.statusCode, en.json()]).toEqual([
      400,
      { error: { code: "BAD_URL", message: "The requested address is malformed (invalid “%” encoding).", details: [] } },
    ]);
    expect((await get("/items/%zz", "fr-FR,fr;q=0.9")).json().error.message).toBe(
      "L’adresse demandée est mal formée (encodage « % » invalide).",
    );
  });

  it("answers a path parameter too long for the router with a 414 URL_TOO_LONG", async () => {
    const response = await get(`/items/${"x".repeat(101)}`);
    expect([response.statusCode, response.json().error]).toEqual([
      414,
      { code: "URL_TOO_LONG", message: "A part of the requested address is too long.", details: [] },
    ]);
  });

  it("answers a failing async constraint (FST_ERR_ASYNC_CONSTRAINT) with a 500 in the envelope: the server's fault, not the request's", async () => {
    // An async constraint strategy that fails, as one reading a tenant from a database could.
    const tenant = {
      name: "tenant",
      storage: () => {
        const routes = new Map<string, unknown>();
        return { get: (k: string) => routes.get(k) ?? null, set: (k: string, v: unknown) => routes.set(k, v) };
      },
      deriveConstraint: (_req: unknown, _ctx: unknown, done: (err: Error | null, value?: string) => void) => {
        done(new Error("tenant lookup failed"));
      },
      validate: () => true,
    };
    const constrained = Fastify({
      frameworkErrors: handleFrameworkError,
      constraints: { tenant } as unknown as FastifyServerOptions["constraints"],
    });
    registerErrorHandler(constrained);
    constrained.get("/tenant", { constraints: { tenant: "acme" } }, async () => ({ ok: true }));
    const response = await constrained.inject({ method: "GET", url: "/tenant", headers: { "accept-language": "en" } });
    await constrained.close();
    expect([response.statusCode, response.json().error]).toEqual([
      500,
      { code: "INTERNAL", message: "Something unexpected went wrong. Please try again later.", details: [] },
    ]);
  });
});

describe("other errors Fastify or a plugin may raise", () => {
  it("maps a validation error of Fastify's own compiler (FST_ERR_VALIDATION) to VALIDATION_ERROR naming the field", async () => {
    const response = await app.inject({ method: "POST", url: "/ajv", headers: { "accept-language": "en" }, payload: { age: "old" } });
    expect([response.statusCode, response.json().error]).toEqual([
      400,
      { code: "VALIDATION_ERROR", message: "Some information is invalid.", details: [{ path: "age", message: "Invalid value." }] },
    ]);
  });

  it.each([
    [401, "UNAUTHENTICATED", "You need to be logged in."],
    [403, "FORBIDDEN", "You are not allowed to do this."],
    [404, "NOT_FOUND", "This resource does not exist."],
    [405, "BAD_REQUEST", "Invalid request."],
    [416, "BAD_REQUEST", "Invalid request."],
    [429, "RATE_LIMITED", "Too many requests. Try again in a moment."],
  ])("a %i from a plugin becomes %s, translated, without the plugin's English text", async (status, code, message) => {
    const response = await get(`/fails/${status}`);
    expect([response.statusCode, response.json()]).toEqual([status, { error: { code, message, details: [] } }]);
  });

  it("hides a 5xx's text", async () => {
    const response = await get("/fails/503", "fr");
    expect([response.statusCode, response.json().error.code]).toEqual([500, "INTERNAL"]);
    expect(response.body).not.toContain("English");
  });
});

describe("database errors", () => {
  it("answers a unique violation (23505) with a 409 CONFLICT, translated, without the database's text", async () => {
    const response = await get("/duplicate");
    expect([response.statusCode, response.json()]).toEqual([
      409,
      {
        error: {
          code: "CONFLICT",
          message:
            "This change conflicts with data already saved, perhaps by someone else at the same moment. Reload the page and try again.",
          details: [],
        },
      },
    ]);
  });
});
