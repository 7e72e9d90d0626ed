import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../db/client.ts";
import { syncGlossaryFromFile } from "../modules/glossary/index.ts";
import { syncCatalogueFromFile } from "../modules/skills/index.ts";

/**
 * A fresh, migrated, real database for one test file: in-memory PGlite by default, a copy of the
 * migrated template on PostgreSQL when TEST_DATABASE_URL is set. Never a mock.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("pgTemplate");
  if (!url || !template) {
    const database = await openDatabase({ kind: "pglite" });
    await database.migrate();
    await syncCatalogueFromFile(database);
    await syncGlossaryFromFile(database, new Date());
    return database;
  }
  const name = `passerelle_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: dbUrl.toString(), poolSize: 4 });
  await database.migrate();
  return {
    ...database,
    /** This database's connection string: a second app instance opens its own pool on it. */
    url: dbUrl.toString(),
    async close() {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export const isPostgresRun = () => Boolean(process.env.TEST_DATABASE_URL);
