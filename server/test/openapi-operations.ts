/**
 * Helpers for the tests that walk every operation of `/api/openapi.json` (api-walk, api-fuzz):
 * the operations read from the document, a browser-like client with its own address per request
 * (so hundreds of requests never meet the rate limit), a digest of every table (to prove a refused
 * request wrote nothing), the error envelope's shape, and fast-check arbitraries from the
 * document's JSON schemas.
 */

import fc from "fast-check";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Database } from "../db/client.ts";
import { TEST_PASSWORD } from "./test-app.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const UNSAFE_METHODS: ReadonlySet<Method> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A JSON schema as the OpenAPI document carries it (inline, no $ref: fastify-type-provider-zod inlines). */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
  description?: string;
};

export type Parameter = { name: string; required: boolean; schema: JsonSchema };

/** One operation of the API: "METHOD /api/path/:param", as route-access.ts and the walk's table name it. */
export type Operation = {
  key: string;
  method: Method;
  /** The path with `:param` placeholders. */
  template: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: { contentType: string; schema: JsonSchema; isRequired: boolean } | undefined;
};

/** Every operation of the app's OpenAPI document, in the document's order. */
export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
  if (response.statusCode !== 200) throw new Error(`/api/openapi.json answered ${response.statusCode}`);
  const document = response.json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
          requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
        }
      >
    >;
  };
  const operations: Operation[] = [];
  for (const [openApiPath, byMethod] of Object.entries(document.paths)) {
    for (const [lower, operation] of Object.entries(byMethod)) {
      const method = lower.toUpperCase() as Method;
      const template = openApiPath.replace(/\{(\w+)\}/g, ":$1");
      const parameters = operation.parameters ?? [];
      const toParameter = (p: (typeof parameters)[number]): Parameter => ({
        name: p.name,
        required: p.required ?? false,
        schema: p.schema,
      });
      const content = operation.requestBody ? Object.entries(operation.requestBody.content)[0] : undefined;
      operations.push({
        key: `${method} ${template}`,
        method,
        template,
        pathParams: parameters.filter((p) => p.in === "path").map(toParameter),
        queryParams: parameters.filter((p) => p.in === "query").map(toParameter),
        body: content
          ? { contentType: content[0], schema: content[1].schema ?? {}, isRequired: operation.requestBody?.required ?? false }
          : undefined,
      });
    }
  }
  return operations;
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the bytes a careless
 * client would send: its 3-byte "WTF-8" form, invalid UTF-8 for the server to cope with.
 */
function encodePathValue(value: string): string {
  return value.replace(/[\s\S]/gu, (char) => {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    }
    return encodeURIComponent(char);
  });
}

