/**
 * Every text a request can carry (body fields, query parameters, path parameters, JSON keys),
 * walked from the OpenAPI document: a character PostgreSQL cannot store (U+0000, a lone
 * surrogate) gets a 400 naming the field with a translated message, or is dropped from a search;
 * never a 500. The rule is contracts/text.ts.
 */
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPeople } from "../../test/programme-builders.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { registerErrorHandler } from "./error-handler.ts";

const NUL = "a\u0000b";
const LONE_SURROGATE = "a\uD83Db";
const SOME_ID = "00000000-0000-4000-8000-000000000000";
const INVALID_CHARACTER_EN =
  "This text contains a character that cannot be saved (a null character, U+0000, or half of an emoji or symbol): remove it.";
const INVALID_CHARACTER_FR =
  "Ce texte contient un caractère qui ne peut pas être enregistré (un caractère nul, U+0000, ou la moitié d’un emoji ou d’un symbole) : retirez-le.";

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  minItems?: number;
};
type Parameter = { in: "path" | "query"; name: string; schema: JsonSchema };
type Operation = { requestBody?: { content: Record<string, { schema: JsonSchema }> }; parameters?: Parameter[] };
type Route = { method: string; path: string; operation: Operation };

/** Searches and directory filters drop the characters instead of refusing them (contracts/text.ts `searchText`). */
const isSearch = (field: string) => /(^|\.)(q|department|site)$/.test(field) || field.startsWith("filters.");
/** Strings with a format or pattern (ids, dates, emails, skill ids) may say "invalid value" instead. */
const isFreeText = (schema: JsonSchema) => !schema.format && !schema.pattern;

/** A body whose every string field holds `bad` (other fields: something of the right type); collects those fields. */
function sample(schema: JsonSchema, path: string, bad: string, strings: { path: string; schema: JsonSchema }[]): unknown {
  const variant = schema.anyOf ?? schema.oneOf;
  if (variant) return sample(variant.find((s) => s.type !== "null") ?? (variant[0] as JsonSchema), path, bad, strings);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "string":
      strings.push({ path, schema });
      return bad;
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, child]) => [key, sample(child, path ? `${path}.${key}` : key, bad, strings)]),
      );
    case "array":
      return [sample(schema.items ?? {}, `${path}.0`, bad, strings)];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    default:
      return null;
  }
}

/** A valid-looking value for a path parameter. */
const pathValue = (schema: JsonSchema) => (schema.format === "uuid" ? SOME_ID : schema.pattern ? "excel" : "abcdefghijkl");

function urlOf(route: Route, override?: { name: string; value: string }): string {
  let url = route.path;
  for (const p of route.operation.parameters ?? []) {
    if (p.in !== "path") continue;
    url = url.replace(`{${p.name}}`, p.name === override?.name ? override.value : pathValue(p.schema));
  }
  return url;
}

let ctx: TestContext;
let client: TestClient;
let routes: Route[];

beforeAll(async () => {
  ctx = await createTestApp();
  // Every role, so that every route's access rule lets the request reach validation.
  await createUser(ctx, { email: "tout@exemple.fr", roles: ["admin", "manager", "participant"], locale: "en" });
  client = new TestClient(ctx.app);
  await client.login("tout@exemple.fr");
  await addPeople(ctx, [{ key: "dupont" }]);
  const doc = (await client.get("/api/openapi.json")).json() as { paths: Record<string, Record<string, Operation>> };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
});
afterAll(() => ctx.close());

type Send = (method: string, url: string, body?: unknown) => ReturnType<TestClient["request"]>;
const send: Send = (method, url, body) => client.request(method as "GET", url, body);

