import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from "fastify-type-provider-zod";
import { ERROR_CATALOGUE, type ErrorCode, type ErrorEnvelope, type ErrorMessageKey } from "../../../contracts/errors.ts";
import { hasMessage, localeFromAcceptLanguage, translator } from "../i18n/i18n.ts";
import { AppError, type ErrorDetail } from "./app-error.ts";

export type { ErrorEnvelope } from "../../../contracts/errors.ts";

function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const part of path.split("/").filter(Boolean)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Maps one zod issue to a message key of our catalogue: zod's own texts are English only. */
function detailFromIssue(issue: ZodFastifySchemaValidationError, input: unknown): ErrorDetail {
  const path = issue.instancePath.split("/").filter(Boolean).join(".");
  const p = issue.params as Record<string, unknown>;
  if (issue.message && hasMessage(issue.message)) {
    // Schemas name our message keys; their interpolation values come from zod's bounds or the check's own params.
    return { path, messageKey: issue.message, params: { min: p.minimum, max: p.maximum, ...(p.params as object | undefined) } };
  }
  const value = valueAt(input, issue.instancePath);
  switch (issue.keyword) {
    case "invalid_type":
      return value === undefined || value === null
        ? { path, messageKey: "fields.required" }
        : { path, messageKey: "fields.invalidType", params: { expected: p.expected } };
    case "too_small":
      if (p.origin === "string" && (value === "" || value === undefined)) return { path, messageKey: "fields.required" };
      return {
        path,
        messageKey: p.origin === "string" || p.origin === "array" ? "fields.tooShort" : "fields.tooSmall",
        params: { min: p.minimum },
      };
    case "too_big":
      return {
        path,
        messageKey: p.origin === "string" || p.origin === "array" ? "fields.tooLong" : "fields.tooBig",
        params: { max: p.maximum },
      };
    case "invalid_format":
      return { path, messageKey: p.format === "email" ? "fields.email" : "fields.invalidValue" };
    case "invalid_value":
      return { path, messageKey: "fields.oneOf", params: { options: ((p.values as unknown[]) ?? []).join(", ") } };
    case "unrecognized_keys":
      return { path, messageKey: "fields.unknownField", params: { keys: ((p.keys as string[]) ?? []).join(", ") } };
    default:
      return { path, messageKey: "fields.invalidValue" };
  }
}

function envelope(
  request: FastifyRequest,
  code: ErrorCode,
  key: string,
  params: Record<string, unknown>,
  details: ErrorDetail[],
): ErrorEnvelope {
  // The auth plugin sets the request's language; a bare app (or an error before that hook) reads Accept-Language.
  const t = translator(request.locale ?? localeFromAcceptLanguage(request.headers["accept-language"]));
  return {
    error: {
      code,
      message: t(key, params),
      details: details.map((d) => ({ path: d.path, message: t(d.messageKey, d.params ?? {}) })),
    },
  };
}

/** What to answer: a code of the catalogue, with its status and message unless said otherwise. */
type Answer = {
  [C in ErrorCode]: {
    code: C;
    /** Only for a plugin's own 4xx status, answered as BAD_REQUEST with that status. */
    status?: number;
    key?: ErrorMessageKey<C>;
    params?: Record<string, unknown>;
    details?: ErrorDetail[];
    /** Already logged (without the error's text, which may carry the query's values). */
    isLogged?: boolean;
  };
}[ErrorCode];

/** The details of a validation error from Fastify's own compiler (ajv), should a plugin's route use one. */
function detailsFromAjv(validation: unknown[]): ErrorDetail[] {
  return validation.map((entry) => {
    const {
      instancePath = "",
      keyword,
      params,
    } = entry as { instancePath?: string; keyword?: string; params?: { missingProperty?: string } };
    const parts = instancePath.split("/").filter(Boolean);
    if (keyword === "required" && params?.missingProperty)
      return { path: [...parts, params.missingProperty].join("."), messageKey: "fields.required" };
    return { path: parts.join("."), messageKey: "fields.invalidValue" };
  });
}

/** PostgreSQL's refusals of a character in text (U+0000) or jsonb (\u0000): bad input that slipped past the contracts. */
const UNSTORABLE_TEXT_CODES = new Set(["22021", "22P05"]);
/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = "23505";

/**
 * What to answer for an error that is not ours (Fastify's, a plugin's, the database's): our code,
 * our translated message and the right status; Fastify's English texts never reach the client.
 * Null: a server fault (500).
 */
