/**
 * The error catalogue (contracts/errors.ts) against what the server does with it: each code's
 * messages exist in French and English, the error handler answers each code with the catalogue's
 * status, and the catalogue holds no code the server never answers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CATALOGUE, ERROR_CODES, type ErrorCode, messageKeysOf } from "../../../contracts/errors.ts";
import en from "../../../contracts/i18n/messages.en.json" with { type: "json" };
import fr from "../../../contracts/i18n/messages.fr.json" with { type: "json" };
import { AppError } from "./app-error.ts";
import { errorCatalogueDescription, errorEnvelopeSchema } from "./error-docs.ts";
import { registerErrorHandler } from "./error-handler.ts";

const SERVER = fileURLToPath(new URL("../..", import.meta.url));

function messageAt(catalogue: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

/** The server's own source files (tests, the demo seed and test helpers left out). */
function serverSources(dir = SERVER): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ["test", "migrations", "demo"].includes(entry.name) ? [] : serverSources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the error catalogue", () => {
  it.each(ERROR_CODES)("%s has its messages in French and in English", (code) => {
    for (const key of messageKeysOf(code)) {
      expect({ key, fr: typeof messageAt(fr, key), en: typeof messageAt(en, key) }).toEqual({ key, fr: "string", en: "string" });
    }
  });

  it("gives every code a 4xx status, but INTERNAL's 500", () => {
    const wrong = ERROR_CODES.filter((code) => {
      const { status } = ERROR_CATALOGUE[code];
      return code === "INTERNAL" ? status !== 500 : status < 400 || status > 499;
    });
    expect(wrong).toEqual([]);
  });

  it("holds only codes the server answers somewhere", () => {
    const sources = serverSources().map((path) => [relative(SERVER, path), readFileSync(path, "utf8")] as const);
    const unused = ERROR_CODES.filter((code) => !sources.some(([, text]) => text.includes(`"${code}"`)));
    expect(unused).toEqual([]);
  });
});

describe("the error handler answers each code of the catalogue", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    registerErrorHandler(app);
    app.get("/throws/:code", async (request) => {
      throw new AppError((request.params as { code: ErrorCode }).code);
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it.each(ERROR_CODES)("%s with the catalogue's status and its message translated", async (code) => {
    const answers = await Promise.all(
      ["fr", "en"].map((language) => app.inject({ method: "GET", url: `/throws/${code}`, headers: { "accept-language": language } })),
    );
    for (const answer of answers) {
      expect([answer.statusCode, answer.json().error.code]).toEqual([ERROR_CATALOGUE[code].status, code]);
      expect(answer.json().error.message).not.toBe(ERROR_CATALOGUE[code].message);
    }
    expect(answers[0]?.json().error.message).not.toBe(answers[1]?.json().error.message);
  });
});

describe("the catalogue in the OpenAPI document", () => {
  it("lists every code in the error envelope's schema and in the description's table", () => {
    const schema = errorEnvelopeSchema() as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(schema.properties.error.properties.code.enum).toEqual(ERROR_CODES);
    const description = errorCatalogueDescription();
    expect(ERROR_CODES.filter((code) => !description.includes(`| \`${code}\` | ${ERROR_CATALOGUE[code].status} |`))).toEqual([]);
  });
});
