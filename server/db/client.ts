import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The drizzle database, the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction, or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies pending migrations (idempotent; serialised across instances on PostgreSQL). */
  migrate(): Promise<void>;
  /** True once the database answers and every migration is applied. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
/** Any constant: the key of the advisory lock that serialises migrations between app instances. */
const MIGRATION_LOCK_KEY = 7_261_011;

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  /** dataDir undefined = in memory (tests). */
  | { kind: "pglite"; dataDir?: string; lock?: boolean };

/** Opens the embedded database (locked data directory) or a PostgreSQL pool. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let migrated = false;
  const readyCheck = async (db: Db) => {
    try {
      await db.execute(sql`select 1`);
      return migrated;
    } catch {
      return false;
    }
  };

  if (options.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
        } finally {
          client.release();
        }
        migrated = true;
      },
      isReady: () => readyCheck(db),
      close: () => pool.end(),
    };
  }

  const lock = options.dataDir && options.lock !== false ? await lockDataDir(options.dataDir) : undefined;
  let client: PGlite;
  try {
    client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
    await client.waitReady;
  } catch (err) {
    await lock?.release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
      migrated = true;
    },
    isReady: () => readyCheck(db),
    async close() {
      await client.close();
      await lock?.release();
    },
  };
}
