import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import type { Database } from "./db/client.ts";
import { manualClock } from "./platform/clock/clock.ts";
import { createTestApp, type TestContext } from "./test/test-app.ts";
import { createTestDatabase } from "./test/test-database.ts";

/** PASSERELLE_TRUST_PROXY as the network sees it: which address the global rate limit counts, and the start-up warning. */

const PROXY = "10.0.0.2";

describe("the global rate limit behind a trusted proxy", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ env: { PASSERELLE_TRUST_PROXY: PROXY } });
  });
  afterAll(() => ctx.close());

  const get = (client: string, forged: string) =>
    ctx.app.inject({ method: "GET", url: "/api/csrf-token", remoteAddress: PROXY, headers: { "x-forwarded-for": `${forged}, ${client}` } });

  it("is counted per client address, whatever the client writes at the left of X-Forwarded-For", async () => {
    for (let i = 0; i < 600; i++) {
      const response = await get("203.0.113.7", `198.51.${Math.floor(i / 250)}.${i % 250}`);
      if (response.statusCode !== 200) throw new Error(`request ${i + 1} answered ${response.statusCode}`);
    }
    const limited = await get("203.0.113.7", "192.0.2.200");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("RATE_LIMITED");
    // Another client behind the same proxy is not held back.
    expect((await get("203.0.113.8", "192.0.2.200")).statusCode).toBe(200);
  });
});

describe("PASSERELLE_TRUST_PROXY=true", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  async function startupWarnings(trustProxy: string): Promise<string[]> {
    const lines: string[] = [];
    const config = loadConfig({ PASSERELLE_PUBLIC_URL: "http://passerelle.test", PASSERELLE_TRUST_PROXY: trustProxy });
    const app = await buildApp({
      database,
      clock: manualClock(),
      config,
      logger: { level: "warn", stream: { write: (line: string) => lines.push(line) } },
    });
    await app.close();
    return lines.map((line) => JSON.parse(line)).flatMap((entry) => (entry.level === 40 ? [entry.msg as string] : []));
  }

  it("logs a warning at start: any client can then choose the address it is counted under", async () => {
    expect(await startupWarnings("true")).toEqual([
      expect.stringMatching(/WARNING.*PASSERELLE_TRUST_PROXY=true.*any.*X-Forwarded-For.*docs\/deployment\.md/),
    ]);
    expect(await startupWarnings(PROXY)).toEqual([]);
    expect(await startupWarnings("false")).toEqual([]);
  });
});
