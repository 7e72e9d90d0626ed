/**
 * The safety net under the use cases' own checks: a unique index the database enforces (two
 * concurrent requests, a rule a use case forgot) answers 409 CONFLICT in the envelope, translated,
 * and leaves a warning in the log naming the constraint; never a 500.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { loginFailures } from "../../db/schema.ts";
import { createTestDatabase } from "../../test/test-database.ts";
import { registerErrorHandler } from "./error-handler.ts";

let database: Database;
let app: FastifyInstance;
const logLines: { level: number; msg: string; constraint?: string }[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  app = Fastify({ logger: { level: "info", stream: { write: (line: string) => void logLines.push(JSON.parse(line)) } } });
  registerErrorHandler(app);
  // Two rows with one key, in a transaction as a use case would write them.
  app.post("/twice", async () => {
    const row = { key: "twice", failures: 1, windowStartedAt: new Date() };
    await database.db.transaction((tx) => tx.insert(loginFailures).values([row, row]));
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("a unique violation that escapes a use case", () => {
  it("answers 409 CONFLICT with a translated message, and warns in the log", async () => {
    const en = await app.inject({ method: "POST", url: "/twice", headers: { "accept-language": "en" } });
    expect([en.statusCode, en.json()]).toEqual([
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
    expect(en.body).not.toContain("login_failures");
    const fr = await app.inject({ method: "POST", url: "/twice", headers: { "accept-language": "fr" } });
    expect([fr.statusCode, fr.json().error.message]).toEqual([
      409,
      "Cette modification entre en conflit avec des données déjà enregistrées, peut-être au même moment par quelqu’un d’autre. Rechargez la page et réessayez.",
    ]);
    const warnings = logLines.filter((line) => line.level === 40);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ constraint: "login_failures_pkey" });
    expect(logLines.some((line) => line.level >= 50)).toBe(false);
  });
});
