import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "../../db/client.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { canStartSessions, pairAccess } from "./index.ts";

/**
 * A pair's workspace is opened on every request of its page: `pairAccess` reads the pair and its programme
 * in one query, and reads both people's preparation only when asked whether sessions may start.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.set(new Date("2026-03-02T09:00:00Z"));
});
afterAll(() => ctx.close());

/** The database, counting the queries started through it. */
function counted(db: Tx): { db: Tx; queries: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (key === "select" || key === "execute") n += 1;
        return value.apply(target, args);
      };
    },
  });
  return { db: proxy, queries: () => n };
}

async function pairOf(state: "active" | "intro", requiresOnboarding: boolean) {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "lea", profile: mentorProfile(["excel"]), withAccount: true },
    { key: "henri", profile: menteeProfile(["excel"]), withAccount: true },
  ]);
  const { pairId } = await publishedPair(hr, { cast: people, mentor: "lea", mentee: "henri" }, state, { requiresOnboarding });
  return { pairId, lea: { personId: people.ids.lea as string, roles: ["participant" as const] } };
}

describe("a pair's access", () => {
  it("reads the pair in one query, the preparation only when asked whether sessions may start", async () => {
    const { pairId, lea } = await pairOf("active", true);
    const { db, queries } = counted(ctx.database.db);
    const access = await pairAccess(db, pairId, lea);
    expect(access).toMatchObject({ actor: "mentor", state: "active", programme: { requiresOnboarding: true } });
    expect(access).not.toHaveProperty("canStartSessions");
    expect(queries()).toBe(1);
    // Preparation required and not done: sessions wait (both people's preparation read).
    expect(await canStartSessions(db, access)).toBe(false);
    expect(queries()).toBe(3);
  });

  it("lets sessions start in an active pair of a programme without preparation, never at the intro coffee", async () => {
    const open = await pairOf("active", false);
    const { db, queries } = counted(ctx.database.db);
    expect(await canStartSessions(db, await pairAccess(db, open.pairId, open.lea))).toBe(true);
    expect(queries()).toBe(1);
    const intro = await pairOf("intro", false);
    expect(await canStartSessions(db, await pairAccess(db, intro.pairId, intro.lea))).toBe(false);
  });
});
