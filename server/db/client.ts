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
import { installJobQueue } from "../platform/jobs/job-queue.ts";
import { type DataDirLock, lockDataDir } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The drizzle database, the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction, or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

/** Runs SQL with numbered parameters on the database's own client (pg-boss's `db` option). */
export type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Raw SQL outside drizzle: pg-boss's queries (server/platform/jobs). */
  executeSql: SqlExecutor;
  /** Applies pending migrations and installs the job queue (idempotent; serialised across instances on PostgreSQL). */
  migrate(): Promise<void>;
  /** True once the database answers and every migration is applied. */
  isReady(): Promise<boolean>;
  /**
   * Takes a lock named `key` for as long as this process holds it, or answers undefined when
   * another holder has it. On PostgreSQL a session advisory lock on a connection kept aside, so the
   * server releases it the moment the holder dies; on the embedded database (one process) a lock in memory.
   * Used to tell long work that is running from work whose process died.
   */
  tryLock(key: string): Promise<HeldLock | undefined>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
/** Any constant: the key of the advisory lock that serialises migrations between app instances. */
const MIGRATION_LOCK_KEY = 7_261_011;

export type HeldLock = { release(): Promise<void> };

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  /**
   * dataDir undefined = in memory (tests). The data directory is locked for this process (lock.ts)
   * unless the caller already holds its lock (passed in; released on close).
   */
  | { kind: "pglite"; dataDir?: string; lock?: DataDirLock };

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
    const locks = sessionLocks(options.url);
    const executeSql: SqlExecutor = async (text, values) => pool.query(text, values as unknown[]);
    return {
      db,
      kind: "postgres",
      executeSql,
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
          try {
            await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
            await installJobQueue(async (text, values) => client.query(text, values as unknown[]));
          } finally {
            // A failed migration must not leave the lock on a pooled connection: the next instance would wait for ever.
            await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
          }
        } finally {
          client.release();
        }
        migrated = true;
      },
      isReady: () => readyCheck(db),
      tryLock: (key) => locks.tryLock(key),
      async close() {
        await locks.close();
        await pool.end();
      },
    };
  }

  const lock = options.lock ?? (options.dataDir ? await lockDataDir(options.dataDir) : undefined);
  let client: PGlite;
  try {
    client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
    await client.waitReady;
  } catch (err) {
    await lock?.release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const heldKeys = new Set<string>();
  let isClosed = false;
  const pglite = client;
  // pg-boss's migrations are several statements without parameters: exec; a statement that fails inside
  // its own BEGIN … COMMIT must not leave the one connection in an aborted transaction.
  const executeSql: SqlExecutor = async (text, values) => {
    if (values?.length) return pglite.query(text, values);
    try {
      return (await pglite.exec(text)).at(-1) ?? { rows: [] };
    } catch (err) {
      await pglite.exec("ROLLBACK").catch(() => {});
      throw err;
    }
  };
  return {
    db,
    kind: "pglite",
    executeSql,
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
      await installJobQueue(executeSql);
      migrated = true;
    },
    // The embedded database lives and dies with this process: it is ready once migrated, without a query
    // that would wait behind a long transaction (an import's merge) on its single connection.
    isReady: async () => migrated && !isClosed,
    async tryLock(key) {
      if (heldKeys.has(key)) return undefined;
      heldKeys.add(key);
      return { release: async () => void heldKeys.delete(key) };
    },
    async close() {
      isClosed = true;
      await client.close();
      await lock?.release();
    },
  };
}

/**
 * Session advisory locks on one connection of their own, outside the pool: a lock held for a long
 * apply takes no pooled connection (applies waiting for one while holding one would starve the
 * pool), and the server releases every lock when the connection dies, as when the process dies.
 * A key is held once per process too (PostgreSQL's session locks are reentrant).
 */
function sessionLocks(url: string) {
  let connection: Promise<pg.Client> | undefined;
  /** Each key held, with the handle that holds it (a handle of a lost connection must not release a newer one). */
  const heldKeys = new Map<string, symbol>();
  const connect = () => {
    connection ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      client.on("error", (err) => {
        // The server dropped the connection, and the locks with it: say so, and open a new one next time.
        console.error(`Lost the database connection holding ${heldKeys.size} lock(s): ${err.message}`);
        heldKeys.clear();
        connection = undefined;
      });
      await client.connect();
      return client;
    })().catch((err) => {
      connection = undefined;
      throw err;
    });
    return connection;
  };
  // Queries on one pg client run one after another: no two lock calls interleave.
  return {
    async tryLock(key: string): Promise<HeldLock | undefined> {
      if (heldKeys.has(key)) return undefined;
      const handle = Symbol(key);
      heldKeys.set(key, handle);
      try {
        const client = await connect();
        const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock(hashtextextended($1, 0)) as locked", [key]);
        if (!rows[0]?.locked) {
          heldKeys.delete(key);
          return undefined;
        }
        return {
          async release() {
            if (heldKeys.get(key) !== handle) return; // its connection was lost: the server released it already
            heldKeys.delete(key);
            await client.query("select pg_advisory_unlock(hashtextextended($1, 0))", [key]).catch(() => {});
          },
        };
      } catch (err) {
        heldKeys.delete(key);
        throw err;
      }
    },
    async close() {
      const client = await connection?.catch(() => undefined);
      connection = undefined;
      await client?.end().catch(() => {});
    },
  };
}
