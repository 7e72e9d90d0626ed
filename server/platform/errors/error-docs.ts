/**
 * The error catalogue (contracts/errors.ts) as the OpenAPI document shows it: the envelope's schema
 * (components.schemas.Error, its `code` an enum of the catalogue) and a table of the codes for the
 * document's description, with each code's English message as written in the server's catalogue.
 */
import { z } from "zod";
import { ERROR_CATALOGUE, ERROR_CODES, ErrorEnvelope, messageKeysOf } from "../../../contracts/errors.ts";
import { messageTemplate } from "../i18n/i18n.ts";

/** JSON Schema (OpenAPI 3.0) of the body of every error answer. */
export function errorEnvelopeSchema(): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(ErrorEnvelope, { target: "openapi-3.0" }) as Record<string, unknown>;
  return schema;
}

/** A Markdown table of every code: status, message (English; several when the code has more precise wordings). */
export function errorCatalogueDescription(): string {
  const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
  const rows = ERROR_CODES.map((code) => {
    const messages = messageKeysOf(code).map((key) => cell(messageTemplate("en", key) ?? key));
    return `| \`${code}\` | ${ERROR_CATALOGUE[code].status} | ${messages.join("<br>")} |`;
  });
  return [
    "Every error answers `{ error: { code, message, details } }` (schema `Error`): `message` is translated into the",
    "account's language, else the request's (Accept-Language), else French; `details` name the refused fields.",
    "A plugin's other 4xx statuses (405, 416…) are answered as `BAD_REQUEST` with their own status.",
    "",
    "| Code | Status | Message (English) |",
    "| --- | --- | --- |",
    ...rows,
  ].join("\n");
}