describe("a character PostgreSQL cannot store", () => {
  it("is refused in my display name with a 400 naming the field, in my language", async () => {
    const response = await client.patch("/api/me", { displayName: NUL });
    expect([response.statusCode, response.json()]).toEqual([
      400,
      {
        error: {
          code: "VALIDATION_ERROR",
          message: "Some information is invalid.",
          details: [{ path: "displayName", message: INVALID_CHARACTER_EN }],
        },
      },
    ]);
    await createUser(ctx, { email: "lea@exemple.fr" });
    const lea = new TestClient(ctx.app);
    await lea.login("lea@exemple.fr");
    const fr = await lea.patch("/api/me", { displayName: LONE_SURROGATE });
    expect(fr.json().error.details).toEqual([{ path: "displayName", message: INVALID_CHARACTER_FR }]);
    expect((await lea.get("/api/me")).json().displayName).toBe("lea");
  });

  it("is refused in the import's file name", async () => {
    const response = await client.request(
      "POST",
      "/api/people/imports?fileName=rh%00.csv",
      "Matricule;Nom;Prénom;Email\nE1;Martin;Léa;l@x.fr\n",
      {
        headers: { "content-type": "text/csv" },
      },
    );
    expect([response.statusCode, response.json().error.details]).toEqual([400, [{ path: "fileName", message: INVALID_CHARACTER_EN }]]);
  });

  it("is dropped from a search, which then finds what it would without it", async () => {
    const people = await client.get("/api/people?q=Dup%00ont");
    expect(people.statusCode).toBe(200);
    expect(people.json().items.map((p: { employeeId: string }) => p.employeeId)).toEqual(["dupont"]);
    for (const url of ["/api/admin/accounts?q=a%00b", "/api/skills/search?q=a%00b", "/api/people?department=a%00b&site=%00"]) {
      expect((await client.get(url)).statusCode, url).toBe(200);
    }
  });

  it.each([
    ["U+0000", NUL],
    ["a lone surrogate", LONE_SURROGATE],
  ])("(%s) in any field of any request body gets a 400 naming each field", async (_label, bad) => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const schema = route.operation.requestBody?.content["application/json"]?.schema;
      if (!schema || route.path === "/api/people/imports") continue; // the import's body is the CSV file (tested in people-import)
      const strings: { path: string; schema: JsonSchema }[] = [];
      const body = sample(schema, "", bad, strings);
      if (!strings.length) continue;
      const response = await send(route.method, urlOf(route), body);
      const details = response.statusCode === 400 ? (response.json().error.details as { path: string; message: string }[]) : [];
      for (const field of strings) {
        checked++;
        const detail = details.find((d) => d.path === field.path);
        if (isSearch(field.path)) {
          if (detail) failures.push(`${route.method} ${route.path} ${field.path}: a search field refused (${detail.message})`);
        } else if (!detail)
          failures.push(`${route.method} ${route.path} ${field.path}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        else if (isFreeText(field.schema) && detail.message !== INVALID_CHARACTER_EN)
          failures.push(`${route.method} ${route.path} ${field.path}: "${detail.message}"`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it("in a query parameter gets a 400 naming it, or is dropped from a search", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const p of route.operation.parameters ?? []) {
        if (p.in !== "query" || p.schema.type !== "string" || p.schema.enum) continue;
        const url = `${urlOf(route)}?${p.name}=a%00b`;
        const response =
          route.path === "/api/people/imports"
            ? await client.request("POST", url, "Matricule;Nom\n", { headers: { "content-type": "text/csv" } })
            : await send(route.method, url, route.method === "GET" ? undefined : {});
        const named = response.statusCode === 400 && response.json().error.details.some((d: { path: string }) => d.path === p.name);
        if (response.statusCode >= 500 || named === isSearch(p.name))
          failures.push(`${route.method} ${route.path} ?${p.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("in a path parameter gets a 400 naming it", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      // A calendar feed's token is a secret: whatever is wrong with it, the link opens nothing (404, calendar.int.test.ts).
      if (route.path === "/api/calendar/{token}.ics") continue;
      for (const p of route.operation.parameters ?? []) {
        if (p.in !== "path") continue;
        checked++;
        const response = await send(route.method, urlOf(route, { name: p.name, value: "a%00b" }), route.method === "GET" ? undefined : {});
        const named = response.statusCode === 400 && response.json().error.details.some((d: { path: string }) => d.path === p.name);
        if (!named) failures.push(`${route.method} ${route.path} {${p.name}}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it("in a JSON key or a non-API path is never a 500", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (!route.operation.requestBody || route.path === "/api/people/imports") continue;
      const response = await send(route.method, urlOf(route), { "a\u0000b": "x", [`k${LONE_SURROGATE}`]: 1 });
      if (response.statusCode >= 500) failures.push(`${route.method} ${route.path}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    for (const url of ["/a%00b", "/%00", "/api/a%00b", "/admin/people%00"]) {
      const response = await send("GET", url);
      if (response.statusCode >= 500) failures.push(`GET ${url}: ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("should such a text slip past the contracts", () => {
  it("the database's refusal (text or jsonb) is a 400 INVALID_TEXT, not a 500", async () => {
    const bare = Fastify();
    registerErrorHandler(bare);
    bare.get("/text", async () => ctx.database.db.execute(sql`select ${NUL}::text as x`));
    bare.get("/jsonb", async () => ctx.database.db.execute(sql`select ${JSON.stringify({ note: NUL })}::jsonb as x`));
    for (const url of ["/text", "/jsonb"]) {
      const response = await bare.inject({ method: "GET", url, headers: { "accept-language": "en" } });
      expect([response.statusCode, response.json()]).toEqual([
        400,
        {
          error: {
            code: "INVALID_TEXT",
            message: "The text sent contains a character that cannot be saved (a null character, U+0000): remove it.",
            details: [],
          },
        },
      ]);
    }
    await bare.close();
  });
});