function answerFor(error: FastifyError, request: FastifyRequest): Answer | null {
  switch (error.code) {
    case "FST_ERR_BAD_URL":
      return { code: "BAD_URL" };
    case "FST_ERR_MAX_PARAM_LENGTH":
      return { code: "URL_TOO_LONG" };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { code: "PAYLOAD_TOO_LARGE" };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE": {
      const contentType = request.headers["content-type"];
      return contentType
        ? { code: "UNSUPPORTED_MEDIA_TYPE", params: { contentType: contentType.slice(0, 100) } }
        : { code: "UNSUPPORTED_MEDIA_TYPE", key: "errors.missingContentType" };
    }
    case "FST_ERR_ROUTE_MISSING_CONTENT_TYPE":
      return { code: "BAD_REQUEST", key: "errors.missingContentType" };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { code: "BAD_REQUEST", key: "errors.invalidJson" };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { code: "BAD_REQUEST", key: "errors.emptyJson" };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { code: "BAD_REQUEST", key: "errors.invalidContentLength" };
    case "FST_CSRF_INVALID_TOKEN":
    case "FST_CSRF_MISSING_SECRET":
      return { code: "CSRF_INVALID" };
  }
  const validation = (error as { validation?: unknown }).validation;
  if (Array.isArray(validation) && validation.length) return { code: "VALIDATION_ERROR", details: detailsFromAjv(validation) };
  const databaseCode = (error.cause as { code?: unknown } | undefined)?.code ?? error.code;
  if (typeof databaseCode === "string" && UNSTORABLE_TEXT_CODES.has(databaseCode)) {
    request.log.warn({ err: error }, "text PostgreSQL cannot store reached the database: a contract lacks contracts/text.ts");
    return { code: "INVALID_TEXT" };
  }
  if (databaseCode === UNIQUE_VIOLATION) {
    // A safety net: use cases check what they can (EMAIL_TAKEN, PERSON_HAS_ACCOUNT…), but two requests
    // at once, or a rule nobody wrote, still meet the index. A conflict to retry, not a server fault;
    // warned so that a missing check gets written. Constraint and table only: the query's values
    // (emails, hashes) stay out of the log.
    const cause = (error.cause ?? error) as { constraint?: unknown; table?: unknown };
    request.log.warn(
      { constraint: cause.constraint, table: cause.table },
      "a unique index refused a write that no use case checked: answered 409 CONFLICT",
    );
    return { code: "CONFLICT", isLogged: true };
  }
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return null;
  switch (status) {
    case 401:
      return { code: "UNAUTHENTICATED" };
    case 403:
      return { code: "FORBIDDEN" };
    case 404:
      return { code: "NOT_FOUND" };
    case 413:
      return { code: "PAYLOAD_TOO_LARGE" };
    case 429:
      return { code: "RATE_LIMITED" };
    default:
      // A plugin's other 4xx (405, 406, 418…) keeps its status under the generic code.
      return { code: "BAD_REQUEST", status };
  }
}

function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    reply.headers(error.headers);
    return reply.status(error.status).send(envelope(request, error.code, error.messageKey, error.params, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? "body";
    const input =
      context === "body"
        ? request.body
        : context === "querystring"
          ? request.query
          : context === "params"
            ? request.params
            : request.headers;
    const details = error.validation.map((issue) => detailFromIssue(issue, input));
    return reply
      .status(ERROR_CATALOGUE.VALIDATION_ERROR.status)
      .send(envelope(request, "VALIDATION_ERROR", ERROR_CATALOGUE.VALIDATION_ERROR.message, {}, details));
  }
  const answer = answerFor(error, request);
  if (answer) {
    // Kept in the log (not sent): Fastify's or the plugin's own words help whoever reads the logs.
    if (!answer.isLogged) request.log.info({ code: error.code, reason: error.message }, "client error");
    const { code, status = ERROR_CATALOGUE[code].status, key = ERROR_CATALOGUE[code].message } = answer;
    return reply.status(status).send(envelope(request, code, key, answer.params ?? {}, answer.details ?? []));
  }
  request.log.error({ err: error }, "unhandled error");
  return reply.status(ERROR_CATALOGUE.INTERNAL.status).send(envelope(request, "INTERNAL", ERROR_CATALOGUE.INTERNAL.message, {}, []));
}

/** One error envelope for every failure, translated; never a stack trace to the client. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler(sendError);
}

/**
 * Fastify's `frameworkErrors` option: the errors its router raises before any hook runs (a URL
 * with a broken %-escape, a path parameter over 100 characters, a failing async constraint).
 * No hook ran, so the language comes from Accept-Language alone.
 * Wired in app.ts: `Fastify({ frameworkErrors: handleFrameworkError, … })`.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.locale = localeFromAcceptLanguage(request.headers["accept-language"]);
  return sendError(error, request, reply);
}

/** The 404 of an unknown route, in the error envelope. */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  const key: ErrorMessageKey<"NOT_FOUND"> = "errors.routeNotFound";
  return reply
    .status(ERROR_CATALOGUE.NOT_FOUND.status)
    .send(envelope(request, "NOT_FOUND", key, { method: request.method, url: request.url.split("?")[0] }, []));
}
