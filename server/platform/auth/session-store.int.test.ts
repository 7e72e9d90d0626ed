import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";

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
