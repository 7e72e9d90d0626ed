import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../../db/schema.ts";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { createSession, findSession } from "./session-store.ts";

describe("idle timeout shorter than the write granularity of last_seen_at", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ env: { PASSERELLE_SESSION_IDLE_MINUTES: "1" } });
    await createUser(ctx, { email: "paul@example.fr" });
  });
  afterAll(() => ctx.close());

  it("keeps a session used every 30 seconds alive with a 1-minute idle limit, and ends it after 61 s idle", async () => {
    const browser = new TestClient(ctx.app);
    await browser.login("paul@example.fr");
    for (let elapsed = 30; elapsed <= 5 * 60; elapsed += 30) {
      ctx.clock.advance(30_000);
      expect((await browser.get("/api/me")).statusCode, `after ${elapsed} s`).toBe(200);
    }
    ctx.clock.advance(61_000);
    expect((await browser.get("/api/me")).statusCode).toBe(401);
  });
});

describe("the session's user", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  const limits = { idleMs: 60_000, absoluteMs: 3_600_000 };

  it("carries the directory entry the account is linked to, read with the session", async () => {
    const now = ctx.clock.now();
    const [person] = await ctx.database.db
      .insert(people)
      .values({ employeeId: "E-1", firstName: "Lina", lastName: "Test", email: "lina@example.fr", createdAt: now, updatedAt: now })
      .returning({ id: people.id });
    const linked = await createUser(ctx, { email: "lina@example.fr" });
    const { token } = await createSession(ctx.database.db, linked.id, now);
    expect((await findSession(ctx.database.db, token, now, limits))?.user).toMatchObject({ id: linked.id, personId: person?.id });
  });

  it("has no person when the account is linked to none, and GET /api/me does not show it", async () => {
    const alone = await createUser(ctx, { email: "solo@example.fr" });
    const { token } = await createSession(ctx.database.db, alone.id, ctx.clock.now());
    expect((await findSession(ctx.database.db, token, ctx.clock.now(), limits))?.user.personId).toBeNull();
    const browser = new TestClient(ctx.app);
    await browser.login("solo@example.fr");
    expect(Object.keys((await browser.get("/api/me")).json())).not.toContain("personId");
  });
});
