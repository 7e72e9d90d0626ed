import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from "fastify-type-provider-zod";
import { hasMessage, translator } from "../i18n/i18n.ts";
import { AppError, type ErrorDetail } from "./app-error.ts";

export type ErrorEnvelope = {
  error: { code: string; message: string; details: { path: string; message: string }[] };
};

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
  code: string,
  key: string,
  params: Record<string, unknown>,
  details: ErrorDetail[],
): ErrorEnvelope {
  const t = translator(request.locale);
  return {
    error: {
      code,
      message: t(key, params),
      details: details.map((d) => ({ path: d.path, message: t(d.messageKey, d.params ?? {}) })),
    },
  };
}

/** One error envelope for every failure, translated; never a stack trace to the client. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
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
      return reply.status(400).send(envelope(request, "VALIDATION_ERROR", "errors.validation", {}, details));
    }
    const status = error.statusCode ?? 500;
    if (error.code === "FST_CSRF_INVALID_TOKEN" || error.code === "FST_CSRF_MISSING_SECRET") {
      return reply.status(403).send(envelope(request, "CSRF_INVALID", "errors.csrf", {}, []));
    }
    if (status === 429) return reply.status(429).send(envelope(request, "RATE_LIMITED", "errors.rateLimited", {}, []));
    if (status === 413) return reply.status(413).send(envelope(request, "PAYLOAD_TOO_LARGE", "errors.payloadTooLarge", {}, []));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type): their text is safe to show.
      return reply.status(status).send(envelope(request, "BAD_REQUEST", "errors.badRequest", { reason: error.message }, []));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send(envelope(request, "INTERNAL", "errors.internal", {}, []));
  });
}

/** The 404 of an unknown route, in the error envelope. */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send(envelope(request, "NOT_FOUND", "errors.routeNotFound", { method: request.method, url: request.url.split("?")[0] }, []));
}
