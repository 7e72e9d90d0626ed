/**
 * Fuzz of every operation of /api/openapi.json, as a manager and as a participant: path ids (the
 * world's own, of every kind, random and malformed), queries and bodies generated from the
 * operation's schema, and malformed variants of them (wrong types, huge strings, NUL characters,
 * lone surrogates, negative and huge numbers, extra and missing keys, invalid JSON, other content
 * types, no CSRF token).
 *
 * Whatever comes in: never a 5xx; every 4xx in the error envelope; a refused request writes
 * nothing, and neither does a GET (digest of every table before and after).
 *
 * Bounded in time: FUZZ_BUDGET_MS per identity (default 25 s), shared by the operations. Replay
 * with FUZZ_SEED (printed with every failure); FUZZ_BUDGET_MS=300000 for a longer hunt.
 */

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, EMAIL_OF, type World, worldIds } from "./api-world.ts";
import {
  ApiClient,
  type ApiRequest,
  arbitraryOf,
  asParameterText,
  changedTables,
  type Digest,
  databaseDigest,
  envelopeProblem,
  fillPath,
  loadOperations,
  mutate,
  mutationArbitrary,
  nastyString,
  nastyValue,
  type Operation,
  UNSAFE_METHODS,
} from "./openapi-operations.ts";
import { createTestApp, type TestContext } from "./test-app.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_110);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 25_000);
/** Runs of each operation whatever the budget. */
const MIN_RUNS = 3;

/** They log in or out, or take a session: run on a session of their own so that the fuzzing identity keeps its own. */
const SESSION_CHANGING = new Set([
  "POST /api/auth/login",
  "POST /api/auth/logout",
  "POST /api/setup",
  "POST /api/invitations/:token/accept",
]);
/** A failed login is counted (throttling) by design: the only write a refusal may make. */
const WRITES_ON_PURPOSE: Record<string, string[]> = { "POST /api/auth/login": ["login_failures"] };

type Generated = { request: Omit<ApiRequest, "method" | "url">; params: Record<string, string>; query: Record<string, string> };

/** A path parameter: an id of the world (any kind), a value valid for its schema, or a malformed one. */
function parameterArbitrary(schema: Operation["pathParams"][number]["schema"], ids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 5 },
    { arbitrary: arbitraryOf(schema).map(asParameterText), weight: 2 },
    { arbitrary: nastyString.filter((s) => s.length > 0 && s.length < 5_000), weight: 2 },
  );
}

function queryArbitrary(operation: Operation): fc.Arbitrary<Record<string, string>> {
  const values: Record<string, fc.Arbitrary<string>> = {};
  for (const p of operation.queryParams)
    values[p.name] = fc.oneof({ arbitrary: arbitraryOf(p.schema).map(asParameterText), weight: 3 }, { arbitrary: nastyString, weight: 2 });
  const valid: fc.Arbitrary<Record<string, string>> = fc.record(values, {
    requiredKeys: operation.queryParams.filter((p) => p.required).map((p) => p.name),
  });
  const withExtraKey = fc.tuple(valid, fc.string({ maxLength: 10 }), nastyString).map(([q, k, v]) => ({ ...q, [k]: v }));
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: withExtraKey, weight: 1 });
}

function bodyArbitrary(operation: Operation): fc.Arbitrary<Omit<ApiRequest, "method" | "url">> {
  const schema = operation.body?.schema;
  const json = (body: unknown) => ({ body });
  const variants: fc.WeightedArbitrary<Omit<ApiRequest, "method" | "url">>[] = [
    { arbitrary: arbitraryOf(schema).map(json), weight: 4 },
    { arbitrary: fc.tuple(arbitraryOf(schema), mutationArbitrary).map(([valid, m]) => json(mutate(valid, m))), weight: 5 },
    { arbitrary: nastyValue.map(json), weight: 1 },
    {
      arbitrary: fc.record({
        rawBody: fc.oneof(
          fc.constantFrom("{", '{"a":', "[1,]", "nul", '{"a":"\\u0000"}', '{"__proto__":{"isAdmin":true}}', "\u0000", '"\\ud800"'),
          nastyString,
          fc.constantFrom("Matricule;Nom;Prénom;Email\r\nX1;Nul\u0000;Zéro;x1@exemple.fr\r\n", "Matricule;Nom\r\n", "\ufeff\u0000\u0000"),
        ),
        contentType: fc.constantFrom(
          "application/json",
          "text/csv",
          "application/octet-stream",
          "text/plain",
          "application/x-www-form-urlencoded",
        ),
      }),
      weight: 2,
    },
    { arbitrary: fc.constant({ body: "x".repeat(1_100_000) }), weight: 1 },
  ];
  return fc.oneof(...variants);
}

