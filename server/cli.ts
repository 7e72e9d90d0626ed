/** `passerelle` command line: the same configuration (environment variables) as the server. */
import { Command } from "commander";
import { loadConfig } from "./config.ts";
import { exitWithStartError, openConfiguredDatabase } from "./main.ts";
import { createAdmin } from "./modules/accounts/index.ts";
import { registerMatchingCommands } from "./modules/matching/matching.cli.ts";
import { registerImportPeopleCommand } from "./modules/people/people-import.cli.ts";
import { systemClock } from "./platform/clock/clock.ts";
import { AppError } from "./platform/errors/app-error.ts";
import { type Locale, translator } from "./platform/i18n/i18n.ts";

/** The CLI speaks French unless the terminal's locale is English (LC_ALL, LC_MESSAGES or LANG). */
function cliLocale(): Locale {
  const tag = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return tag.toLowerCase().startsWith("en") ? "en" : "fr";
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

const program = new Command()
  .name("passerelle")
  .description("Passerelle — reverse-mentoring programmes. Reads the same environment variables as the server (see README).")
  .showHelpAfterError();

program
  .command("migrate")
  .description("apply pending database migrations (also done at every start)")
  .action(async () => {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    await database.close();
    console.log(`Database is up to date (${config.databaseUrl ? "PostgreSQL" : config.dataDir}).`);
  });

program
  .command("create-admin")
  .description("create an administrator, or make an existing account one")
  .requiredOption("--email <email>", "work email of the administrator")
  .option("--name <name>", "display name (default: the email's local part)")
  .option("--password-stdin", "read the password from standard input (else PASSERELLE_ADMIN_PASSWORD)")
  .action(async (options: { email: string; name?: string; passwordStdin?: boolean }) => {
    const config = loadConfig();
    const password = options.passwordStdin ? await readStdin() : process.env.PASSERELLE_ADMIN_PASSWORD;
    if (!password) throw new Error("no password: pass --password-stdin or set PASSERELLE_ADMIN_PASSWORD");
    const email = options.email.trim().toLowerCase();
    const database = await openConfiguredDatabase(config);
    try {
      await createAdmin({ email, displayName: options.name ?? email.split("@")[0] ?? email, password }, { database, clock: systemClock });
      console.log(`Administrator ready: ${email}`);
    } catch (err) {
      if (err instanceof AppError) {
        const t = translator(cliLocale());
        throw new Error(
          err.details.map((d) => `${d.path}: ${t(d.messageKey, d.params ?? {})}`).join("\n") || t(err.messageKey, err.params),
        );
      }
      throw err;
    } finally {
      await database.close();
    }
  });

registerImportPeopleCommand(program, () => {
  const config = loadConfig();
  return { config, locale: cliLocale(), clock: systemClock, openDatabase: () => openConfiguredDatabase(config) };
});

registerMatchingCommands(program);

program.parseAsync().catch((err: unknown) => {
  if (err instanceof Error && err.name === "DataDirLockedError") exitWithStartError(err);
  console.error(`passerelle: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
