import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/test-database.ts";
import type { Database } from "./client.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("locks that die with their holder (Database.tryLock)", () => {
  it("holds a key once, gives it back on release, and lets other keys be taken meanwhile", async () => {
    const first = await database.tryLock("import:a");
    expect(first).toBeDefined();
    expect(await database.tryLock("import:a")).toBeUndefined();
    const other = await database.tryLock("import:b");
    expect(other).toBeDefined();
    await first?.release();
    const again = await database.tryLock("import:a");
    expect(again).toBeDefined();
    await Promise.all([again?.release(), other?.release()]);
  });

  it("takes no connection from the pool, however many locks are held (long applies never starve requests)", async () => {
    // The test pool has 4 connections: 12 locks held, and queries still run.
    const held = await Promise.all(Array.from({ length: 12 }, (_, i) => database.tryLock(`import:${i}`)));
    expect(held.every(Boolean)).toBe(true);
    const answers = await Promise.all(Array.from({ length: 8 }, () => database.db.execute(sql`select 1 as one`)));
    expect(answers).toHaveLength(8);
    await Promise.all(held.map((lock) => lock?.release()));
  });
});
