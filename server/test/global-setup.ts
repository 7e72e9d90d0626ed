import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.ts";
import { syncGlossaryFromFile } from "../modules/glossary/index.ts";
import { syncCatalogueFromFile } from "../modules/skills/index.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Name of the migrated template database each test file copies (PostgreSQL runs only). */
    pgTemplate: string | undefined;
  }
}

/**
 * With TEST_DATABASE_URL, migrates one template database once; each test file then gets its own
 * copy (CREATE DATABASE … TEMPLATE), so files run in parallel without seeing each other's rows.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide("pgTemplate", undefined);
    return;
  }
  const template = `passerelle_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const database = await openDatabase({ kind: "postgres", url: templateUrl.toString(), poolSize: 1 });
  await database.migrate();
  await syncCatalogueFromFile(database);
  await syncGlossaryFromFile(database, new Date());
  await database.close();
  project.provide("pgTemplate", template);
  return async () => {
    await admin.query(`drop database if exists ${template}`);
    await admin.end();
  };
}
