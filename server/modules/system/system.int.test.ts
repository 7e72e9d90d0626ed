import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../db/client.ts";
import { ROUTE_ACCESS } from "../../platform/auth/route-access.ts";
import { manualClock } from "../../platform/clock/clock.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { isPostgresRun } from "../../test/test-database.ts";
import { ensureFirstAdmin } from "../accounts/index.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe("health", () => {
  it("answers 200 once the database is migrated", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 before migrations have run, and after the database is gone", async () => {
    const database = await openDatabase({ kind: "pglite" });
    const app = await buildApp({ database, clock: manualClock(), config: loadConfig({}) });
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(503);
    await database.migrate();
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    await database.close();
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(503);
    await app.close();
  });
});

describe("OpenAPI", () => {
  it("is a valid OpenAPI 3 document listing every API route", async () => {
    const document = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(document.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(document));
    expect(result.valid, JSON.stringify(result)).toBe(true);
    const listed = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    // route-access.ts must name every API route (checked at start-up), so it is the list to compare with.
    expect(listed.sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  it("serves its UI at /api/docs", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("swagger");
  });
});

describe("HTTP hardening", () => {
  it("sends security headers with a Content-Security-Policy and a request id", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/healthz" });
    const csp = response.headers["content-security-policy"] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-request-id"]).toMatch(/^[\w-]+$/);
  });

  it("answers an unknown API route with a 404 in the error envelope", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/nope", headers: { "accept-language": "en" } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No route GET /api/nope.", details: [] } });
  });

  it("refuses to start when an API route has no access rule", async () => {
    const app = await buildApp({ database: ctx.database, clock: manualClock(), config: loadConfig({}) });
    expect(() => app.get("/api/unlisted", async () => ({}))).toThrow(/No access rule for "GET \/api\/unlisted"/);
    await app.close();
  });
});

describe("people directory", () => {
  it("lists people with their manager and account, for admins and managers only", async () => {
    const { insertPeople } = await import("../people/index.ts");
    await insertPeople(ctx.database.db, [
      {
        employeeId: "E1",
        firstName: "Hélène",
        lastName: "Verdier",
        email: "helene@example.fr",
        department: "Direction",
        site: "Lyon",
        jobTitle: "PDG",
      },
      {
        employeeId: "E2",
        firstName: "Gaël",
        lastName: "Le Goff",
        email: "gael@example.fr",
        department: "SI",
        site: "Nantes",
        jobTitle: "Développeur",
        managerEmployeeId: "E1",
      },
    ]);
    await createUser(ctx, { email: "gael@example.fr", roles: ["participant"] });
    await createUser(ctx, { email: "rh-people@example.fr", roles: ["manager"] });
    const manager = new TestClient(ctx.app);
    await manager.login("rh-people@example.fr");
    const page = (await manager.get("/api/people?q=goff")).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      firstName: "Gaël",
      managerName: "Hélène Verdier",
      account: { status: "active", roles: ["participant"] },
    });
    expect(page.departments).toEqual(["Direction", "SI"]);
    expect((await manager.get("/api/admin/overview")).json()).toMatchObject({ people: 2, accounts: { active: 2 } });

    const gael = new TestClient(ctx.app);
    await gael.login("gael@example.fr");
    expect((await gael.get("/api/people")).statusCode).toBe(403);
  });
});

describe.skipIf(isPostgresRun())("embedded database on disk", () => {
  it("keeps the first administrator across a restart", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-restart-"));
    const config = loadConfig({ PASSERELLE_DATA_DIR: dataDir });
    const clock = manualClock();
    const open = async () => {
      const database = await openDatabase({ kind: "pglite", dataDir });
      await database.migrate();
      return { database, app: await buildApp({ database, clock, config }) };
    };
    let run = await open();
    const first = await ensureFirstAdmin(undefined, {
      database: run.database,
      clock,
      publicUrl: config.publicUrl,
      session: config.session,
    });
    const token = (first as { link: string }).link.split("=").pop();
    const setup = await new TestClient(run.app).post("/api/setup", {
      token,
      displayName: "Admin",
      email: "admin@example.fr",
      password: "phrase de passe solide",
    });
    expect(setup.statusCode).toBe(201);
    await run.app.close();
    await run.database.close();

    run = await open();
    await new TestClient(run.app).login("admin@example.fr", "phrase de passe solide");
    await run.app.close();
    await run.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("stops a second process on the same data directory at once, naming the lock; the first loses nothing", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-lock-"));
    const database = await openDatabase({ kind: "pglite", dataDir });
    await database.migrate();
    await createUser({ database, clock: manualClock() }, { email: "before@example.fr" });

    const second = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, PASSERELLE_DATA_DIR: dataDir, PORT: "0" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(path.join(dataDir, "passerelle.lock"));

    await createUser({ database, clock: manualClock() }, { email: "after@example.fr" });
    const { rows } = (await database.db.execute("select email from users order by email")) as unknown as { rows: { email: string }[] };
    expect(rows.map((r) => r.email)).toEqual(["after@example.fr", "before@example.fr"]);
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
