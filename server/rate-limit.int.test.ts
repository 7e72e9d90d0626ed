import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { WEB_DIST } from "./platform/http/web-assets.ts";
import { createTestApp } from "./test/test-app.ts";

const assets = path.join(WEB_DIST, "assets");
const anAsset = existsSync(assets) ? readdirSync(assets).find((f) => f.endsWith(".js")) : undefined;

it.skipIf(!anAsset)(
  "counts the API's requests per client, never the web app's files (skipped until `npm run build` made them)",
  async () => {
    const ctx = await createTestApp();
    try {
      const statuses = async (url: string, count: number) => {
        const seen = new Set<number>();
        for (let k = 0; k < count; k++) seen.add((await ctx.app.inject({ method: "GET", url })).statusCode);
        return seen;
      };
      // One page load fetches dozens of script chunks: a busy minute must never answer one of them 429 (a blank page).
      expect(await statuses(`/assets/${anAsset}`, 650)).toEqual(new Set([200]));
      expect(await statuses("/api/csrf-token", 650)).toContain(429);
    } finally {
      await ctx.close();
    }
  },
);