/** Puts values in a `:param` template, each URL-encoded. Throws when one is missing. */
export function fillPath(template: string, params: Record<string, string>, query?: Record<string, string>): string {
  const path = template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${template}`);
    return encodePathValue(value);
  });
  const search = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : "";
  return `${path}${search}`;
}

let addressCounter = 0;
/** A new client address per request: the app's rate limit (per address) never sees hundreds of test requests. */
function nextAddress(): string {
  addressCounter = (addressCounter + 1) % 16_777_216;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export type ApiRequest = {
  method: Method;
  url: string;
  /** A JSON body (serialised by inject). */
  body?: unknown;
  /** Raw bytes or text sent as they are, with `contentType`. */
  rawBody?: string | Buffer;
  contentType?: string;
  /** false: no CSRF token on a state-changing request. */
  csrf?: boolean;
  headers?: Record<string, string>;
};

/**
 * A browser over `app.inject`: keeps its cookies, fetches the CSRF token for state-changing
 * requests (again whenever its session changes), and comes from a new address on each request.
 */
export class ApiClient {
  private cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly language = "fr",
  ) {}

  /** Another browser holding the same cookies (the same session). */
  clone(): ApiClient {
    const copy = new ApiClient(this.app, this.language);
    copy.cookies = new Map(this.cookies);
    copy.csrfToken = this.csrfToken;
    return copy;
  }

  async send(request: ApiRequest): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { "accept-language": this.language, ...request.headers };
    if (UNSAFE_METHODS.has(request.method) && request.csrf !== false) {
      this.csrfToken ??= (await this.send({ method: "GET", url: "/api/csrf-token" })).json().token;
      headers["x-csrf-token"] = this.csrfToken as string;
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let payload: string | Buffer | object | undefined;
    if (request.rawBody !== undefined) {
      payload = request.rawBody;
      headers["content-type"] = request.contentType ?? "application/octet-stream";
    } else if (request.body !== undefined) {
      payload = JSON.stringify(request.body);
      headers["content-type"] = request.contentType ?? "application/json";
    }
    const response = await this.app.inject({
      method: request.method,
      url: request.url,
      headers,
      remoteAddress: nextAddress(),
      ...(payload === undefined ? {} : { payload }),
    });
    const sessionBefore = this.cookies.get("passerelle_session");
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === "" || c.maxAge === 0 || (c.expires && c.expires.getTime() <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (this.cookies.get("passerelle_session") !== sessionBefore) this.csrfToken = undefined;
    return response;
  }

  async login(email: string, password = TEST_PASSWORD): Promise<void> {
    const response = await this.send({ method: "POST", url: "/api/auth/login", body: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  }
}

/** What is wrong with an error answer's body, or null when it is the app's envelope {error:{code,message,details}}. */
export function envelopeProblem(response: Pick<LightMyRequestResponse, "body" | "headers">): string | null {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `not JSON (${String(response.headers["content-type"])}): ${response.body.slice(0, 200)}`;
  }
  const error = (body as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  if (!error || typeof error !== "object") return `no "error" object: ${response.body.slice(0, 200)}`;
  const keys = Object.keys(body as object);
  if (keys.length !== 1) return `keys beside "error": ${keys.join(", ")}`;
  if (typeof error.code !== "string" || !/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `bad code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== "string" || error.message.length === 0) return "no message";
  if (!Array.isArray(error.details)) return "details is not an array";
  for (const d of error.details as unknown[]) {
    const detail = d as Record<string, unknown>;
    if (typeof detail?.path !== "string" || typeof detail?.message !== "string") return `bad detail ${JSON.stringify(d)}`;
  }
  return null;
}

/* ---------------------------------------------------------------- "nothing written" */

export type Digest = Map<string, string>;

const tablesOf = new WeakMap<Database, string[]>();

/** The application's tables (schema public), cached per database. */
async function tables(database: Database): Promise<string[]> {
  const known = tablesOf.get(database);
  if (known) return known;
  const { rows } = (await database.db.execute(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  )) as unknown as { rows: { table_name: string }[] };
  const names = rows.map((r) => r.table_name);
  tablesOf.set(database, names);
  return names;
}

/**
 * Each table's row count and a hash of its rows, in one query: equal digests mean nothing was
 * written (cheap on test-sized tables).
 */
export async function databaseDigest(database: Database): Promise<Digest> {
  const names = await tables(database);
  const query = names
    .map(
      (name) =>
        `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${name}" t`,
    )
    .join(" union all ");
  const { rows } = (await database.db.execute(query)) as unknown as { rows: { name: string; digest: string }[] };
  return new Map(rows.map((r) => [r.name, r.digest]));
}

/** The tables whose digest differs, leaving out those named in `ignore`. */
export function changedTables(before: Digest, after: Digest, ignore: readonly string[] = []): string[] {
  return [...after.keys()].filter((name) => !ignore.includes(name) && before.get(name) !== after.get(name));
}

/* ---------------------------------------------------------------- schema → fast-check */

const FORMAT_ARBITRARIES: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  date: () =>
    fc
      .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  "date-time": () =>
    fc
      .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString()),
  email: () => fc.emailAddress().filter((e) => e.length <= 254),
};

/** Keeps generated sizes small: the point is variety, not volume (the malformed variants bring the big ones). */
const MAX_GENERATED_LENGTH = 60;
const MAX_GENERATED_ITEMS = 4;

/**
 * An arbitrary of values valid for a JSON schema of the document (as far as JSON schema says:
 * zod's refinements are not in it, so a "valid" value may still earn a 400 — never a 500).
 */
