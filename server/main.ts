/** Start: config → database (migrated) → first admin → app → listen. */
import { buildApp } from "./app.ts";
import { type Config, loadConfig } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import type { DataDirLock } from "./db/lock.ts";
import { jobHandlers } from "./job-handlers.ts";
import { ensureFirstAdmin } from "./modules/accounts/index.ts";
import { syncGlossaryFromFile } from "./modules/glossary/index.ts";
import { recoverInterruptedImports } from "./modules/people/index.ts";
import { syncCatalogueFromFile } from "./modules/skills/index.ts";
import { systemClock } from "./platform/clock/clock.ts";
import { startJobWorkers } from "./platform/jobs/job-queue.ts";
import { mailSettings } from "./platform/mail/index.ts";

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else the locked embedded one), migrates it and loads the skills catalogue and the glossary's seed. */
export async function openConfiguredDatabase(config: Config, lock?: DataDirLock): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ kind: "postgres", url: config.databaseUrl })
    : await openDatabase({ kind: "pglite", dataDir: config.dataDir, lock });
  await database.migrate();
  await syncCatalogueFromFile(database);
  await syncGlossaryFromFile(database, systemClock.now());
  return database;
}

/** Starts the server; `seed` runs on the migrated database before listening (used by the demo). */
export async function startServer(config: Config, options: { seed?: (database: Database) => Promise<void>; lock?: DataDirLock } = {}) {
  const database = await openConfiguredDatabase(config, options.lock);
  const interrupted = await recoverInterruptedImports({ database, clock: systemClock });
  if (interrupted.length)
    console.warn(`HR imports interrupted by the last stop, marked failed (nothing was changed): ${interrupted.join(", ")}`);
  await options.seed?.(database);
  const mail = mailSettings(config);
  const app = await buildApp({ database, clock: systemClock, config, mail, logger: { level: config.logLevel } });
  const first = await ensureFirstAdmin(config.admin, {
    database,
    clock: systemClock,
    publicUrl: config.publicUrl,
    session: config.session,
  });
  await app.listen({ port: config.port, host: config.host });
  // Emails, imports, bulk invitations and the scheduled sweeps: jobs in the database, run once across instances.
  const workers = await startJobWorkers(database, jobHandlers({ database, clock: systemClock, config, mail }), {
    onError: (err) => app.log.error({ err }, "background job error"),
  });

  const where = database.kind === "postgres" ? "PostgreSQL" : `embedded database in ${config.dataDir}`;
  console.log(`\nPasserelle is running at ${config.publicUrl} (${where}).`);
  console.log(
    config.smtpUrl
      ? `Emails are sent through ${new URL(config.smtpUrl).host}.`
      : "No SMTP_URL: emails are kept in the outbox that administrators read in the web app (Gestion → Courriels).",
  );
  if (first.kind === "created") console.log(`First administrator created: ${first.email}`);
  if (first.kind === "setup-link") {
    console.log("\nNo administrator yet. Open this one-time link to create the first one (valid 24 h):");
    console.log(`  ${first.link}\n`);
  }

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    app.log.info({ signal }, "stopping");
    await app.close();
    // A job being run (an HR import's apply included) finishes first (pg-boss's graceful stop), then no new one starts.
    await workers.stop();
    mail.transport?.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** Prints why the process cannot start (lock held, bad configuration…) and exits non-zero. */
export function exitWithStartError(err: unknown): never {
  console.error(`\nPasserelle cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.LOG_LEVEL === "debug") console.error(err);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer(loadConfig()).catch(exitWithStartError);
}