function requestArbitrary(operation: Operation, ids: string[]): fc.Arbitrary<Generated> {
  const hasBody = UNSAFE_METHODS.has(operation.method);
  return fc
    .record({
      params: fc.record(Object.fromEntries(operation.pathParams.map((p) => [p.name, parameterArbitrary(p.schema, ids)]))),
      query: queryArbitrary(operation),
      body: hasBody ? bodyArbitrary(operation) : fc.constant({}),
      dice: fc.integer({ min: 0, max: 19 }),
    })
    .map((r) => ({
      params: r.params as Record<string, string>,
      query: r.query,
      // One state-changing request in twenty goes without the CSRF token.
      request: { ...r.body, ...(hasBody && r.dice === 0 ? { csrf: false } : {}) },
    }));
}

/** A long text cut to a readable size, saying how long it was. */
const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max)}…(${text.length} characters)` : text);

/** What failed, with how to find it again; null when nothing did (an interruption is the time budget, not a failure). */
function failureOf<T>(details: fc.RunDetails<T>): string | null {
  if (!details.failed || (details.interrupted && details.counterexample === null)) return null;
  if (details.counterexample === null) return `seed ${details.seed}): ${fc.defaultReportMessage(details)}`;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const input = shorten(
    JSON.stringify(details.counterexample, (_key, value) => (typeof value === "string" ? shorten(value) : value)),
    400,
  );
  return `seed ${details.seed}, path ${details.counterexamplePath}, after ${details.numRuns} runs): ${error}\n  input: ${input}`;
}

let ctx: TestContext;
let world: World;
let operations: Operation[];

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx);
  operations = await loadOperations(ctx.app);
}, 90_000);
afterAll(() => ctx?.close());

async function fuzzAs(who: "manager" | "participant") {
  const email = EMAIL_OF[who];
  const main = new ApiClient(ctx.app);
  await main.login(email);
  const ids = worldIds(world);
  let digest: Digest | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  const failures: string[] = [];
  let requests = 0;
  const perOperation = Math.max(50, Math.floor(BUDGET_MS / operations.length));

  for (const operation of operations) {
    const fuzzOnce = async (generated: Generated) => {
      const isSessionChanging = SESSION_CHANGING.has(operation.key);
      const client = isSessionChanging ? await freshSession(email) : main;
      const url = fillPath(operation.template, generated.params, generated.query);
      // The fresh session is a write of its own: digest after it.
      const before = (isSessionChanging ? undefined : digest) ?? (await databaseDigest(ctx.database));
      const response = await client.send({ method: operation.method, url, ...generated.request });
      requests++;
      const status = response.statusCode;
      const shown = `${operation.method} ${shorten(url, 120)} → ${status} ${shorten(response.body, 160)}`;
      if (status >= 500) throw new Error(`5xx: ${shown}`);
      if (status >= 400) {
        const problem = envelopeProblem(response);
        if (problem) throw new Error(`not in the error envelope (${problem}): ${shown}`);
      }
      if (status >= 400 || operation.method === "GET") {
        const after = await databaseDigest(ctx.database);
        const changed = changedTables(before, after, WRITES_ON_PURPOSE[operation.key]);
        digest = after;
        if (changed.length) throw new Error(`${status >= 400 ? "refused" : "a GET"} but wrote to ${changed.join(", ")}: ${shown}`);
      } else {
        digest = undefined;
      }
    };
    const property = fc.asyncProperty(requestArbitrary(operation, ids), (generated) => {
      // fast-check stops waiting for a run at the time limit, the request goes on: the next operation waits for it.
      const run = fuzzOnce(generated);
      inFlight = run.catch(() => undefined);
      return run;
    });
    // A few runs whatever the time, then as many as the operation's share of the budget allows.
    const started = Date.now();
    let failure = failureOf(await fc.check(property, { seed: SEED, numRuns: MIN_RUNS }));
    const left = perOperation - (Date.now() - started);
    if (!failure && left > 0)
      failure = failureOf(await fc.check(property, { seed: SEED + 1, numRuns: 100_000, plugins: [fc.interruptAfterTimeLimit(left)] }));
    await inFlight;
    // Whatever ran after the limit left the database as it pleases: take a new digest.
    digest = undefined;
    if (failure) failures.push(`${operation.key} (FUZZ_SEED=${SEED}, ${failure}`);
  }
  return { failures, requests };

  async function freshSession(address: string) {
    const client = new ApiClient(ctx.app);
    await client.login(address);
    return client;
  }
}

describe("fuzzing every operation", () => {
  for (const who of ["manager", "participant"] as const) {
    it(
      `as a ${who}: never a 5xx, always the error envelope, nothing written on refusal`,
      async () => {
        const { failures, requests } = await fuzzAs(who);
        expect(
          failures,
          `${failures.length} operations failed out of ${operations.length} (${requests} requests):\n${failures.join("\n")}`,
        ).toEqual([]);
        expect(requests).toBeGreaterThan(operations.length);
      },
      BUDGET_MS * 3 + 60_000,
    );
  }
});
