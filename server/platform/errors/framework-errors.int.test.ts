/**
 * Fastify's own errors (bad URL, content type, body size, malformed JSON…) through the real app:
 * the app's envelope {error:{code,message,details}}, translated by the request's language, with
 * the right 4xx status; never Fastify's default {statusCode,error,message}, never a 500.
 */
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type Request = { method?: "GET" | "POST" | "PATCH" | "QUERY"; url?: string; headers?: Record<string, string>; payload?: string };

/** A request to a public route that reads a JSON body (the login), past the CSRF check, in a language. */
async function send(language: "fr" | "en", request: Request): Promise<LightMyRequestResponse> {
  const csrf = await ctx.app.inject({ method: "GET", url: "/api/csrf-token" });
  const secret = csrf.cookies.find((c) => c.name === "_csrf")?.value;
  return ctx.app.inject({
    method: request.method ?? "POST",
    url: request.url ?? "/api/auth/login",
    headers: { "accept-language": language, "x-csrf-token": csrf.json().token, cookie: `_csrf=${secret}`, ...request.headers },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
}

function expectEnvelope(response: LightMyRequestResponse, status: number, code: string, message: string) {
  expect({ status: response.statusCode, body: response.json() }).toEqual({ status, body: { error: { code, message, details: [] } } });
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
}

describe("Fastify's client errors in the app's envelope, translated", () => {
  it.each([
    [
      "malformed JSON (FST_ERR_CTP_INVALID_JSON_BODY)",
      { headers: { "content-type": "application/json" }, payload: "{not json" },
      [400, "BAD_REQUEST", "Le contenu envoyé n’est pas du JSON valide.", "The content sent is not valid JSON."],
    ],
    [
      "an empty JSON body (FST_ERR_CTP_EMPTY_JSON_BODY)",
      { headers: { "content-type": "application/json" }, payload: "" },
      [
        400,
        "BAD_REQUEST",
        "Le contenu envoyé est vide alors qu’il est déclaré comme JSON.",
        "The content sent is empty, yet declared as JSON.",
      ],
    ],
    [
      "a content type no route reads (FST_ERR_CTP_INVALID_MEDIA_TYPE)",
      { headers: { "content-type": "application/xml" }, payload: "<login/>" },
      [
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "Ce type de contenu n’est pas accepté ici : application/xml.",
        "This type of content is not accepted here: application/xml.",
      ],
    ],
    [
      "a malformed content type (FST_ERR_CTP_INVALID_MEDIA_TYPE)",
      { headers: { "content-type": "json;;;" }, payload: "{}" },
      [
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "Ce type de contenu n’est pas accepté ici : json;;;.",
        "This type of content is not accepted here: json;;;.",
      ],
    ],
    [
      "a body without a content type (FST_ERR_CTP_INVALID_MEDIA_TYPE)",
      { headers: { "content-length": "2" }, payload: "{}" },
      [
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "Le type du contenu envoyé (en-tête Content-Type) est manquant.",
        "The type of the content sent (Content-Type header) is missing.",
      ],
    ],
    [
      "a body over the 1 MB limit (FST_ERR_CTP_BODY_TOO_LARGE)",
      { headers: { "content-type": "application/json" }, payload: JSON.stringify({ email: "x".repeat(1_100_000) }) },
      [413, "PAYLOAD_TOO_LARGE", "Le contenu envoyé est trop volumineux.", "The content sent is too large."],
    ],
    [
      "a Content-Length that does not match the body (FST_ERR_CTP_INVALID_CONTENT_LENGTH)",
      { headers: { "content-type": "application/json", "content-length": "1000" }, payload: '{"email":"a@b.fr"}' },
      [
        400,
        "BAD_REQUEST",
        "La taille du contenu envoyé ne correspond pas à son en-tête Content-Length.",
        "The size of the content sent does not match its Content-Length header.",
      ],
    ],
    [
      "a QUERY request without a content type (FST_ERR_ROUTE_MISSING_CONTENT_TYPE)",
      { method: "QUERY", url: "/api/people", payload: "" },
      [
        400,
        "BAD_REQUEST",
        "Le type du contenu envoyé (en-tête Content-Type) est manquant.",
        "The type of the content sent (Content-Type header) is missing.",
      ],
    ],
  ] as [string, Request, [number, string, string, string]][])("%s", async (_label, request, [status, code, fr, en]) => {
    expectEnvelope(await send("fr", request), status, code, fr);
    expectEnvelope(await send("en", request), status, code, en);
  });

  it("answers a URL with a broken %-escape (FST_ERR_BAD_URL) in the envelope, by Accept-Language", async () => {
    for (const url of ["/api/%zz", "/api/people/%E0%A4%A", "/%c0"]) {
      expectEnvelope(
        await ctx.app.inject({ method: "GET", url, headers: { "accept-language": "fr" } }),
        400,
        "BAD_URL",
        "L’adresse demandée est mal formée (encodage « % » invalide).",
      );
      expectEnvelope(
        await ctx.app.inject({ method: "GET", url, headers: { "accept-language": "en-GB" } }),
        400,
        "BAD_URL",
        "The requested address is malformed (invalid “%” encoding).",
      );
    }
  });

  it("answers a path parameter over Fastify's 100 characters (FST_ERR_MAX_PARAM_LENGTH) with a 414 in the envelope", async () => {
    const url = `/api/programmes/${"a".repeat(150)}`;
    expectEnvelope(
      await ctx.app.inject({ method: "GET", url, headers: { "accept-language": "en" } }),
      414,
      "URL_TOO_LONG",
      "A part of the requested address is too long.",
    );
    expectEnvelope(await ctx.app.inject({ method: "GET", url }), 414, "URL_TOO_LONG", "Une partie de l’adresse demandée est trop longue.");
  });

  it("takes thousands of query parameters without a 500", async () => {
    const query = Array.from({ length: 5000 }, (_, k) => `p${k}=${k}`).join("&");
    const response = await ctx.app.inject({ method: "GET", url: `/api/setup/status?${query}&q=a%00b` });
    expect(response.statusCode).toBe(200);
  });

  it("never lets Fastify's English text through on a 4xx", async () => {
    const response = await send("fr", { headers: { "content-type": "application/json" }, payload: "{not json" });
    expect(response.body).not.toMatch(/Body is not valid JSON|statusCode/);
  });
});
