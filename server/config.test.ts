import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has defaults that run on the embedded database in ./data", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: path.resolve("data"),
      publicUrl: "http://127.0.0.1:3000",
    });
    expect(config.session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
  });

  it("names each wrong variable", () => {
    expect(() => loadConfig({ PORT: "abc", PASSERELLE_SESSION_IDLE_MINUTES: "-1" })).toThrow(/PORT[\s\S]*PASSERELLE_SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ PASSERELLE_ADMIN_EMAIL: "a@example.fr" })).toThrow(/must be set together/);
  });
});