export function arbitraryOf(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0 || (schema.description !== undefined && Object.keys(schema).length === 1))
    return fc.jsonValue({ maxDepth: 2 });
  const base = baseArbitrary(schema);
  return schema.nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function baseArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(arbitraryOf));
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map(arbitraryOf));
  if (schema.allOf?.length) return arbitraryOf(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringArbitrary(schema);
    case "integer":
      return fc.integer({ min: Math.ceil(rangeOf(schema).min), max: Math.floor(rangeOf(schema).max) });
    case "number":
      return fc.double({ ...rangeOf(schema), noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(arbitraryOf(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS)),
      });
    case "object":
    case undefined: {
      if (!schema.properties) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const required = new Set(schema.required ?? []);
      return fc.record(Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, arbitraryOf(property)])), {
        requiredKeys: Object.keys(schema.properties).filter((name) => required.has(name)),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The schema's bounds, kept near human sizes (±1,000,000) even when it allows 2^53. */
function rangeOf(schema: JsonSchema): { min: number; max: number } {
  const near = 1_000_000;
  const min = Math.max(schema.minimum ?? -near, -near);
  return { min, max: Math.max(min, Math.min(schema.maximum ?? near, near)) };
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? MAX_GENERATED_LENGTH, MAX_GENERATED_LENGTH));
  const fits = (s: string) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  const byFormat = schema.format ? FORMAT_ARBITRARIES[schema.format] : undefined;
  if (byFormat) return byFormat().filter(fits);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.string({ minLength: min, maxLength: max, unit: "grapheme" });
}

/** A value of a query or path parameter as a string (what travels in a URL). */
export function asParameterText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/* ---------------------------------------------------------------- malformed input */

/** Strings that broke servers before: NUL, lone surrogates, huge, SQL and LIKE metacharacters, paths, RTL override, astral planes. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "\udfff\ud800",
    "'; drop table users; --",
    "%",
    "_",
    "\\",
    "%_\\%",
    "../../etc/passwd",
    " ",
    "",
    "\u202etxt.exe",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👩‍👩‍👧",
    "e\u0301",
    "\ufeff",
    "NaN",
    "-1",
    "1e400",
    "0x10",
    "true",
    "null",
    "00000000-0000-0000-0000-000000000000",
    "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
    "12345678-1234-1234-1234-1234567890ab\u0000",
    "<script>alert(1)</script>",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
    "${7*7}{{7*7}}",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom(10_000, 100_000, 300_000).map((n) => "a".repeat(n)),
  fc.constantFrom(1_000, 20_000).map((n) => "é😀".repeat(n)),
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, -2_147_483_649, 2_147_483_648, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any value of the wrong kind: a nasty string or number, a boolean, null, an empty or deep container. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyString, weight: 4 },
  { arbitrary: nastyNumber, weight: 3 },
  { arbitrary: fc.constantFrom(true, false, null, [], {}, [null]), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  { arbitrary: fc.constant(JSON.parse(`${"[".repeat(500)}${"]".repeat(500)}`)), weight: 1 },
);

/** Sets an own key, "__proto__" included (a plain assignment would change the prototype instead). */
function setKey(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation = { kind: "replace" | "delete" | "extra"; steps: number[]; value: unknown; key: string };

/**
 * One change deep inside a valid value: a field (or item) replaced by a nasty value, removed, or an
 * unexpected key added; the steps pick the way down.
 */
export function mutate(value: unknown, mutation: Mutation): unknown {
  if (value === null || typeof value !== "object") {
    if (mutation.kind !== "extra") return mutation.value;
    const extra: Record<string, unknown> = {};
    setKey(extra, mutation.key, mutation.value);
    return extra;
  }
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const [step, ...rest] = mutation.steps;
  if (step === undefined || keys.length === 0) {
    if (mutation.kind === "extra" && !Array.isArray(copy)) setKey(copy, mutation.key, mutation.value);
    else if (Array.isArray(copy)) copy.push(mutation.value);
    return copy;
  }
  const key = keys[step % keys.length] as string;
  const child = (copy as Record<string, unknown>)[key];
  const goesDeeper = rest.length > 0 && child !== null && typeof child === "object" && Object.keys(child).length > 0;
  if (goesDeeper) (copy as Record<string, unknown>)[key] = mutate(child, { ...mutation, steps: rest });
  else if (mutation.kind === "delete") {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
  } else if (mutation.kind === "replace") (copy as Record<string, unknown>)[key] = mutation.value;
  else if (Array.isArray(copy)) copy.push(mutation.value);
  else setKey(copy, mutation.key, mutation.value);
  return copy;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("replace", "replace", "delete", "extra"),
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  value: nastyValue,
  key: fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "role", "roles", "isAdmin", "userId"), fc.string({ maxLength: 12 })),
});
