/**
 * SIGKILL during a burst of acknowledged writes loses none of them (scripts/crash-writes.ts runs the
 * real server in a child process, kills it, starts it again on the same data and checks). A smaller
 * burst than the script's default: `npx tsx scripts/crash-writes.ts --db pglite|postgres` runs the full one.
 */
import { describe, expect, it } from "vitest";
import { crashWrites } from "../../scripts/crash-writes.ts";
import { isPostgresRun } from "./test-database.ts";

const BURST = { writes: 40, concurrency: 8, killAfter: 20 };

describe("a server killed in the middle of a burst of writes", () => {
  it.skipIf(isPostgresRun())(
    "keeps every acknowledged write on the embedded database, and restarts at once on its data directory",
    async () => {
      const result = await crashWrites({ db: "pglite", ...BURST });
      expect(result.refused).toEqual([]);
      expect(result.acknowledged).toBeGreaterThanOrEqual(BURST.killAfter);
      expect(result.lost).toEqual([]);
    },
    180_000,
  );

  it.runIf(isPostgresRun())(
    "keeps every acknowledged write on PostgreSQL",
    async () => {
      const result = await crashWrites({ db: "postgres", postgresUrl: process.env.TEST_DATABASE_URL, ...BURST });
      expect(result.refused).toEqual([]);
      expect(result.acknowledged).toBeGreaterThanOrEqual(BURST.killAfter);
      expect(result.lost).toEqual([]);
    },
    180_000,
  );
});
